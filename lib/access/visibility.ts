// Which APIs a viewer may see. Deny by default:
//   public:    everyone
//   partner:   portal admins, and users whose apps (personal or their organizations') hold a grant
//   internal:  portal admins, members of the internal organization (INTERNAL_ORG_SLUG), grant holders
//   unknown (invalid api.yaml): portal admins only
import type { CatalogApi } from "@/lib/specs/model";
import type { Viewer } from "./viewer";

export function canViewApi(viewer: Viewer, api: CatalogApi): boolean {
  if (api.visibility === "public") return true;
  if (viewer.kind !== "user") return false;
  if (viewer.isAdmin) return true;
  if (api.visibility === "partner") return viewer.access?.apis.includes(api.id) ?? false;
  if (api.visibility === "internal") return (viewer.access?.internal || viewer.access?.apis.includes(api.id)) ?? false;
  return false;
}

export function visibleApis(viewer: Viewer, apis: readonly CatalogApi[]): CatalogApi[] {
  return apis.filter((a) => canViewApi(viewer, a));
}

/** What an anonymous visitor may see: what crawlers and public indexes (sitemap, llms.txt) list, whoever asks. */
export function publicApis(apis: readonly CatalogApi[]): CatalogApi[] {
  return visibleApis({ kind: "anonymous" }, apis);
}
