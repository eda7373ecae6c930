// The default database: a real PostgreSQL (PGlite, compiled to WebAssembly) persisted under
// DATA_DIR/pglite and served on a loopback socket, so Prisma and `pg` use it exactly like a
// PostgreSQL server. It runs one query at a time (concurrent connections take turns per protocol
// unit: pglite-protocol-queue.ts): right for a single-user default, not for load.
// With DATABASE_URL set it is never started.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { lockDataDir } from "./data-dir-lock";
import { installUnitScheduler } from "./pglite-protocol-queue";

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedDb(opts: { dataDir: string; port: number }): Promise<EmbeddedDb> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const release = lockDataDir(`${opts.dataDir}.lock`);
  let db: PGlite;
  try {
    db = await PGlite.create(opts.dataDir);
  } catch (e) {
    release();
    throw e;
  }
  // maxConnections above the app's pool sizes (Next 10 + migrate + seed): the default of 1
  // makes a pool fail with "Connection terminated unexpectedly".
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: opts.port, maxConnections: 64 });
  installUnitScheduler((server as unknown as { queryQueue: unknown }).queryQueue);
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      release();
    },
  };
}
