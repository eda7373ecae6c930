// The published notices and their brownout windows, indexed for the hot path of key verification
// and for the gateway headers endpoint: which notices apply to one API, version and operation.
// Built from rows (loadLiveIndex) and kept per instance in a cache that PostgreSQL notifications
// clear (lib/gateway/services.ts). Pure apart from the loader.
import type { Db } from "@/lib/db/create-client";
import { affectsResponses, isLive, type BrownoutWindow, type Notice } from "./types";

export interface LiveNotice extends Notice {
  brownouts: BrownoutWindow[];
}

export interface LiveIndex {
  /** Notices that deprecate responses of this operation (or of the whole version when op is null). */
  applicable(apiId: string, versionId: string, operation: string | null): LiveNotice[];
  all(): LiveNotice[];
  /** When the index was built; scheduled notices become live without a notification. */
  builtAt: number;
}

const EMPTY: LiveNotice[] = [];

export function buildLiveIndex(notices: LiveNotice[], now: Date): LiveIndex {
  const live = notices.filter((n) => isLive(n, now) && affectsResponses(n));
  const byApi = new Map<string, LiveNotice[]>();
  for (const n of live) byApi.set(n.apiId, [...(byApi.get(n.apiId) ?? []), n]);
  return {
    builtAt: now.getTime(),
    all: () => live,
    applicable(apiId, versionId, operation) {
      const list = byApi.get(apiId);
      if (!list) return EMPTY;
      const key = operation && `${versionId} ${operation}`;
      return list.filter(
        (n) => (n.versions.length === 0 || n.versions.includes(versionId)) && (n.operations.length === 0 || (key !== null && n.operations.includes(key))),
      );
    },
  };
}

/** The brownout in force at `now` among these notices: the latest end of the windows running. */
export function activeBrownout(notices: LiveNotice[], now: number): { noticeId: string; startsAt: Date; endsAt: Date } | null {
  let best: { noticeId: string; startsAt: Date; endsAt: Date } | null = null;
  for (const n of notices)
    for (const b of n.brownouts)
      if (b.startsAt.getTime() <= now && now < b.endsAt.getTime() && (!best || b.endsAt > best.endsAt)) best = { noticeId: n.id, startsAt: b.startsAt, endsAt: b.endsAt };
  return best;
}

/** Published and scheduled notices with their brownouts that have not ended. */
export async function loadLiveNotices(db: Db, now = new Date()): Promise<LiveNotice[]> {
  const rows = await db.deprecationNotice.findMany({
    where: { status: { in: ["published", "scheduled"] } },
    include: { brownouts: { where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select: { id: true, noticeId: true, startsAt: true, endsAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toLiveNotice);
}

type Row = Awaited<ReturnType<Db["deprecationNotice"]["findFirstOrThrow"]>> & { brownouts: BrownoutWindow[] };

export function toLiveNotice(r: Row): LiveNotice {
  return {
    id: r.id,
    specKey: r.specKey,
    source: r.source,
    status: r.status,
    apiId: r.apiId,
    versions: r.versions,
    operations: r.operations,
    title: r.title,
    body: r.body,
    migrationGuide: r.migrationGuide,
    deprecatedAt: r.deprecatedAt,
    sunsetAt: r.sunsetAt,
    publishAt: r.publishAt,
    publishedAt: r.publishedAt,
    brownouts: r.brownouts,
  };
}
