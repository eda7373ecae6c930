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
import PgBoss from "pg-boss";

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
 * to the queue: above the 15 s attempt timeout plus bookkeeping.
 */
export const QUEUE_OPTIONS: Record<QueueName, PgBoss.Queue> = {
  [QUEUES.email]: { name: QUEUES.email, retryLimit: 12, retryDelay: 15, retryBackoff: true, expireInSeconds: 120, retentionMinutes: 60 * 24 * 14 },
  [QUEUES.webhook]: { name: QUEUES.webhook, retryLimit: 6, retryDelay: 10, retryBackoff: true, expireInSeconds: 120, retentionMinutes: 60 * 24 * 14 },
  // A missed tick is covered by the next one: no retries, short retention.
  [QUEUES.everyMinute]: { name: QUEUES.everyMinute, policy: "singleton", retryLimit: 0, expireInSeconds: 300, retentionMinutes: 60 },
};

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

/** A started PgBoss with our queues; `max` connections from its own pool. */
export async function startQueue(databaseUrl: string, options: { max?: number; onError?: (e: Error) => void } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    max: options.max ?? 4,
    application_name: "portolan-delivery",
  });
  boss.on("error", (e) => options.onError?.(e));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

/** Creates or updates our queues (idempotent: every instance runs it at start). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const q of Object.values(QUEUE_OPTIONS)) {
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
export async function installQueue(databaseUrl: string): Promise<void> {
  const boss = await startQueue(databaseUrl, { max: 1 });
  await boss.stop({ graceful: false, wait: true });
}
