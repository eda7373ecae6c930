import { describe, expect, it } from "vitest";
import { ADMIN_SESSION_IDLE_MS, ADMIN_SESSION_MAX_AGE_MS, adminExpiryOnUse, sessionEndsAt, sessionIsLive } from "./session-policy";

const H = 3_600_000;
const t0 = new Date("2026-11-26T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("session lifetimes", () => {
  it("ordinary sessions end at their expiry, however old", () => {
    const s = { createdAt: t0, expires: at(30 * 24 * H) };
    expect(sessionEndsAt(s, false)).toEqual(s.expires);
    expect(sessionIsLive(s, false, at(29 * 24 * H))).toBe(true);
    expect(adminExpiryOnUse(s, false, at(H))).toBeNull();
  });

  it("admin sessions end 12 hours after sign-in even when used all along", () => {
    expect(ADMIN_SESSION_MAX_AGE_MS).toBe(12 * H);
    let s = { createdAt: t0, expires: at(ADMIN_SESSION_IDLE_MS) };
    // Used every 30 minutes: the idle deadline moves, the 12-hour cap does not.
    for (let m = 30; m < 12 * 60; m += 30) {
      const now = at(m * 60_000);
      expect(sessionIsLive(s, true, now)).toBe(true);
      const next = adminExpiryOnUse(s, true, now);
      if (next) s = { ...s, expires: next };
    }
    expect(s.expires).toEqual(at(12 * H));
    expect(sessionIsLive(s, true, at(12 * H - 1))).toBe(true);
    expect(sessionIsLive(s, true, at(12 * H))).toBe(false);
  });

  it("an hour without use ends an admin session", () => {
    const s = { createdAt: t0, expires: at(ADMIN_SESSION_IDLE_MS) };
    expect(sessionIsLive(s, true, at(H - 1))).toBe(true);
    expect(sessionIsLive(s, true, at(H))).toBe(false);
  });

  it("writes the idle deadline at most once a minute", () => {
    const s = { createdAt: t0, expires: at(H) };
    expect(adminExpiryOnUse(s, true, at(30_000))).toBeNull();
    expect(adminExpiryOnUse(s, true, at(60_000))).toEqual(at(H + 60_000));
  });

  it("pulls in a 30-day expiry of a session that began before its user became an admin", () => {
    const s = { createdAt: t0, expires: at(30 * 24 * H) };
    expect(sessionEndsAt(s, true)).toEqual(at(12 * H));
    expect(adminExpiryOnUse(s, true, at(2 * H))).toEqual(at(3 * H));
  });
});
