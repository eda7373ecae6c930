// What the changelog pages, feeds, Markdown and JSON start from: the API the URL names if the
// viewer may see it (unknown and hidden both end in the same 404), the severity filter, the two
// versions of a diff URL. Server-only; visibility through lib/access like every reference page.
import "server-only";
import { findVisibleApi } from "@/lib/specs/page-context";
import { findVersion } from "@/lib/specs/catalog-reader";
import type { CatalogApi, CatalogVersion } from "@/lib/specs/model";
import { CHANGELOG_FILTERS, type ChangelogFilter } from "@/lib/discovery/urls";

export { findVisibleApi };

export function parseFilter(raw: string | undefined): ChangelogFilter | null | undefined {
  if (raw === undefined) return null;
  return (CHANGELOG_FILTERS as readonly string[]).includes(raw) ? (raw as ChangelogFilter) : undefined;
}

/** "v1...v2" (URL-decoded) → the two versions; undefined when either is not a version of `api`. */
export function parseRange(api: CatalogApi, raw: string): { from: CatalogVersion; to: CatalogVersion } | undefined {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  // Version ids may contain dots: try each "..." until both sides name versions.
  for (let i = text.indexOf("..."); i >= 0; i = text.indexOf("...", i + 1)) {
    const from = findVersion(api, text.slice(0, i));
    const to = findVersion(api, text.slice(i + 3));
    if (from && to) return { from, to };
  }
  return undefined;
}
