// Fixed-window rate limits held in PostgreSQL (RateLimitBucket), so every instance counts against
// the same numbers. One statement per hit: an upsert that starts a new window or increments the
// current one, atomic under concurrency (ON CONFLICT takes the row lock). Windows are aligned to
// the database clock, not the instances' clocks, so two instances never disagree on the window.
// Subjects (email addresses, IPs) are stored only as a hash: the table is not a list of who asked.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/create-client";

export interface RateLimitRule {
  /** Stable name, part of the bucket key ("signin-email-address"). */
  name: string;
  /** Hits allowed per window; the hit that exceeds it and every later one in the window is refused. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  limit: number;
  remaining: number;
  resetAt: Date;
  /** Seconds until the window ends (for a Retry-After header). */
  retryAfterSeconds: number;
}

type RawDb = Pick<Db, "$queryRaw" | "$executeRaw">;

export function bucketKey(rule: RateLimitRule, subject: string): string {
  const digest = crypto.createHash("sha256").update(subject, "utf8").digest("base64url").slice(0, 32);
  return `${rule.name}:${rule.windowSeconds}:${digest}`;
}

/** Counts one hit of `subject` against `rule` and says whether it is within the limit. */
export async function hitRateLimit(db: RawDb, rule: RateLimitRule, subject: string, now: () => number = Date.now): Promise<RateLimitResult> {
  const key = bucketKey(rule, subject);
  const w = Math.max(1, Math.floor(rule.windowSeconds));
  // Timestamps are "timestamp without time zone" in UTC, as Prisma stores DateTime.
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    WITH win AS (
      SELECT to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${w}::int) * ${w}::int) AT TIME ZONE 'UTC' AS start
    )
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    SELECT ${key}, win.start, 1, win.start + make_interval(secs => ${w}::int) FROM win
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitBucket"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart",
      "expiresAt" = EXCLUDED."expiresAt"
    RETURNING "count", "expiresAt" AS "resetAt"`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  // Now and then, drop buckets whose window is over (cheap with the index; no job needed).
  if (Math.random() < 0.02) await sweepExpiredBuckets(db);
  const count = Number(row.count);
  const resetAt = new Date(row.resetAt);
  return {
    allowed: count <= rule.limit,
    count,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now()) / 1000)),
  };
}

export async function sweepExpiredBuckets(db: RawDb): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "expiresAt" < (clock_timestamp() AT TIME ZONE 'UTC')`;
}
