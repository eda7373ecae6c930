// How command-line tools (npm run gateway:credential, admin:grant…) reach the database:
// DATABASE_URL when set; otherwise the embedded database of a running `npm start` (which records
// its socket in DATA_DIR/embedded-db.json); otherwise the embedded database opened just for the
// command (PGlite allows one process per data directory, so never both at once).
import fs from "node:fs";
import path from "node:path";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { parseEnv, type Env } from "@/lib/env";
import { startEmbeddedDb } from "./embedded-db";

const markerFile = (env: Env) => path.join(env.dataDir, "embedded-db.json");

export function recordEmbeddedDb(env: Env, url: string): () => void {
  fs.writeFileSync(markerFile(env), JSON.stringify({ url, pid: process.pid }));
  return () => fs.rmSync(markerFile(env), { force: true });
}

function runningEmbeddedUrl(env: Env): string | null {
  try {
    const { url, pid } = JSON.parse(fs.readFileSync(markerFile(env), "utf8")) as { url: string; pid: number };
    process.kill(pid, 0); // throws when that process is gone
    return url;
  } catch {
    return null;
  }
}

export async function openCliDatabase(env: Env): Promise<{ url: string; close(): Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, close: async () => {} };
  const running = runningEmbeddedUrl(env);
  if (running) return { url: running, close: async () => {} };
  const db = await startEmbeddedDb({ dataDir: path.join(env.dataDir, "pglite"), port: 0 });
  return { url: db.url, close: () => db.stop() };
}

/** Runs a command-line tool with a Prisma client on that database; errors print their message and exit 1. */
export function runWithCliDatabase(fn: (db: Db) => Promise<void>): void {
  (async () => {
    const conn = await openCliDatabase(parseEnv(process.env));
    const db = createDbClient(conn.url, { poolSize: 1 });
    try {
      await fn(db);
    } finally {
      await db.$disconnect();
      await conn.close();
    }
  })().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
