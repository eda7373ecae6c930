import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/db";
import { bucketKey, hitRateLimit, sweepExpiredBuckets, type RateLimitRule } from "./rate-limit";

const db = testDb();
afterAll(() => db.$disconnect());

let n = 0;
const rule = (limit: number, windowSeconds = 3600): RateLimitRule => ({ name: `test-${process.pid}-${++n}`, limit, windowSeconds });

describe("bucketKey", () => {
  it("never stores the subject itself", () => {
    const key = bucketKey({ name: "signin-email", limit: 5, windowSeconds: 3600 }, "alice@example.com");
    expect(key).toMatch(/^signin-email:3600:[A-Za-z0-9_-]{32}$/);
    expect(key).not.toContain("alice");
  });
  it("separates rules, windows and subjects", () => {
    const a = { name: "a", limit: 1, windowSeconds: 60 };
    expect(bucketKey(a, "x")).not.toBe(bucketKey(a, "y"));
    expect(bucketKey(a, "x")).not.toBe(bucketKey({ ...a, name: "b" }, "x"));
    expect(bucketKey(a, "x")).not.toBe(bucketKey({ ...a, windowSeconds: 61 }, "x"));
  });
});

describe("hitRateLimit (PostgreSQL)", () => {
  it("allows `limit` hits per window and refuses the rest, with a Retry-After", async () => {
    const r = rule(3);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hitRateLimit(db, r, "alice@example.com"));
    expect(results.map((x) => x.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((x) => x.count)).toEqual([1, 2, 3, 4, 5]);
    expect(results[2]!.remaining).toBe(0);
    const last = results[4]!;
    expect(last.retryAfterSeconds).toBeGreaterThan(0);
    expect(last.retryAfterSeconds).toBeLessThanOrEqual(3600);
    // The window is aligned: it ends on a multiple of the window length (UTC epoch).
    expect(last.resetAt.getTime() % 3_600_000).toBe(0);
    expect(last.resetAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("counts subjects separately", async () => {
    const r = rule(1);
    expect((await hitRateLimit(db, r, "a")).allowed).toBe(true);
    expect((await hitRateLimit(db, r, "b")).allowed).toBe(true);
    expect((await hitRateLimit(db, r, "a")).allowed).toBe(false);
  });

  it("is atomic: of 20 concurrent hits exactly `limit` pass (as from several instances)", async () => {
    const r = rule(5);
    const other = testDb(); // a second client: a second pool, like a second instance
    try {
      const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => hitRateLimit(i % 2 ? db : other, r, "203.0.113.9")));
      expect(hits.filter((h) => h.allowed)).toHaveLength(5);
      expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await other.$disconnect();
    }
  });

  it("starts counting again in the next window, and expired buckets are swept", async () => {
    const r = rule(1, 1);
    // Start right after a second boundary so both hits land in one window.
    await new Promise((res) => setTimeout(res, 1000 - (Date.now() % 1000) + 20));
    expect((await hitRateLimit(db, r, "x")).allowed).toBe(true);
    expect((await hitRateLimit(db, r, "x")).allowed).toBe(false);
    await new Promise((res) => setTimeout(res, 1100));
    const again = await hitRateLimit(db, r, "x");
    expect(again).toMatchObject({ allowed: true, count: 1 });
    await new Promise((res) => setTimeout(res, 1100));
    await sweepExpiredBuckets(db);
    expect(await db.rateLimitBucket.count({ where: { key: bucketKey(r, "x") } })).toBe(0);
  });
});
