// Which changelog page a Markdown request names, and its rendering (lib/markdown-export/serve.ts
// calls this first). Same lookups and visibility as the HTML pages.
import "server-only";
import { changelogPath, diffPath } from "@/lib/discovery/urls";
import { env } from "@/lib/env";
import { getVersionModel } from "@/lib/specs/index";
import type { CatalogVersion } from "@/lib/specs/model";
import { apiChangelogMarkdown, diffMarkdown, globalChangelogMarkdown } from "./markdown";
import { findVisibleApi, parseFilter, parseRange } from "./page-context";
import { getDiff, publicTimeline, releasesFor } from "./store";

/**
 * `segments` of the page path (["apis", "weather", "changelog", "breaking"]). undefined: not a
 * changelog page; null: a changelog page that does not exist for this viewer (404).
 */
export async function changesMarkdown(segments: string[]): Promise<{ body: string; htmlPath: string } | null | undefined> {
  const origin = env().portalUrl;
  if (segments[0] === "changelog") {
    const filter = segments.length <= 2 ? parseFilter(segments[1]) : undefined;
    if (filter === undefined) return null;
    return { body: globalChangelogMarkdown(origin, await publicTimeline(), filter), htmlPath: changelogPath(null, filter) };
  }
  const [root, apiId, kind, arg, ...rest] = segments;
  if (root !== "apis" || apiId === undefined || (kind !== "changelog" && kind !== "diff")) return undefined;
  const api = await findVisibleApi(apiId);
  if (!api || rest.length) return null;
  if (kind === "changelog") {
    const filter = parseFilter(arg);
    if (filter === undefined) return null;
    return { body: apiChangelogMarkdown(origin, api, await releasesFor(api), filter), htmlPath: changelogPath(api.id, filter) };
  }
  const range = arg === undefined ? undefined : parseRange(api, arg);
  if (!range) return null;
  const side = (v: CatalogVersion) => ({ apiId: api.id, versionId: v.id, model: v.status === "ok" ? getVersionModel(api.id, v.id) : null });
  return { body: diffMarkdown(origin, api, side(range.from), side(range.to), getDiff(api, range.from, range.to)?.result ?? null), htmlPath: diffPath(api.id, range.from.id, range.to.id) };
}
