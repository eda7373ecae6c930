import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/db";
import { DEMO, SEED_MARKER, seedDemo } from "./seed";

const db = testDb();
afterAll(() => db.$disconnect());

describe("seedDemo", () => {
  it("seeds exactly once, even when several instances start at the same time", async () => {
    const results = await Promise.all([seedDemo(db), seedDemo(db), seedDemo(db)]);
    // The database may already have been seeded by an earlier run (CI reuses it for e2e).
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await seedDemo(db)).toBe(false);
    expect(await db.user.count({ where: { email: DEMO.admin.email } })).toBe(1);
    expect(await db.organization.count({ where: { slug: DEMO.org.slug } })).toBe(1);
    expect(await db.systemState.findUnique({ where: { key: SEED_MARKER } })).not.toBeNull();
  });

  it("gives the demo organization its owner", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: DEMO.org.slug }, include: { memberships: { include: { user: true } } } });
    const owner = org.memberships.find((m) => m.role === "owner");
    expect(owner?.user.email).toBe(DEMO.developer.email);
  });
});
