// Search for the portal's pages and routes: the catalog and spec cache of this instance, and the
// viewer of this request. One index store per process (see store.ts for its memory bound).
import "server-only";
import { getViewer } from "@/lib/access/viewer";
import { env } from "@/lib/env";
import { getCatalog } from "@/lib/specs";
import { cacheDirFor } from "@/lib/specs/cache";
import { searchCatalog, type SearchOutcome, type SearchRequest } from "./search";
import { IndexStore } from "./store";

let store: IndexStore | undefined;

export async function searchForViewer(req: SearchRequest): Promise<SearchOutcome> {
  const viewer = await getViewer();
  store ??= new IndexStore(cacheDirFor(env().dataDir));
  const s = store;
  return searchCatalog(getCatalog(), viewer, req, (api, version) => s.get({ apiId: api.id, versionId: version.id, contentHash: version.contentHash }));
}
