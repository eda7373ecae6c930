// Starts the delivery workers in this process (server/start.ts, one set per portal instance).
// Every instance works the same queues; pg-boss hands each job to one worker (SKIP LOCKED).
// Several `work` calls per queue give concurrency, so one slow webhook receiver (15 s timeout)
// does not hold the others up.
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/create-client";
import type { MailEnv } from "@/lib/mail/send";
import { allowListFrom } from "./address-filter";
import { RetryLater, runEmailJob } from "./email-job";
import { QUEUES, queueTimingFromEnv, startQueue } from "./queue";
import { runWebhookJob, type WebhookJobContext } from "./webhook-job";

export interface WorkerOptions {
  databaseUrl: string;
  db: Db;
  mail: MailEnv;
  secret: string;
  /** WEBHOOK_ALLOW_HOSTS: addresses tests may reach although private. Empty in production. */
  allowHosts?: string;
  emailWorkers?: number;
  webhookWorkers?: number;
  pollingIntervalSeconds?: number;
  webhook?: Partial<Pick<WebhookJobContext, "lookup" | "timeoutMs" | "now" | "random">>;
  /** Fault tests only: see EmailJobContext.afterAccepted. */
  afterAccepted?: (deliveryId: string) => Promise<void>;
  /** Work run once a minute on one instance (pg-boss cron): publishing due notices, reminders. */
  everyMinute?: Record<string, () => Promise<unknown>>;
  log?: { error(o: object, msg: string): void; warn(o: object, msg: string): void };
}

export interface DeliveryWorkers {
  boss: PgBoss;
  stop(): Promise<void>;
}

type Data = { deliveryId: string };

export async function startDeliveryWorkers(o: WorkerOptions): Promise<DeliveryWorkers> {
  const timing = queueTimingFromEnv();
  const boss = await startQueue(o.databaseUrl, { timing, onError: (e) => o.log?.error({ err: e }, "job queue error") });
  const polling = { pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true as const };
  // pg-boss waits a polling interval after every job, even with more waiting (one job per worker
  // per 2 s). A worker that just finished one asks for the next at once; an empty fetch runs no
  // handler, so an idle queue is still polled at the interval.
  const work = async (queue: string, handle: (job: PgBoss.JobWithMetadata<Data>) => Promise<void>) => {
    let id = "";
    id = await boss.work<Data>(queue, polling, async (jobs) => {
      for (const job of jobs) await handle(job);
      if (id) boss.notifyWorker(id);
    });
  };
  const webhookCtx: WebhookJobContext = { db: o.db, secret: o.secret, portalUrl: o.mail.portalUrl, allow: allowListFrom(o.allowHosts), ...o.webhook };

  // One attempt per delivery at a time: the lease lasts as long as pg-boss lets a job run.
  const emailCtx = { db: o.db, mail: o.mail, secret: o.secret, afterAccepted: o.afterAccepted, inFlight: new Set<string>(), leaseMs: timing.expireSeconds * 1000 };
  for (let i = 0; i < (o.emailWorkers ?? 2); i++) {
    await work(QUEUES.email, async (job) => {
      try {
        await runEmailJob(emailCtx, job.data.deliveryId, job);
      } catch (e) {
        if (!(e instanceof RetryLater)) o.log?.error({ err: e, deliveryId: job.data.deliveryId }, "email delivery job failed");
        throw e;
      }
    });
  }
  for (let i = 0; i < (o.webhookWorkers ?? 4); i++) {
    await work(QUEUES.webhook, async (job) => {
      try {
        await runWebhookJob(webhookCtx, job.data.deliveryId);
      } catch (e) {
        o.log?.error({ err: e, deliveryId: job.data.deliveryId }, "webhook delivery job failed");
        throw e;
      }
    });
  }
  const tasks = Object.entries(o.everyMinute ?? {});
  if (tasks.length) {
    await boss.schedule(QUEUES.everyMinute, "* * * * *");
    await boss.work(QUEUES.everyMinute, polling, async () => {
      // One task failing must not keep the others from running.
      for (const [name, task] of tasks) await task().catch((e: unknown) => o.log?.error({ err: e, task: name }, "periodic task failed"));
    });
  }
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
