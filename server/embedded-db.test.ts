import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDb } from "./embedded-db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-embedded-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across a restart", async () => {
    const first = await startEmbeddedDb({ dataDir: dir, port: 0 });
    await withClient(first.url, async (c) => {
      await c.query("CREATE TABLE kept (note text)");
      await c.query("INSERT INTO kept VALUES ('survives restarts')");
    });
    // A second database on the same directory while the first runs is refused, not corrupted.
    await expect(startEmbeddedDb({ dataDir: dir, port: 0 })).rejects.toThrow(/another `npm start` is using this DATA_DIR/);
    await first.stop();

    const second = await startEmbeddedDb({ dataDir: dir, port: 0 });
    try {
      const rows = await withClient(second.url, (c) => c.query<{ note: string }>("SELECT note FROM kept"));
      expect(rows.rows).toEqual([{ note: "survives restarts" }]);
    } finally {
      await second.stop();
    }
  });

  it("serves several connections at once (a pool, not one client)", async () => {
    const db = await startEmbeddedDb({ dataDir: dir, port: 0 });
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => withClient(db.url, (c) => c.query<{ n: number }>("SELECT $1::int AS n", [i]))));
      expect(answers.map((a) => a.rows[0]!.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await db.stop();
    }
  });
});

// Extended-protocol queries from a pool interleave on the socket; every one must get its own
// answer and transactions must stay apart (server/pglite-protocol-queue.ts).
describe("embedded PostgreSQL under concurrent connections", () => {
  const poolDir = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-embedded-pool-"));
  let db: Awaited<ReturnType<typeof startEmbeddedDb>>;
  let pool: Pool;
  beforeAll(async () => {
    db = await startEmbeddedDb({ dataDir: poolDir, port: 0 });
    pool = new Pool({ connectionString: db.url, max: 8 });
    await pool.query("CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)");
    await pool.query("INSERT INTO counters SELECT g, 0 FROM generate_series(1, 8) g");
  }, 60_000);
  afterAll(async () => {
    await pool.end();
    await db.stop();
    fs.rmSync(poolDir, { recursive: true, force: true });
  });

  it("answers concurrent parameterised queries from many connections correctly", async () => {
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => pool.query("SELECT $1::int * 2 AS n, $2::text AS tag", [i, `q${i}`])));
    results.forEach((r, i) => expect(r.rows[0]).toEqual({ n: i * 2, tag: `q${i}` }));
  });

  it("keeps concurrent transactions apart", async () => {
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const c = await pool.connect();
        try {
          await c.query("BEGIN");
          await c.query("UPDATE counters SET n = n + 1 WHERE id = $1", [(i % 8) + 1]);
          await c.query("COMMIT");
        } finally {
          c.release();
        }
      }),
    );
    const { rows } = await pool.query("SELECT sum(n)::int AS total FROM counters");
    expect(rows[0].total).toBe(40);
  });
});
