// `npx tsx scripts/delivery-worker.ts`: the delivery workers (lib/delivery/worker.ts) as a process
// of their own, with no web server. `npm start` runs the same workers inside the portal; this is
// for running more of them, and for the fault tests, which `kill -9` it (SEC-E7, SEC-F6).
//
// Needs DATABASE_URL (PostgreSQL with the portal's migrations and the job queue installed: a
// portal has started on it once, or `npm run db:migrate`) and the portal's mail settings
// (SMTP_URL, MAIL_FROM, PORTAL_URL) and NEXTAUTH_SECRET (unsubscribe links, webhook secrets).
// Optional: WEBHOOK_ALLOW_HOSTS (tests), DELIVERY_EMAIL_WORKERS (default 2),
// DELIVERY_WEBHOOK_WORKERS (4), DELIVERY_POLL_SECONDS (2), and the queue timing overrides of
// lib/delivery/queue.ts (DELIVERY_RETRY_DELAY_SECONDS, DELIVERY_EXPIRE_SECONDS,
// DELIVERY_MAINTENANCE_SECONDS).
//
// Fault tests only: DELIVERY_TEST_PAUSE_DIR=<dir> makes every email job, once the SMTP server has
// accepted its message and before it is marked delivered, write `<dir>/<delivery id>.<pid>` and wait
// forever, so a test can kill the process exactly in that window. Never set it in production.
import fs from "node:fs";
import path from "node:path";
import { createDbClient } from "@/lib/db/create-client";
import { EnvError, parseEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { startDeliveryWorkers } from "@/lib/delivery/worker";

function count(name: string, fallback: number, min = 0): number {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  if (!/^\d{1,3}(\.\d+)?$/.test(v) || Number(v) < min) throw new Error(`${name}: must be a number ≥ ${min} (got ${JSON.stringify(v.slice(0, 20))})`);
  return Number(v);
}

async function main() {
  const env = parseEnv(process.env);
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL: required (the workers share the portal's PostgreSQL)");
  if (!env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET: required (the portal's secret: unsubscribe links and webhook secrets depend on it)");
  const pauseDir = process.env.DELIVERY_TEST_PAUSE_DIR;
  if (pauseDir && !fs.existsSync(pauseDir)) throw new Error(`DELIVERY_TEST_PAUSE_DIR: ${pauseDir} does not exist`);

  const db = createDbClient(env.DATABASE_URL, { poolSize: 4 });
  const workers = await startDeliveryWorkers({
    databaseUrl: env.DATABASE_URL,
    db,
    mail: env,
    secret: env.NEXTAUTH_SECRET,
    allowHosts: env.WEBHOOK_ALLOW_HOSTS,
    emailWorkers: count("DELIVERY_EMAIL_WORKERS", 2),
    webhookWorkers: count("DELIVERY_WEBHOOK_WORKERS", 4),
    pollingIntervalSeconds: count("DELIVERY_POLL_SECONDS", 2, 0.5),
    log,
    ...(pauseDir && {
      afterAccepted: async (id: string) => {
        fs.writeFileSync(path.join(pauseDir, `${id}.${process.pid}`), "");
        await new Promise(() => undefined); // until killed
      },
    }),
  });
  // The tests wait for this line before counting on the workers.
  console.log(JSON.stringify({ ready: true, pid: process.pid }));
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void workers.stop().finally(() => db.$disconnect().finally(() => process.exit(0)));
    });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError || e instanceof Error ? e.message : String(e));
  process.exit(2);
});
