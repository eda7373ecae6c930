// Riding out a database restart inside a live process (SEC-F6): a query that fails because the
// server went away is tried again until it is back, up to a deadline. Used where giving up would
// cost a duplicate (recording an SMTP acceptance) or crash the process (pg-boss completes jobs
// without awaiting the promise, so a rejected completion is an unhandled rejection).
const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up / shutting down)
  "08000", "08001", "08003", "08006", // connection exceptions
  "P1001", "P1017", // Prisma: cannot reach / server closed the connection
]);

/** True when the error says the connection to PostgreSQL failed, not that the query was wrong. */
export function isConnectionError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof err.code === "string" && CONNECTION_CODES.has(err.code)) return true;
    if (typeof err.originalCode === "string" && CONNECTION_CODES.has(err.originalCode)) return true;
    const msg = typeof err.message === "string" ? err.message : "";
    if (/Connection terminated|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error|connect ECONNREFUSED|Can't reach database server|Server has closed the connection|timeout exceeded when trying to connect|Connection ended unexpectedly/i.test(msg)) return true;
    cur = err.cause;
  }
  return false;
}

export interface RetryOptions {
  /** Give up (rethrow) after this long. */
  deadlineMs?: number;
  onRetry?: (e: unknown, attempt: number) => void;
}

/** Runs `fn`, again after connection errors (250 ms doubling to 2 s) until the deadline. */
export async function retryOnConnectionError<T>(fn: () => Promise<T>, o: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + (o.deadlineMs ?? 120_000);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isConnectionError(e) || Date.now() >= deadline) throw e;
      o.onRetry?.(e, attempt);
      await new Promise((r) => setTimeout(r, Math.min(2000, 250 * 2 ** (attempt - 1))));
    }
  }
}
