// The sitemap (sitemaps.org protocol) as a sitemap index: /sitemap.xml names /sitemaps/portal.xml
// (home, catalog and changelogs) and one /sitemaps/apis/<api>/<version>.xml per version of each API the caller
// passes in. A version's sitemap holds its overview, tag, schema-index, operation, schema and
// webhook pages, so ten versions of 1,000+ operations stay ten files of a few hundred KB, each
// built from one model.json. `latest` aliases are not listed: only the concrete versions
// (canonical URLs). Pure: visibility is decided by the caller (lib/access).
import type { CatalogApi, CatalogVersion, VersionModel } from "@/lib/specs/model";
import { groupByTag } from "@/lib/specs/group";
import { deprecationsPath } from "@/lib/notices/urls";
import { absolute, CATALOG_PATH, changelogPath, refPath, type RefPage } from "./urls";

/** The protocol's limit per file; a version past it is cut (and logged by the route). */
export const MAX_URLS_PER_SITEMAP = 50_000;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

export const versionSitemapPath = (apiId: string, versionId: string): string =>
  `/sitemaps/apis/${encodeURIComponent(apiId)}/${encodeURIComponent(versionId)}.xml`;
export const PORTAL_SITEMAP_PATH = "/sitemaps/portal.xml";

export function sitemapIndex(origin: string, apis: readonly CatalogApi[]): string {
  const locs = [PORTAL_SITEMAP_PATH, ...apis.flatMap((a) => a.versions.map((v) => versionSitemapPath(a.id, v.id)))];
  const body = locs.map((p) => `<sitemap><loc>${escapeXml(absolute(origin, p))}</loc></sitemap>`).join("\n");
  return `${XML_HEAD}<sitemapindex ${NS}>\n${body}\n</sitemapindex>\n`;
}

export function urlset(origin: string, paths: readonly string[]): string {
  const body = paths.map((p) => `<url><loc>${escapeXml(absolute(origin, p))}</loc></url>`).join("\n");
  return `${XML_HEAD}<urlset ${NS}>\n${body}\n</urlset>\n`;
}

/** Every page of one version, overview first. A version that failed to load has its problem page only. */
export function versionPages(model: VersionModel | null): RefPage[] {
  if (!model) return [{ kind: "overview" }];
  return [
    { kind: "overview" },
    ...groupByTag(model).map((g): RefPage => ({ kind: "tag", name: g.name })),
    ...model.operations.map((o): RefPage => ({ kind: "operation", slug: o.slug })),
    ...(model.webhooks.length ? [{ kind: "webhooks" } as RefPage] : []),
    ...model.webhooks.map((w): RefPage => ({ kind: "webhook", slug: w.slug })),
    ...(model.schemaNames.length ? [{ kind: "schemas" } as RefPage] : []),
    ...model.schemaNames.map((name): RefPage => ({ kind: "schema", name })),
  ];
}

export function versionSitemap(origin: string, api: CatalogApi, version: CatalogVersion, model: VersionModel | null): { xml: string; total: number } {
  const paths = versionPages(model).map((p) => refPath(api.id, version.id, p));
  return { xml: urlset(origin, paths.slice(0, MAX_URLS_PER_SITEMAP)), total: paths.length };
}

/** Home, catalog, the global changelog and deprecations, and each listed API's. */
export function portalSitemap(origin: string, apis: readonly CatalogApi[] = []): string {
  return urlset(origin, ["/", CATALOG_PATH, changelogPath(null), deprecationsPath(null), ...apis.flatMap((a) => [changelogPath(a.id), deprecationsPath(a.id)])]);
}
