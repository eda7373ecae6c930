// The retry that carries the workers through a database restart, and the queue timing overrides.
import { describe, expect, it } from "vitest";
import { isConnectionError, retryOnConnectionError } from "./db-retry";
import { DEFAULT_TIMING, queueOptions, queueTimingFromEnv, QUEUES } from "./queue";

describe("isConnectionError", () => {
  it("knows a lost server from a bad query", () => {
    for (const e of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }),
    ])
      expect(isConnectionError(e), e.message).toBe(true);
    for (const e of [Object.assign(new Error("duplicate key"), { code: "23505" }), new Error("syntax error at or near"), null, "string"]) expect(isConnectionError(e)).toBe(false);
  });
});

describe("retryOnConnectionError", () => {
  it("retries connection errors until the call succeeds, and gives up on anything else at once", async () => {
    let calls = 0;
    const ok = await retryOnConnectionError(async () => {
      if (++calls < 3) throw Object.assign(new Error("down"), { code: "ECONNREFUSED" });
      return "done";
    });
    expect([ok, calls]).toEqual(["done", 3]);
    let other = 0;
    await expect(retryOnConnectionError(async () => {
      other++;
      throw Object.assign(new Error("duplicate key"), { code: "23505" });
    })).rejects.toThrow("duplicate key");
    expect(other).toBe(1);
  });

  it("rethrows after the deadline", async () => {
    const t0 = Date.now();
    await expect(retryOnConnectionError(async () => Promise.reject(Object.assign(new Error("down"), { code: "ECONNREFUSED" })), { deadlineMs: 600 })).rejects.toThrow("down");
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe("queueTimingFromEnv", () => {
  it("defaults, overrides, and refuses bad values by name", () => {
    expect(queueTimingFromEnv({})).toEqual(DEFAULT_TIMING);
    const t = queueTimingFromEnv({ DELIVERY_RETRY_DELAY_SECONDS: "1", DELIVERY_EXPIRE_SECONDS: "5", DELIVERY_MAINTENANCE_SECONDS: "2" });
    expect(queueOptions(t)[QUEUES.email]).toMatchObject({ retryDelay: 1, expireInSeconds: 5, retryBackoff: true });
    expect(t.maintenanceSeconds).toBe(2);
    for (const bad of ["0", "-1", "1.5", "soon"]) expect(() => queueTimingFromEnv({ DELIVERY_EXPIRE_SECONDS: bad })).toThrow(/DELIVERY_EXPIRE_SECONDS/);
  });
});
