// When the next webhook attempt runs (SEC-E6): roughly 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
// 14 h, 20 h and 24 h after the previous one (Svix's schedule, which Standard Webhooks cites),
// each with ±10% jitter so that endpoints failing together do not retry in lockstep.
// A `Retry-After` from the receiver replaces the scheduled delay (capped at 24 h).

const S = 1000;
const M = 60 * S;
const H = 60 * M;

/** Delay before attempt n+1 (index n); the first attempt runs at once. */
export const WEBHOOK_SCHEDULE_MS = [0, 5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 14 * H, 20 * H, 24 * H] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_SCHEDULE_MS.length;
export const JITTER = 0.1;
const RETRY_AFTER_CAP_MS = 24 * H;

/**
 * Delay before the next attempt after `attemptsDone` failed attempts, or null when the schedule
 * is spent. `random` in [0, 1) (tests pass a fixed one).
 */
export function nextWebhookDelayMs(attemptsDone: number, retryAfterMs: number | null = null, random: () => number = Math.random): number | null {
  if (attemptsDone >= WEBHOOK_MAX_ATTEMPTS) return null;
  const base = WEBHOOK_SCHEDULE_MS[attemptsDone]!;
  if (retryAfterMs !== null) return Math.min(Math.max(0, retryAfterMs), RETRY_AFTER_CAP_MS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** `Retry-After`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{1,9}$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}
