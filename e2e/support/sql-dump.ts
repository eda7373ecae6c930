// `tsx e2e/support/sql-dump.ts <file>`: every row of every table in every schema of the portal's
// database, one JSON line per row (row_to_json), written to <file>. For the embedded database,
// which pg_dump cannot reach (PGlite speaks the wire protocol but not pg_dump's catalog queries);
// reached through the running portal's socket (server/cli-db.ts). Prints "tables rows".
import fs from "node:fs";
import { runWithCliDatabase } from "@/server/cli-db";

const file = process.argv[2];
if (!file) throw new Error("usage: tsx e2e/support/sql-dump.ts <output file>");

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

runWithCliDatabase(async (db) => {
  const tables = await db.$queryRawUnsafe<{ schema: string; name: string }[]>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1, 2`,
  );
  const out = fs.openSync(file, "w");
  let rows = 0;
  try {
    for (const t of tables) {
      const rel = `${quote(t.schema)}.${quote(t.name)}`;
      fs.writeSync(out, `-- ${rel}\n`);
      const data = await db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM ${rel} t`);
      for (const r of data) fs.writeSync(out, `${r.j}\n`);
      rows += data.length;
    }
  } finally {
    fs.closeSync(out);
  }
  console.log(`${tables.length} ${rows}`);
});
