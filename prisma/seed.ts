// Demo content, seeded once per database (a SystemState marker records it, so deleting demo rows
// later does not bring them back). Safe to run from several instances at once: the marker is
// claimed inside the same transaction as the inserts.
import type { Db } from "@/lib/db/create-client";
import { newId } from "@/lib/ids";

export const SEED_MARKER = "demo-seeded-at";

export const DEMO = {
  admin: { email: "admin@portolan.example", name: "Portal Admin" },
  developer: { email: "dev@acme.example", name: "Dana Developer" },
  org: { slug: "acme", name: "Acme Travel" },
} as const;

/** Returns true when this call seeded, false when the database was already seeded. */
export async function seedDemo(db: Db): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`
      INSERT INTO "SystemState" ("key", "value", "updatedAt")
      VALUES (${SEED_MARKER}, ${new Date().toISOString()}, now())
      ON CONFLICT ("key") DO NOTHING`;
    if (claimed === 0) return false;

    const admin = await tx.user.create({
      data: { id: newId("usr"), email: DEMO.admin.email, name: DEMO.admin.name, role: "admin" },
    });
    const dev = await tx.user.create({
      data: { id: newId("usr"), email: DEMO.developer.email, name: DEMO.developer.name },
    });
    await tx.organization.create({
      data: {
        id: newId("org"),
        slug: DEMO.org.slug,
        name: DEMO.org.name,
        memberships: { create: [{ userId: dev.id, role: "owner" }, { userId: admin.id, role: "member" }] },
      },
    });
    return true;
  });
}
