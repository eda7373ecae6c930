// What a signed-in user's grants open up: the restricted APIs any of their apps holds a grant for
// (personal apps and their organizations' apps), and membership of the internal organization.
// Read on each dynamic request, so a grant or its revocation shows at once on every instance.
import type { Db } from "@/lib/db/create-client";

export async function loadApiAccess(db: Db, userId: string, internalOrgSlug: string | undefined): Promise<{ apis: string[]; internal: boolean }> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { orgId: true, org: { select: { slug: true } } } });
  const orgIds = memberships.map((m) => m.orgId);
  const grants = await db.apiGrant.findMany({
    where: { app: { OR: [{ ownerUserId: userId }, { orgId: { in: orgIds } }] } },
    select: { apiId: true },
    distinct: ["apiId"],
  });
  return { apis: grants.map((g) => g.apiId), internal: !!internalOrgSlug && memberships.some((m) => m.org.slug === internalOrgSlug) };
}
