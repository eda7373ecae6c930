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
    return new PrismaPg({ connectionString: url });
  },
});
