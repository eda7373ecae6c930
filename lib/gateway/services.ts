// Everything key verification runs on, assembled once per process: key and gateway-credential
// caches kept exact by PostgreSQL notifications, the catalog reader, batched usage counters.
// Used by the lean gateway server (server/gateway.ts) and the portal's route handlers.
import type { Db } from "@/lib/db/create-client";
import { loadKeyByHash, type LiveKeyRecord } from "@/lib/keys/live-key";
import { cacheDirFor } from "@/lib/specs/cache";
import { buildLiveIndex, loadLiveNotices, type LiveIndex } from "@/lib/notices/live-index";
import { createCatalogReader } from "@/lib/specs/catalog-reader";
import { listenForKeyChanges } from "./key-change-listener";
import { createProtocol, type GatewayRecord } from "./protocol";
import { createTtlCache } from "./ttl-cache";
import { createUsageRecorder } from "./usage";
import { createVerifier } from "./verify";

export interface GatewayServiceOptions {
  dataDir: string;
  /** Upper bound on how long a changed key may be answered from cache if a notification is lost. */
  cacheTtlMs?: number;
  usageFlushMs?: number;
  /** Upper bound on how late a scheduled notice takes effect in verification answers. */
  noticeTtlMs?: number;
  log?: { error(obj: object, msg: string): void };
}

export function gatewayServices(db: Db, databaseUrl: string, opts: GatewayServiceOptions) {
  const keys = createTtlCache<LiveKeyRecord | null>((hash) => loadKeyByHash(db, hash), { ttlMs: opts.cacheTtlMs ?? 500, max: 100_000 });
  const gateways = createTtlCache<GatewayRecord | null>(
    async (hash) => {
      const g = await db.gatewayCredential.findUnique({ where: { hash }, select: { id: true, hash: true, revokedAt: true } });
      return g && { id: g.id, hash: g.hash, revoked: g.revokedAt !== null };
    },
    { ttlMs: opts.cacheTtlMs ?? 500, max: 1_000 },
  );
  const usage = createUsageRecorder(db, {
    intervalMs: opts.usageFlushMs,
    onError: (e) => opts.log?.error({ err: String(e) }, "usage flush failed; counts kept for the next flush"),
  });
  const catalog = createCatalogReader(() => cacheDirFor(opts.dataDir));
  // One entry: every live notice with its brownouts (a small table). Changes arrive by
  // notification on PostgreSQL; the 500 ms TTL (like the keys') bounds staleness where
  // notifications do not cross connections (embedded PGlite) and is how soon a scheduled notice,
  // which no write announces, takes effect.
  // A failed load must not fail key verification: the last index read (or none) answers, and
  // the next call tries again.
  let lastIndex: LiveIndex = buildLiveIndex([], new Date());
  const noticeCache = createTtlCache<LiveIndex>(
    async () => {
      try {
        lastIndex = buildLiveIndex(await loadLiveNotices(db), new Date());
        return lastIndex;
      } catch (e) {
        opts.log?.error({ err: String(e) }, "deprecation notices could not be read; verification answers without the latest");
        noticeCache.clear();
        return lastIndex;
      }
    },
    { ttlMs: opts.noticeTtlMs ?? 500, max: 1 },
  );
  const notices = { get: () => noticeCache.get("all") };
  const verifier = createVerifier({ keys, catalog, usage, notices });
  const listener = listenForKeyChanges(databaseUrl, {
    key: (hash) => keys.invalidate(hash),
    all: () => {
      keys.clear();
      gateways.clear();
    },
    notices: () => noticeCache.clear(),
    error: (e) => opts.log?.error({ err: String(e) }, "key change listener: connection problem; reconnecting"),
  });
  return {
    keys,
    gateways,
    usage,
    notices,
    catalog,
    verifier,
    protocol: createProtocol({ verifier, gateways }),
    async stop() {
      await usage.stop();
      await listener.stop();
    },
  };
}
