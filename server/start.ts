// `npm start` / `npm run dev` / `npm run build`: everything the portal needs before it serves.
//   1. read and validate configuration (stops with a message naming the bad variable)
//   2. DATABASE_URL unset → start the embedded PostgreSQL under DATA_DIR
//   3. apply migrations, seed demo content once
//   4. ingest SPECS_DIR (only versions whose files changed), record versions in the database
//   5. build if the sources changed, then run Next (`next start`, or `next dev` with --dev)
//      and, beside it, the key-verification server for API gateways (server/gateway.ts)
import fs from "node:fs";
import path from "node:path";
import { ensureGeneratedAuthSecret } from "@/lib/auth/secret";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { installQueue } from "@/lib/delivery/queue";
import { startDeliveryWorkers, type DeliveryWorkers } from "@/lib/delivery/worker";
import { EnvError, parseEnv, type Env } from "@/lib/env";
import { log, redactUrl } from "@/lib/log";
import { devMailboxMode } from "@/lib/mail/dev-mailbox";
import { ingestOptionsFrom, ingestSpecs } from "@/lib/specs/ingest";
import { sendKeyWarnings } from "@/lib/keys/warnings";
import { sendDueReminders } from "@/lib/notices/reminders";
import { publishDueNotices } from "@/lib/notices/store";
import { syncSpecNoticesFromCache } from "@/lib/notices/sync-from-cache";
import { countBySeverity } from "@/lib/specs/problems";
import { recordIngest } from "@/lib/specs/record";
import { seedDemo } from "@/prisma/seed";
import { buildIfNeeded, runNext } from "./build";
import { recordEmbeddedDb } from "./cli-db";
import { DataDirInUseError } from "./data-dir-lock";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { startGatewayServer, type GatewayServer } from "./gateway";
import { migrateDeploy } from "./migrate";

type Mode = "start" | "dev" | "build-only";

function modeFrom(argv: string[]): Mode {
  if (argv.includes("--dev")) return "dev";
  if (argv.includes("--build-only")) return "build-only";
  return "start";
}

async function prepareDatabase(env: Env): Promise<{ url: string; embedded?: EmbeddedDb }> {
  if (env.DATABASE_URL) {
    log.info({ database: redactUrl(env.DATABASE_URL) }, "using PostgreSQL from DATABASE_URL");
    return { url: env.DATABASE_URL };
  }
  const dir = path.join(env.dataDir, "pglite");
  const db = await startEmbeddedDb({ dataDir: dir, port: env.EMBEDDED_DB_PORT });
  // Command-line tools (server/cli-db.ts) connect through this socket while the portal runs.
  const forget = recordEmbeddedDb(env, db.url);
  log.info({ dataDir: dir }, "embedded PostgreSQL (PGlite) started");
  return { url: db.url, embedded: { ...db, stop: async () => (forget(), db.stop()) } };
}

async function ingest(env: Env, databaseUrl: string): Promise<void> {
  const started = Date.now();
  const report = await ingestSpecs(ingestOptionsFrom(env));
  for (const v of report.versions.filter((r) => r.status === "failed")) {
    log.warn({ api: v.apiId, version: v.version, problem: v.problems[0] }, "spec could not be loaded; its API shows a problem page, the rest is served");
  }
  for (const p of report.catalogProblems.filter((x) => x.severity === "error")) log.warn({ problem: p }, "specs folder problem");
  for (const c of report.changes.computed.filter((x) => !x.ok)) log.warn({ api: c.apiId, from: c.from, to: c.to }, "changes between versions not computed at ingest (limits); computed on first request");
  const db = createDbClient(databaseUrl, { poolSize: 2 });
  try {
    await recordIngest(db, report.versions);
    // New spec deprecations are sent like admin ones: the queue must exist before they are queued.
    await installQueue(databaseUrl);
    const notices = await syncSpecNoticesFromCache(db, ingestOptionsFrom(env).cacheDir, { portalUrl: env.portalUrl });
    if (notices.created || notices.updated || notices.withdrawn) log.info(notices, "deprecation notices from the specs updated");
  } finally {
    await db.$disconnect();
  }
  const problems = countBySeverity(report.versions.flatMap((v) => v.problems));
  log.info(
    { apis: report.catalog.apis.length, versions: report.versions.length, reloaded: report.versions.filter((v) => !v.fromCache).length, diffsComputed: report.changes.computed.length, lintErrors: problems.errors, ms: Date.now() - started },
    "specs ingested (run `npm run specs:check` for details)",
  );
}

async function main() {
  const mode = modeFrom(process.argv.slice(2));
  const env = parseEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? (mode === "dev" ? "development" : "production") });
  fs.mkdirSync(env.dataDir, { recursive: true });

  const { url, embedded } = await prepareDatabase(env);
  let gateway: GatewayServer | undefined;
  let delivery: { workers: DeliveryWorkers; db: Db } | undefined;
  const shutdown = async (code: number) => {
    await gateway?.stop().catch(() => undefined);
    await delivery?.workers.stop().catch(() => undefined);
    await delivery?.db.$disconnect().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };

  let authSecret = env.NEXTAUTH_SECRET;
  try {
    await migrateDeploy(url);
    log.info("migrations applied");
    const seedDb = createDbClient(url, { poolSize: 2 });
    try {
      if (await seedDemo(seedDb)) log.info("demo content seeded");
      // Unset NEXTAUTH_SECRET is only allowed on http (lib/env.ts); see lib/auth/secret.ts.
      authSecret ??= await ensureGeneratedAuthSecret(seedDb);
    } finally {
      await seedDb.$disconnect();
    }
    await ingest(env, url);
  } catch (e) {
    log.fatal({ err: e }, "start-up failed");
    return shutdown(1);
  }

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    DATA_DIR: env.dataDir,
    SPECS_DIR: env.specsDir,
    PORTAL_URL: env.portalUrl,
    // next-auth builds every URL (callbacks, emailed links) from NEXTAUTH_URL, never from the
    // request's Host header, which a client chooses.
    NEXTAUTH_URL: env.portalUrl,
    NEXTAUTH_SECRET: authSecret,
  };
  if (env.SMTP_URL) log.info("sign-in mail is sent over SMTP_URL");
  else if (devMailboxMode(env)) log.info({ url: `${env.portalUrl}/dev/mailbox` }, "no SMTP_URL: sign-in mail is kept in the dev mailbox, readable from this machine only");
  else log.warn("no SMTP_URL and PORTAL_URL is not a local address: sign-in by email is off");
  if (mode !== "dev") {
    try {
      await buildIfNeeded({ ...childEnv, NODE_ENV: "production" }, (m) => log.info(m));
    } catch (e) {
      log.fatal({ err: e }, "build failed");
      return shutdown(1);
    }
    if (mode === "build-only") return shutdown(0);
  }

  const next = runNext(mode === "dev" ? ["dev", "-p", String(env.PORT)] : ["start", "-p", String(env.PORT)], {
    ...childEnv,
    NODE_ENV: mode === "dev" ? "development" : "production",
    // Tells the app each request's TCP peer (server/peer-address.cjs; loopback-only features), and
    // in production answers repeat requests for cached docs pages from memory (docs-fast-path.cjs).
    NODE_OPTIONS: [process.env.NODE_OPTIONS, ...preloads(mode).map((f) => `--require ${JSON.stringify(path.resolve("server", f))}`)].filter(Boolean).join(" "),
  });
  log.info({ url: env.portalUrl }, "portal starting");
  if (env.gatewayPort) {
    try {
      gateway = await startGatewayServer({ port: env.gatewayPort, databaseUrl: url, dataDir: env.dataDir, log });
      log.info({ port: env.gatewayPort }, "key verification for gateways listening");
    } catch (e) {
      // The docs keep serving; gateways can use the portal's own /api/v1/keys/verify meanwhile.
      log.error({ err: e, port: env.gatewayPort }, "gateway verification server could not start");
    }
  }
  // Email and webhook delivery (lib/delivery): every instance runs workers on the shared queue.
  // Started after Next so a slow queue start never delays the docs.
  try {
    const deliveryDb = createDbClient(url, { poolSize: 4 });
    const workers = await startDeliveryWorkers({
      databaseUrl: url,
      db: deliveryDb,
      mail: env,
      secret: authSecret!,
      allowHosts: env.WEBHOOK_ALLOW_HOSTS,
      log,
      everyMinute: {
        publishDueNotices: () => publishDueNotices(deliveryDb),
        sunsetReminders: () => sendDueReminders(deliveryDb, { portalUrl: env.portalUrl }),
        // Every ten minutes is soon enough for a week's notice, and spares the key table a scan a minute.
        keyWarnings: async () => (new Date().getUTCMinutes() % 10 === 0 ? sendKeyWarnings(deliveryDb, { portalUrl: env.portalUrl }) : undefined),
      },
    });
    delivery = { workers, db: deliveryDb };
    log.info("delivery workers started (email, webhooks)");
  } catch (e) {
    log.error({ err: e }, "delivery workers could not start: notices are queued and sent once they run");
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      next.kill(signal);
    });
  }
  next.on("exit", (code) => void shutdown(code ?? 0));
}

/** Modules preloaded into the Next process; the fast path only where pages are cached (not `next dev`). */
function preloads(mode: Mode): string[] {
  return mode === "dev" ? ["peer-address.cjs"] : ["peer-address.cjs", "docs-fast-path.cjs"];
}

main().catch((e: unknown) => {
  if (e instanceof EnvError || e instanceof DataDirInUseError) {
    console.error(e.message);
    process.exit(2);
  }
  log.fatal({ err: e }, "start-up failed");
  process.exit(1);
});
