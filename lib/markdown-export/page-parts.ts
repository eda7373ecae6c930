// What every Markdown page of a version shares: its URLs, the line saying where the page sits
// (API, version, lifecycle notice, the HTML page) and example blocks.
import { absolute, markdownPath, refPath, versionPath, type RefPage } from "@/lib/discovery/urls";
import type { CatalogApi, CatalogVersion, VersionModel } from "@/lib/specs/model";
import { blockquote, codeBlock, link, paragraph, strong, text, type Block, type Inline } from "./mdast";

const MAX_EXAMPLE_CHARS = 20_000;

export interface VersionContext {
  /** PORTAL_URL, no trailing slash. */
  origin: string;
  api: CatalogApi;
  version: CatalogVersion;
  model: VersionModel | null;
}

export const mdUrl = (ctx: VersionContext, page: RefPage) => absolute(ctx.origin, markdownPath(refPath(ctx.api.id, ctx.version.id, page)));
export const htmlUrl = (ctx: VersionContext, page: RefPage) => absolute(ctx.origin, refPath(ctx.api.id, ctx.version.id, page));
export const schemaUrl = (ctx: VersionContext) => (name: string) => mdUrl(ctx, { kind: "schema", name });

/** Where the page sits: API and version (linked), lifecycle, and the HTML page. */
export function context(ctx: VersionContext, page: RefPage): Block[] {
  const { api, version } = ctx;
  const out: Block[] = [
    paragraph(
      link(mdUrl(ctx, { kind: "overview" }), `${api.name} ${version.id}`),
      text(` (${version.lifecycle}) · `),
      link(htmlUrl(ctx, page), "HTML version"),
    ),
  ];
  const newer = api.latestVersion && api.latestVersion !== version.id ? api.latestVersion : null;
  const useNewer: Inline[] = newer
    ? [text(" Use "), link(absolute(ctx.origin, markdownPath(versionPath(api.id, newer))), newer), text(" instead.")]
    : [];
  if (version.lifecycle === "deprecated") {
    const since = version.deprecated ? ` since ${version.deprecated}` : "";
    const until = version.sunset ? ` and stops working on ${version.sunset}.` : ".";
    out.push(blockquote(paragraph(strong(text("This version is deprecated")), text(since + until), ...useNewer)));
  } else if (version.lifecycle === "retired") {
    out.push(blockquote(paragraph(strong(text("This version is retired")), text(`${version.sunset ? ` since ${version.sunset}` : ""}: calls to it no longer work.`), ...useNewer)));
  } else if (version.lifecycle === "beta") {
    out.push(blockquote(paragraph(strong(text("Beta:")), text(" this version may still change in ways that break clients."))));
  }
  return out;
}

export function exampleBlock(value: unknown, label: string): Block[] {
  const raw = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  if (raw === undefined) return [];
  const body = raw.length > MAX_EXAMPLE_CHARS ? `${raw.slice(0, MAX_EXAMPLE_CHARS)}\n…` : raw;
  return [paragraph(`${label}:`), codeBlock(body, typeof value === "string" ? null : "json")];
}
