// The Next app's database client: one per process, created on first use. Server-only: data access
// never runs in the browser bundle.
import "server-only";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { env } from "@/lib/env";

const globalForDb = globalThis as unknown as { portolanDb?: Db };

export function db(): Db {
  if (!globalForDb.portolanDb) {
    const url = env().DATABASE_URL;
    // server/start.ts always sets DATABASE_URL for the Next process (embedded or external).
    if (!url) throw new Error("DATABASE_URL is not set; start the portal with `npm start`.");
    globalForDb.portolanDb = createDbClient(url);
  }
  return globalForDb.portolanDb;
}
