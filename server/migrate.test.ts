import { afterAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { testDb } from "@/tests/db";
import { migrateDeploy } from "./migrate";

const db = testDb();
afterAll(() => db.$disconnect());

describe("migrations", () => {
  it("applied every migration in prisma/migrations, and applying again changes nothing", async () => {
    const onDisk = fs.readdirSync(path.resolve("prisma/migrations")).filter((d) => /^\d{14}_/.test(d)).sort();
    await migrateDeploy(inject("databaseUrl"));
    const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]>`
      SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);
  });

  it("reports a clear error when the database cannot be reached", async () => {
    await expect(migrateDeploy("postgresql://postgres@127.0.0.1:1/nowhere")).rejects.toThrow(/prisma migrate deploy failed/);
  });
});
