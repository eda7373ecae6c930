// The job queue: pg-boss 10 on the portal's own PostgreSQL (embedded PGlite or DATABASE_URL), so
// jobs survive restarts and every instance shares them (pg-boss fetches with SKIP LOCKED: one job,
// one worker). pg-boss 11+ needs Node 22; these machines run Node 20.
//
// Two ways in:
// - `startQueue(url)` (server/start.ts, tests): a started PgBoss that creates its schema
//   (`pgboss`), our queues, and runs maintenance (expiry of stuck active jobs, retention).
// - `sendInTransaction(tx, …)`: inserts a job through the caller's Prisma transaction (pg-boss's
//   `db` option with an executor over the tx), so a rolled-back transaction leaves no job
//   (SEC-F4). It needs no started PgBoss: only the SQL of a constructed one.
import pg from "pg";
import PgBoss from "pg-boss";
import { retryOnConnectionError } from "./db-retry";

/** Schema pg-boss owns (created and migrated by pg-boss itself, not by Prisma). */
export const QUEUE_SCHEMA = "pgboss";

export const QUEUES = {
  /** One job per email delivery; SMTP 4xx and outages retry with pg-boss's exponential backoff. */
  email: "delivery-email",
  /** One job per webhook attempt; the next attempt is a new job at the schedule's time (schedule.ts). */
  webhook: "delivery-webhook",
  /** Cron, every minute, one run per tick across instances: scheduled notices, sunset reminders. */
  everyMinute: "portolan-every-minute",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Retries: pg-boss retries twice with no delay unless told otherwise. Email: 12 retries, 15 s
 * doubling with jitter (15 s, 30 s, 1 min … ~8.5 h; ~17 h in all), enough for an SMTP outage of
 * hours. Webhooks schedule their own attempts; these retries only cover a worker that died or
 * threw before recording an attempt. `expireInSeconds` returns a job whose worker died (kill -9)
 * to the queue: above the 15 s attempt timeout plus bookkeeping. pg-boss looks for expired jobs
 * at each maintenance run (`maintenanceSeconds`), so a killed worker's job is back within
 * expire + maintenance seconds.
 */
export interface QueueTiming {
  emailRetryDelay: number;
  webhookRetryDelay: number;
  expireSeconds: number;
  maintenanceSeconds: number;
}

export const DEFAULT_TIMING: QueueTiming = { emailRetryDelay: 15, webhookRetryDelay: 10, expireSeconds: 120, maintenanceSeconds: 30 };

/**
 * Test-only overrides (the fault tests make recovery take seconds, not minutes):
 * DELIVERY_RETRY_DELAY_SECONDS (both queues' first retry delay, still doubling),
 * DELIVERY_EXPIRE_SECONDS, DELIVERY_MAINTENANCE_SECONDS. Whole seconds ≥ 1; anything else throws.
 */
export function queueTimingFromEnv(source: Record<string, string | undefined> = process.env): QueueTiming {
  const read = (name: string): number | undefined => {
    const v = source[name];
    if (v === undefined || v === "") return undefined;
    if (!/^\d{1,5}$/.test(v) || Number(v) < 1) throw new Error(`${name}: must be a whole number of seconds ≥ 1 (got ${JSON.stringify(v.slice(0, 20))})`);
    return Number(v);
  };
  const delay = read("DELIVERY_RETRY_DELAY_SECONDS");
  return {
    emailRetryDelay: delay ?? DEFAULT_TIMING.emailRetryDelay,
    webhookRetryDelay: delay ?? DEFAULT_TIMING.webhookRetryDelay,
    expireSeconds: read("DELIVERY_EXPIRE_SECONDS") ?? DEFAULT_TIMING.expireSeconds,
    maintenanceSeconds: read("DELIVERY_MAINTENANCE_SECONDS") ?? DEFAULT_TIMING.maintenanceSeconds,
  };
}

export function queueOptions(t: QueueTiming = DEFAULT_TIMING): Record<QueueName, PgBoss.Queue> {
  return {
    [QUEUES.email]: { name: QUEUES.email, retryLimit: 12, retryDelay: t.emailRetryDelay, retryBackoff: true, expireInSeconds: t.expireSeconds, retentionMinutes: 60 * 24 * 14 },
    [QUEUES.webhook]: { name: QUEUES.webhook, retryLimit: 6, retryDelay: t.webhookRetryDelay, retryBackoff: true, expireInSeconds: t.expireSeconds, retentionMinutes: 60 * 24 * 14 },
    // A missed tick is covered by the next one: no retries, short retention.
    [QUEUES.everyMinute]: { name: QUEUES.everyMinute, policy: "singleton", retryLimit: 0, expireInSeconds: 300, retentionMinutes: 60 },
  };
}

export const QUEUE_OPTIONS = queueOptions();

/** A Prisma client or interactive-transaction client: anything with $queryRawUnsafe. */
export interface RawExecutor {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** pg-boss's `Db` interface over Prisma: its SQL runs on the caller's connection/transaction. */
export function executorFor(tx: RawExecutor): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      return { rows };
    },
  };
}

// A never-started PgBoss, used only for its SQL (send with `db`). Its own executor refuses, so
// nothing can silently run outside the caller's transaction.
let sqlOnly: PgBoss | undefined;
function sqlBoss(): PgBoss {
  sqlOnly ??= new PgBoss({
    schema: QUEUE_SCHEMA,
    db: { executeSql: () => Promise.reject(new Error("pg-boss used without a transaction executor")) },
  });
  return sqlOnly;
}

/**
 * Inserts one job inside `tx`. Throws when pg-boss inserts nothing (its insert joins the queue
 * table: a missing queue would otherwise drop the job without a word).
 */
export async function sendInTransaction(tx: RawExecutor, queue: QueueName, data: object, options: { startAfter?: Date | number; id?: string } = {}): Promise<string> {
  const id = await sqlBoss().send(queue, data, {
    db: executorFor(tx),
    ...(options.id && { id: options.id }),
    ...(options.startAfter !== undefined && { startAfter: options.startAfter instanceof Date ? options.startAfter : Math.max(0, Math.round(options.startAfter)) }),
  });
  if (!id) throw new Error(`job not queued (does queue ${queue} exist? the workers create it at start)`);
  return id;
}

/**
 * A started PgBoss with our queues; `max` connections from its own pool. Its SQL goes through
 * `resilientExecutor`, which waits out a database restart instead of failing: pg-boss calls
 * complete/fail without awaiting them, so a rejection there would be unhandled and end the
 * process, and a lost completion would send the message again.
 */
export async function startQueue(databaseUrl: string, options: { max?: number; onError?: (e: Error) => void; timing?: QueueTiming } = {}): Promise<PgBoss> {
  const timing = options.timing ?? queueTimingFromEnv();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 4, application_name: "portolan-delivery", connectionTimeoutMillis: 5_000 });
  // Idle clients lose their server on a restart; without a listener that error ends the process.
  pool.on("error", (e) => options.onError?.(e));
  const boss = new PgBoss({
    schema: QUEUE_SCHEMA,
    db: resilientExecutor(pool, options.onError),
    maintenanceIntervalSeconds: timing.maintenanceSeconds,
  });
  boss.on("error", (e) => options.onError?.(e));
  // The pool is ours (pg-boss does not close a `db` it was given): close it after pg-boss stops.
  boss.on("stopped", () => void pool.end().catch(() => undefined));
  await boss.start();
  await ensureQueues(boss, queueOptions(timing));
  return boss;
}

/** pg-boss's Db over a pg pool, retrying connection errors for up to two minutes. */
export function resilientExecutor(pool: pg.Pool, onError?: (e: Error) => void): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      return retryOnConnectionError(() => pool.query(text, values), {
        onRetry: (e, attempt) => attempt === 1 && onError?.(e instanceof Error ? e : new Error(String(e))),
      });
    },
  };
}

/** Creates or updates our queues (idempotent: every instance runs it at start). */
export async function ensureQueues(boss: PgBoss, options: Record<QueueName, PgBoss.Queue> = QUEUE_OPTIONS): Promise<void> {
  for (const q of Object.values(options)) {
    if (await boss.getQueue(q.name)) await boss.updateQueue(q.name, q);
    else await boss.createQueue(q.name, q).catch(async (e: unknown) => {
      // Two instances starting at once: the other one created it first.
      if (!(await boss.getQueue(q.name))) throw e;
    });
  }
}

/**
 * Creates pg-boss's schema and our queues, then stops: for start-up steps that queue jobs before
 * the workers run (new spec notices are sent from the ingest step).
 */
export async function installQueue(databaseUrl: string, timing?: QueueTiming): Promise<void> {
  const boss = await startQueue(databaseUrl, { max: 1, timing });
  await boss.stop({ graceful: false, wait: true });
}
