// A Prisma client on the test database prepared by tests/global-setup.ts.
import { inject } from "vitest";
import { createDbClient } from "@/lib/db/create-client";

export function testDb() {
  return createDbClient(inject("databaseUrl"), { poolSize: 4 });
}
