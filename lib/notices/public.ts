// The read side of the public deprecation pages, feeds and calendars: live notices (published, or
// scheduled with their time come) of public APIs only, whoever asks, like the changelog. Pages are
// static; lib/notices/revalidate.ts refreshes them when an admin changes a notice.
import "server-only";
import { publicApis } from "@/lib/access/visibility";
import { db } from "@/lib/db";
import { findApi, getCatalog } from "@/lib/specs/index";
import type { CatalogApi } from "@/lib/specs/model";
import { loadLiveNotices } from "./live-index";
import { isLive, type Notice } from "./types";

export type PublicNotice = Notice & { apiName: string };

/** A public API by id; undefined for unknown, partner and internal alike (their pages 404). */
export function findPublicApi(apiId: string): CatalogApi | undefined {
  const api = findApi(apiId);
  return api?.visibility === "public" ? api : undefined;
}

/** Live notices of one public API, or of every public API (`api` null), soonest sunset first. */
export async function publicNotices(api: CatalogApi | null, now = new Date()): Promise<PublicNotice[]> {
  const apis = api ? [api] : publicApis(getCatalog().apis);
  const names = new Map(apis.map((a) => [a.id, a.name]));
  const rows = await loadLiveNotices(db(), now);
  return rows
    .filter((n) => names.has(n.apiId) && isLive(n, now))
    .map((n) => ({ ...n, apiName: names.get(n.apiId)! }))
    .sort((a, b) => (a.sunsetAt?.getTime() ?? Infinity) - (b.sunsetAt?.getTime() ?? Infinity) || a.apiName.localeCompare(b.apiName) || a.title.localeCompare(b.title));
}

/** Live notices that name this operation (or its whole version) of a public API: operation badges. */
export async function noticesForOperation(apiId: string, versionId: string, operation: string): Promise<PublicNotice[]> {
  const api = findPublicApi(apiId);
  if (!api) return [];
  const key = `${versionId} ${operation}`;
  return (await publicNotices(api)).filter((n) => (n.versions.length === 0 || n.versions.includes(versionId)) && (n.operations.length === 0 || n.operations.includes(key)));
}
