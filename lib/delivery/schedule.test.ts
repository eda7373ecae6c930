// SEC-E6 (schedule part): delays between attempts, jitter bounds, Retry-After.
import { describe, expect, it } from "vitest";
import { nextWebhookDelayMs, parseRetryAfter, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_SCHEDULE_MS } from "./schedule";

describe("webhook retry schedule", () => {
  it("follows 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, then stops", () => {
    const mid = () => 0.5;
    const delays = Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, (_, i) => nextWebhookDelayMs(i + 1, null, mid));
    expect(delays).toEqual([5e3, 3e5, 18e5, 72e5, 18e6, 36e6, 504e5, 72e6, 864e5, null]);
    expect(WEBHOOK_SCHEDULE_MS[0]).toBe(0);
    // Cumulative: about three days of trying.
    expect(WEBHOOK_SCHEDULE_MS.reduce((a, b) => a + b, 0) / 3_600_000).toBeCloseTo(75.59, 1);
  });

  it("jitter stays within ±10%", () => {
    for (let i = 1; i < WEBHOOK_MAX_ATTEMPTS; i++) {
      const base = WEBHOOK_SCHEDULE_MS[i]!;
      expect(nextWebhookDelayMs(i, null, () => 0)).toBe(Math.round(base * 0.9));
      expect(nextWebhookDelayMs(i, null, () => 0.999999)).toBeLessThanOrEqual(Math.round(base * 1.1));
    }
  });

  it("Retry-After replaces the scheduled delay (capped at 24 h), but not past the last attempt", () => {
    expect(nextWebhookDelayMs(1, 120_000)).toBe(120_000);
    expect(nextWebhookDelayMs(3, 5_000)).toBe(5_000);
    expect(nextWebhookDelayMs(2, 10 * 86_400_000)).toBe(86_400_000);
    expect(nextWebhookDelayMs(WEBHOOK_MAX_ATTEMPTS, 1000)).toBeNull();
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-11-26T10:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Thu, 26 Nov 2026 10:02:00 GMT", now)).toBe(120_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
