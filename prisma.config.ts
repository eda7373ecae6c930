// Prisma CLI settings. Prisma 6.19 runs migrations through its WebAssembly schema engine and a
// driver adapter, so no native engine binary is ever downloaded (see docs/decisions/001-database.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/dev/null";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/dev/null";

import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    // Every Prisma CLI command connects here, even `migrate diff` (it needs no particular
    // database: any reachable PostgreSQL will do). server/ and scripts/ always set DATABASE_URL.
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (see README: Configuration).");
    return wholeScriptMigrations(new PrismaPg({ connectionString: url }));
  },
});

/**
 * The pg adapter runs a migration by splitting it on every ";" — which breaks dollar-quoted
 * function bodies (our triggers) and runs the statements outside any transaction. Sending the
 * whole file as one simple query lets PostgreSQL parse it and run it as one implicit transaction,
 * so a migration applies completely or not at all.
 */
function wholeScriptMigrations(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await (adapter.underlyingDriver() as { query(sql: string): Promise<unknown> }).query(script);
    };
    return adapter;
  };
  return factory;
}
