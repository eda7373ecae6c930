// Route handlers' side of discovery: the sitemap index, per-version sitemaps and llms.txt. They
// list what an anonymous visitor may see, whoever asks (a signed-in admin's sitemap must not
// publish internal APIs), so they may be cached by anyone.
import "server-only";
import { publicApis } from "@/lib/access/visibility";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { findVersion, getCatalog, getVersionModel } from "@/lib/specs";
import { llmsTxt } from "./llms";
import { MAX_URLS_PER_SITEMAP, portalSitemap, sitemapIndex, versionSitemap } from "./sitemap";

const CACHE = { "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" };
const XML = { ...CACHE, "content-type": "application/xml; charset=utf-8" };

const listedApis = () => publicApis(getCatalog().apis).sort((a, b) => a.id.localeCompare(b.id));

export function sitemapIndexResponse(): Response {
  return new Response(sitemapIndex(env().portalUrl, listedApis()), { headers: XML });
}

/** `file` is "portal.xml" (apiId null), or "<version>.xml" under /sitemaps/apis/<api>. */
export function sitemapResponse(apiId: string | null, file: string): Response {
  const notFound = new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!file.endsWith(".xml")) return notFound;
  if (apiId === null) return file === "portal.xml" ? new Response(portalSitemap(env().portalUrl, listedApis()), { headers: XML }) : notFound;
  const api = listedApis().find((a) => a.id === apiId);
  // `latest` is an alias: its pages are listed under the concrete version.
  const version = api && file !== "latest.xml" ? findVersion(api, file.slice(0, -4)) : undefined;
  if (!api || !version) return notFound;
  const model = version.status === "ok" ? getVersionModel(api.id, version.id) : null;
  const { xml, total } = versionSitemap(env().portalUrl, api, version, model);
  if (total > MAX_URLS_PER_SITEMAP) log.warn({ api: api.id, version: version.id, total }, "sitemap cut at 50,000 URLs");
  return new Response(xml, { headers: XML });
}

export function llmsTxtResponse(): Response {
  return new Response(llmsTxt(env().portalUrl, listedApis()), { headers: { ...CACHE, "content-type": "text/plain; charset=utf-8" } });
}
