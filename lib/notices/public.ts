// The read side of the public deprecation pages, feeds and calendars: live notices (published, or
// scheduled with their time come) of public APIs only, whoever asks, like the changelog. Pages are
// static; lib/notices/revalidate.ts refreshes them when an admin changes a notice.
import "server-only";
import { publicApis } from "@/lib/access/visibility";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { findApi, getCatalog } from "@/lib/specs/index";
import type { CatalogApi } from "@/lib/specs/model";
import { loadLiveNotices } from "./live-index";
import { affectsResponses, isLive, type Notice } from "./types";
import { noticePath } from "./urls";
import { log } from "@/lib/log";

export type PublicNotice = Notice & { apiName: string };

/** A public API by id; undefined for unknown, partner and internal alike (their pages 404). */
export function findPublicApi(apiId: string): CatalogApi | undefined {
  const api = findApi(apiId);
  return api?.visibility === "public" ? api : undefined;
}

/**
 * Live notices of one API, or of every public API (`api` null), soonest sunset first. With an
 * API, the caller has checked that the viewer may see it (partner/internal pages do).
 */
export async function publicNotices(api: CatalogApi | null, now = new Date()): Promise<PublicNotice[]> {
  // `next build` without a database (CI, `npm run bench`): /deprecations is prerendered empty and
  // filled at its first revalidation. `npm start` builds with the database running.
  if (!env().DATABASE_URL) return [];
  const apis = api ? [api] : publicApis(getCatalog().apis);
  const names = new Map(apis.map((a) => [a.id, a.name]));
  const rows = await loadLiveNotices(db(), now);
  return rows
    .filter((n) => names.has(n.apiId) && isLive(n, now))
    .map((n) => ({ ...n, apiName: names.get(n.apiId)! }))
    .sort((a, b) => (a.sunsetAt?.getTime() ?? Infinity) - (b.sunsetAt?.getTime() ?? Infinity) || a.apiName.localeCompare(b.apiName) || a.title.localeCompare(b.title));
}

/**
 * Links for the deprecation badge of an operation page: live notices of `api` that name this
 * operation or its whole version (not parameter notices: the operation itself stays). The caller
 * has checked that the viewer may see `api` (loadVersionPage): public pages pass public APIs, the
 * per-request copies of partner/internal pages their own. A database failure leaves the badge
 * without links rather than failing the page.
 */
export async function operationNoticeLinks(api: CatalogApi, versionId: string, operation: string): Promise<{ href: string; title: string; sunset: string | null }[]> {
  const key = `${versionId} ${operation}`;
  try {
    return (await publicNotices(api))
      .filter((n) => affectsResponses(n) && (n.versions.length === 0 || n.versions.includes(versionId)) && (n.operations.length === 0 || n.operations.includes(key)))
      .map((n) => ({ href: noticePath(n.apiId, n.id), title: n.title, sunset: n.sunsetAt?.toISOString().slice(0, 10) ?? null }));
  } catch (e) {
    log.warn({ err: e instanceof Error ? e.message : String(e) }, "deprecation notices unavailable for an operation page");
    return [];
  }
}
