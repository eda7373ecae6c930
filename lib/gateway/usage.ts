// Counts verified calls per key, API version, operation and day in memory and writes them in batches:
// one upsert per distinct (key, day, api, version, operation) and one lastUsedAt update per key every few
// seconds, instead of a database write per call. A failed flush keeps its counts for the next one;
// what a crash loses is at most one interval of counts (documented in the README).
import type { Db } from "@/lib/db/create-client";

export interface UsageRecorder {
  record(keyId: string, apiId: string, version: string, operation: string, at?: Date): void;
  flush(): Promise<void>;
  stop(): Promise<void>;
  /** Distinct counters waiting to be written. */
  readonly pending: number;
}

const SEP = "\u0000";
/** Beyond this many distinct pending counters, new ones are dropped until a flush succeeds. */
const MAX_PENDING = 200_000;

export function createUsageRecorder(db: Db, opts: { intervalMs?: number; onError?: (e: unknown) => void } = {}): UsageRecorder {
  let counts = new Map<string, number>();
  let lastUsed = new Map<string, Date>();
  let flushing: Promise<void> | null = null;

  async function writeBatch(batch: Map<string, number>, used: Map<string, Date>): Promise<void> {
    const rows = [...batch].map(([k, calls]) => {
      const [keyId, day, apiId, version, operation] = k.split(SEP) as [string, string, string, string, string];
      return { keyId, day, apiId, version, operation, calls };
    });
    await db.$transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await tx.$executeRawUnsafe(
          `INSERT INTO "KeyUsageDaily" ("keyId", "day", "apiId", "version", "operation", "calls")
           SELECT * FROM UNNEST($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::int[])
           ON CONFLICT ("keyId", "day", "apiId", "version", "operation")
           DO UPDATE SET "calls" = "KeyUsageDaily"."calls" + EXCLUDED."calls"`,
          chunk.map((r) => r.keyId),
          chunk.map((r) => r.day),
          chunk.map((r) => r.apiId),
          chunk.map((r) => r.version),
          chunk.map((r) => r.operation),
          chunk.map((r) => r.calls),
        );
      }
      const ids = [...used.keys()];
      if (ids.length) {
        await tx.$executeRawUnsafe(
          `UPDATE "ApiKey" AS k SET "lastUsedAt" = GREATEST(COALESCE(k."lastUsedAt", u.at), u.at)
           FROM UNNEST($1::text[], $2::timestamp[]) AS u(id, at) WHERE k.id = u.id`,
          ids,
          ids.map((id) => used.get(id)!.toISOString().replace("Z", "")),
        );
      }
    });
  }

  async function flush(): Promise<void> {
    if (flushing) return flushing;
    if (counts.size === 0 && lastUsed.size === 0) return;
    const batch = counts;
    const used = lastUsed;
    counts = new Map();
    lastUsed = new Map();
    flushing = writeBatch(batch, used)
      .catch((e) => {
        // Put the counts back; they go out with the next flush.
        for (const [k, n] of batch) counts.set(k, (counts.get(k) ?? 0) + n);
        for (const [id, at] of used) if (!lastUsed.has(id) || lastUsed.get(id)! < at) lastUsed.set(id, at);
        opts.onError?.(e);
      })
      .finally(() => {
        flushing = null;
      });
    return flushing;
  }

  const timer = setInterval(() => void flush(), opts.intervalMs ?? 5_000);
  timer.unref();

  return {
    record(keyId, apiId, version, operation, at = new Date()) {
      const k = [keyId, at.toISOString().slice(0, 10), apiId, version, operation].join(SEP);
      const n = counts.get(k);
      if (n === undefined && counts.size >= MAX_PENDING) return;
      counts.set(k, (n ?? 0) + 1);
      const prev = lastUsed.get(keyId);
      if (!prev || prev < at) lastUsed.set(keyId, at);
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
    get pending() {
      return counts.size;
    },
  };
}
