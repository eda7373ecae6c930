// Who a signed-in user is to the portal: their organizations, the restricted APIs any of their
// apps holds a grant for (personal apps and their organizations' apps), and membership of the
// internal organization. userViewer() is the one place a signed-in Viewer is built (session and
// personal access token alike). Read on each dynamic request, so a grant or its revocation
// shows at once on every instance.
import type { Db } from "@/lib/db/create-client";
import type { Viewer } from "./viewer";

export async function loadApiAccess(db: Db, userId: string, internalOrgSlug: string | undefined): Promise<{ apis: string[]; internal: boolean; orgIds: string[] }> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { orgId: true, org: { select: { slug: true } } } });
  const orgIds = memberships.map((m) => m.orgId);
  const grants = await db.apiGrant.findMany({
    where: { app: { OR: [{ ownerUserId: userId }, { orgId: { in: orgIds } }] } },
    select: { apiId: true },
    distinct: ["apiId"],
  });
  return { apis: grants.map((g) => g.apiId), internal: !!internalOrgSlug && memberships.some((m) => m.org.slug === internalOrgSlug), orgIds };
}

/** The signed-in Viewer for a user row, with memberships and grants read once. */
export async function userViewer(db: Db, user: { id: string; role: string }, internalOrgSlug: string | undefined): Promise<Viewer> {
  const { orgIds, ...access } = await loadApiAccess(db, user.id, internalOrgSlug);
  return { kind: "user", userId: user.id, isAdmin: user.role === "admin", orgIds, access };
}
