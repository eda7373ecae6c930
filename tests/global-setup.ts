// One database for the whole Vitest run, chosen like the portal chooses it:
// DATABASE_URL set → that PostgreSQL (CI creates a fresh database per run);
// unset → an embedded PGlite in a temporary directory, removed afterwards.
// Either way the real migrations are applied first, so tests run on the production schema, and
// pg-boss's schema and queues are installed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../server/embedded-db";
import { installQueue } from "../lib/delivery/queue";
import { migrateDeploy } from "../server/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgresql" | "embedded";
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  let teardown = async () => {};
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-test-db-"));
    const db = await startEmbeddedDb({ dataDir: dir, port: 0 });
    url = db.url;
    teardown = async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await migrateDeploy(url);
  // The job queue's schema, as `npm start` installs it before anything is published.
  await installQueue(url);
  project.provide("databaseUrl", url);
  project.provide("databaseKind", process.env.DATABASE_URL ? "postgresql" : "embedded");
  return teardown;
}
