import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
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
