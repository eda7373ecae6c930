// Users for portal admins: search, disable/enable (disabling deletes every session at once, and
// the session and key checks refuse a disabled user from then on), grant/revoke the admin role.
import "server-only";
import { z } from "zod";
import { AdminActionError, requireAdmin, requireAdminStepUp, type AdminActor } from "@/lib/admin/step-up";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";

export const UserFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z.enum(["admin", "developer"]).optional().catch(undefined),
  disabled: z.enum(["yes", "no"]).optional().catch(undefined),
});
export type UserFilter = z.infer<typeof UserFilterSchema>;

export interface AdminUserRow {
  id: string;
  email: string;
  name: string | null;
  role: "admin" | "developer";
  disabledAt: Date | null;
  createdAt: Date;
  secondFactor: boolean;
  sessions: number;
  apps: number;
  orgs: number;
}

export async function listUsers(actor: AdminActor, f: UserFilter): Promise<AdminUserRow[]> {
  requireAdmin(actor);
  const rows = await db().user.findMany({
    where: {
      ...(f.q && { email: { contains: f.q.toLowerCase() } }),
      ...(f.role && { role: f.role }),
      ...(f.disabled === "yes" && { disabledAt: { not: null } }),
      ...(f.disabled === "no" && { disabledAt: null }),
    },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      secondFactor: { select: { confirmedAt: true } },
      _count: { select: { sessions: true, apps: true, memberships: true } },
    },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabledAt: u.disabledAt,
    createdAt: u.createdAt,
    secondFactor: !!u.secondFactor?.confirmedAt,
    sessions: u._count.sessions,
    apps: u._count.apps,
    orgs: u._count.memberships,
  }));
}

export const UserActionSchema = z.enum(["disable", "enable", "grant-admin", "revoke-admin"]);
export type UserAction = z.infer<typeof UserActionSchema>;

const AUDIT_ACTION: Record<UserAction, string> = {
  disable: "user.disabled",
  enable: "user.enabled",
  "grant-admin": "user.role_granted",
  "revoke-admin": "user.role_revoked",
};

export async function changeUser(actor: AdminActor, userId: string, action: UserAction): Promise<void> {
  await requireAdminStepUp(actor, AUDIT_ACTION[action]);
  if (userId === actor.userId && action !== "grant-admin") throw new AdminActionError("self");
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabledAt: true } });
    if (!user) throw new AdminActionError("no_user");
    let sessions = 0;
    switch (action) {
      case "disable":
        if (user.disabledAt) return;
        await tx.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
        sessions = (await tx.session.deleteMany({ where: { userId } })).count;
        break;
      case "enable":
        if (!user.disabledAt) return;
        await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
        break;
      case "grant-admin":
        if (user.role === "admin") return;
        await tx.user.update({ where: { id: userId }, data: { role: "admin" } });
        break;
      case "revoke-admin":
        if (user.role !== "admin") return;
        await tx.user.update({ where: { id: userId }, data: { role: "developer" } });
        break;
    }
    await audit(tx, {
      actorUserId: actor.userId,
      actorKind: "user",
      action: AUDIT_ACTION[action],
      targetType: "user",
      targetId: userId,
      ip: actor.ip,
      details: action === "disable" ? { sessionsEnded: sessions } : action.endsWith("admin") ? { role: "admin" } : {},
    });
  });
}
