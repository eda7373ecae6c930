// Which APIs a viewer may see. Deny by default: partner and internal APIs, and APIs whose
// api.yaml is invalid (visibility unknown), are visible to portal admins only until access
// grants exist (issue 5).
import type { CatalogApi } from "@/lib/specs/model";
import type { Viewer } from "./viewer";

export function canViewApi(viewer: Viewer, api: CatalogApi): boolean {
  if (api.visibility === "public") return true;
  return viewer.kind === "user" && viewer.isAdmin;
}

export function visibleApis(viewer: Viewer, apis: readonly CatalogApi[]): CatalogApi[] {
  return apis.filter((a) => canViewApi(viewer, a));
}

/** What an anonymous visitor may see: what crawlers and public indexes (sitemap, llms.txt) list, whoever asks. */
export function publicApis(apis: readonly CatalogApi[]): CatalogApi[] {
  return visibleApis({ kind: "anonymous" }, apis);
}
