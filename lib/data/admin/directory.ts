// Organizations, apps and keys as portal admins see them (everything, read only), and the one
// write: revoking someone's key with a reason. Keys show prefix and last four only.
import "server-only";
import { AdminActionError, requireAdmin, requireAdminStepUp, type AdminActor } from "@/lib/admin/step-up";
import { db } from "@/lib/db";
import { maskedSecret } from "@/lib/keys/format";
import { revokeApiKey } from "@/lib/keys/store";

export interface AdminOrgRow {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  members: { email: string; role: string }[];
  apps: number;
}

export async function listOrgs(actor: AdminActor, q?: string): Promise<AdminOrgRow[]> {
  requireAdmin(actor);
  const rows = await db().organization.findMany({
    where: q ? { OR: [{ slug: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" } }] } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      slug: true,
      name: true,
      createdAt: true,
      memberships: { orderBy: { createdAt: "asc" }, take: 50, select: { role: true, user: { select: { email: true } } } },
      _count: { select: { apps: true } },
    },
  });
  return rows.map((o) => ({ id: o.id, slug: o.slug, name: o.name, createdAt: o.createdAt, members: o.memberships.map((m) => ({ email: m.user.email, role: m.role })), apps: o._count.apps }));
}

export interface AdminKeyRow {
  id: string;
  name: string;
  display: string;
  scopes: string[];
  status: "active" | "expired" | "revoked" | "rotated";
  lastUsedAt: Date | null;
  revokedReason: string | null;
}

export interface AdminAppRow {
  id: string;
  name: string;
  environment: string;
  owner: { kind: "user" | "organization"; name: string };
  apis: string[];
  keys: AdminKeyRow[];
  createdAt: Date;
}

export async function listApps(actor: AdminActor, q?: string): Promise<AdminAppRow[]> {
  requireAdmin(actor);
  const now = new Date();
  const rows = await db().app.findMany({
    where: q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { id: q }, { org: { slug: { contains: q.toLowerCase() } } }, { ownerUser: { email: { contains: q.toLowerCase() } } }, { org: { memberships: { some: { user: { email: { contains: q.toLowerCase() } } } } } }] } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      name: true,
      environment: true,
      createdAt: true,
      org: { select: { name: true } },
      ownerUser: { select: { email: true } },
      grants: { select: { apiId: true } },
      keys: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, name: true, prefix: true, last4: true, scopes: true, expiresAt: true, revokedAt: true, revokedReason: true, replacedById: true, lastUsedAt: true },
      },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    name: a.name,
    environment: a.environment,
    createdAt: a.createdAt,
    owner: a.org ? { kind: "organization", name: a.org.name } : { kind: "user", name: a.ownerUser?.email ?? "?" },
    apis: a.grants.map((g) => g.apiId).sort(),
    keys: a.keys.map((k) => ({
      id: k.id,
      name: k.name,
      display: maskedSecret(k.prefix, k.last4),
      scopes: k.scopes,
      status: k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt <= now ? (k.replacedById ? "rotated" : "expired") : "active",
      lastUsedAt: k.lastUsedAt,
      revokedReason: k.revokedReason,
    })),
  }));
}

/** Revokes anyone's key at once (the gateways hear of it through NOTIFY); a reason is required. */
export async function revokeKeyAsAdmin(actor: AdminActor, keyId: string, reason: string): Promise<void> {
  await requireAdminStepUp(actor, "key.revoke");
  const text = reason.trim();
  if (text.length < 3 || text.length > 500) throw new AdminActionError("revoke_reason");
  const key = await db().apiKey.findUnique({ where: { id: keyId }, select: { revokedAt: true } });
  if (!key) throw new AdminActionError("no_key");
  if (key.revokedAt) throw new AdminActionError("key_revoked");
  await revokeApiKey(db(), keyId, `revoked by an admin: ${text}`, { userId: actor.userId, kind: "user", ip: actor.ip });
}

export async function adminCounts(actor: AdminActor) {
  requireAdmin(actor);
  const since = new Date(Date.now() - 86_400_000);
  const [users, admins, disabled, orgs, apps, activeKeys, pending, events24h] = await Promise.all([
    db().user.count(),
    db().user.count({ where: { role: "admin" } }),
    db().user.count({ where: { disabledAt: { not: null } } }),
    db().organization.count(),
    db().app.count(),
    db().apiKey.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } }),
    db().accessRequest.count({ where: { status: "pending" } }),
    db().auditEvent.count({ where: { at: { gte: since } } }),
  ]);
  return { users, admins, disabled, orgs, apps, activeKeys, pending, events24h };
}
