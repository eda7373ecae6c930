// Organizations, their members and invitations, as the signed-in user may see and change them.
// Same rules as lib/data/apps.ts: access is checked next to every query, and an organization
// the viewer does not belong to is "not found", exactly like one that does not exist.
//   member:  reads the organization and its member list
//   admin:   invites, changes roles and removes members (never an owner, never to owner)
//   owner:   everything; the last owner can neither leave nor be demoted
import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { normalizeEmail } from "@/lib/auth/email-address";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newId, randomBase62 } from "@/lib/ids";
import { sendMail } from "@/lib/mail/send";
import { hitRateLimit } from "@/lib/rate-limit";
import { ApiError, forbidden, notFound } from "@/lib/api/respond";
import type { UserViewer } from "@/lib/api/viewer";
import { invitationMail } from "./invitation-mail";

export type OrgRole = "owner" | "admin" | "member";
export const ORG_ROLES: OrgRole[] = ["owner", "admin", "member"];
export const INVITATION_DAYS = 7;
/** Invitations are mail to addresses the sender chooses: 30 per inviter per hour. */
const INVITE_LIMIT = { name: "org-invitations-user", limit: 30, windowSeconds: 3600 };

export interface OrgSummary {
  id: string;
  slug: string;
  name: string;
  role: OrgRole;
  members: number;
  apps: number;
}

export interface MemberView {
  userId: string;
  name: string | null;
  email: string;
  role: OrgRole;
  since: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: OrgRole;
  expiresAt: string;
  createdAt: string;
}

export interface OrgDetail extends OrgSummary {
  membersList: MemberView[];
  /** Open invitations; only for owners and admins (members see none). */
  invitations: InvitationView[];
}

const canManage = (role: OrgRole) => role === "owner" || role === "admin";

/** The organization and the viewer's role in it, or 404 when the viewer is not a member. */
async function accessOrg(viewer: UserViewer, slug: string, need: "read" | "manage") {
  const org = await db().organization.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  const m = org && (await db().membership.findUnique({ where: { orgId_userId: { orgId: org.id, userId: viewer.userId } }, select: { role: true } }));
  if (!org || !m) throw notFound();
  if (need === "manage" && !canManage(m.role)) throw forbidden("Only the organization's owners and admins may do this.");
  return { org, role: m.role as OrgRole };
}

export async function listOrgs(viewer: UserViewer): Promise<OrgSummary[]> {
  const rows = await db().membership.findMany({
    where: { userId: viewer.userId },
    select: { role: true, org: { select: { id: true, slug: true, name: true, _count: { select: { memberships: true, apps: true } } } } },
    orderBy: { org: { name: "asc" } },
    take: 200,
  });
  return rows.map((r) => ({ id: r.org.id, slug: r.org.slug, name: r.org.name, role: r.role, members: r.org._count.memberships, apps: r.org._count.apps }));
}

export async function getOrg(viewer: UserViewer, slug: string): Promise<OrgDetail> {
  const { org, role } = await accessOrg(viewer, slug, "read");
  const [members, invitations, apps] = await Promise.all([
    db().membership.findMany({
      where: { orgId: org.id },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
      take: 500,
    }),
    canManage(role)
      ? db().invitation.findMany({ where: { orgId: org.id, acceptedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" }, take: 200 })
      : Promise.resolve([]),
    db().app.count({ where: { orgId: org.id } }),
  ]);
  return {
    ...org,
    role,
    members: members.length,
    apps,
    membersList: members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, since: m.createdAt.toISOString() })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() })),
  };
}

export const NewOrgSchema = z.strictObject({
  name: z.string().trim().min(2).max(80),
});

/** "Acme Tools, Inc." → "acme-tools-inc"; a random suffix when the slug is taken or empty. */
function slugFor(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

export async function createOrg(viewer: UserViewer, input: z.infer<typeof NewOrgSchema>): Promise<OrgSummary> {
  const base = slugFor(input.name) || "org";
  const id = newId("org");
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBase62(5).toLowerCase()}`;
    if (await db().organization.findUnique({ where: { slug }, select: { id: true } })) continue;
    await db().$transaction(async (tx) => {
      await tx.organization.create({ data: { id, slug, name: input.name, memberships: { create: { userId: viewer.userId, role: "owner" } } } });
      await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "org.created", targetType: "organization", targetId: id, orgId: id, details: { name: input.name, slug } });
    });
    return { id, slug, name: input.name, role: "owner", members: 1, apps: 0 };
  }
  throw new ApiError(409, "conflict", "Could not find a free address for this name; try another name.");
}

// --- Members ------------------------------------------------------------------------------------

async function memberRow(orgId: string, userId: string) {
  const m = await db().membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true } });
  if (!m) throw notFound();
  return m.role as OrgRole;
}

async function ownerCount(orgId: string) {
  return db().membership.count({ where: { orgId, role: "owner" } });
}

export const RoleSchema = z.strictObject({ role: z.enum(["owner", "admin", "member"]) });

export async function changeMemberRole(viewer: UserViewer, slug: string, userId: string, role: OrgRole): Promise<void> {
  const { org, role: mine } = await accessOrg(viewer, slug, "manage");
  const current = await memberRow(org.id, userId);
  if (current === role) return;
  if (mine !== "owner" && (current === "owner" || role === "owner")) throw forbidden("Only owners may make or unmake owners.");
  if (current === "owner" && (await ownerCount(org.id)) <= 1) throw new ApiError(409, "last_owner", "The last owner cannot be demoted: make someone else an owner first.");
  await db().$transaction(async (tx) => {
    await tx.membership.update({ where: { orgId_userId: { orgId: org.id, userId } }, data: { role } });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "org.member_role_changed", targetType: "user", targetId: userId, orgId: org.id, details: { from: current, to: role } });
  });
}

/** Removes a member; anyone may remove themselves (leave), owners/admins others. */
export async function removeMember(viewer: UserViewer, slug: string, userId: string): Promise<void> {
  const self = userId === viewer.userId;
  const { org, role: mine } = await accessOrg(viewer, slug, self ? "read" : "manage");
  const current = await memberRow(org.id, userId);
  if (!self && mine !== "owner" && current === "owner") throw forbidden("Only owners may remove an owner.");
  if (current === "owner" && (await ownerCount(org.id)) <= 1) throw new ApiError(409, "last_owner", "The last owner cannot leave: make someone else an owner first.");
  await db().$transaction(async (tx) => {
    await tx.membership.delete({ where: { orgId_userId: { orgId: org.id, userId } } });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: self ? "org.member_left" : "org.member_removed", targetType: "user", targetId: userId, orgId: org.id, details: { role: current } });
  });
}

// --- Invitations --------------------------------------------------------------------------------

export const InviteSchema = z.strictObject({
  email: z.string().max(320),
  role: z.enum(["owner", "admin", "member"]).default("member"),
});

const hashToken = (token: string) => crypto.createHash("sha256").update(token, "utf8").digest("hex");
const TOKEN_SHAPE = /^[0-9A-Za-z]{43}$/;

/**
 * Creates an invitation and mails its link. The token (≈256 bits) exists only in the mail: the
 * table keeps its SHA-256. A new invitation to the same address replaces the open one.
 */
export async function inviteMember(viewer: UserViewer, slug: string, input: z.infer<typeof InviteSchema>, ip?: string | null): Promise<InvitationView> {
  const { org, role: mine } = await accessOrg(viewer, slug, "manage");
  const email = normalizeEmail(input.email);
  if (!email.ok) throw new ApiError(400, "invalid_request", `email: ${email.reason}`);
  if (input.role === "owner" && mine !== "owner") throw forbidden("Only owners may invite owners.");
  const limited = await hitRateLimit(db(), INVITE_LIMIT, viewer.userId);
  if (!limited.allowed) throw new ApiError(429, "rate_limited", "Too many invitations in the last hour; try again later.");
  const already = await db().membership.findFirst({ where: { orgId: org.id, user: { email: email.email } }, select: { userId: true } });
  if (already) throw new ApiError(409, "conflict", "That address already belongs to a member.");

  const token = randomBase62(43);
  const id = newId("inv");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const inviter = await db().user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true, email: true } });
  await db().$transaction(async (tx) => {
    await tx.invitation.deleteMany({ where: { orgId: org.id, email: email.email, acceptedAt: null } });
    await tx.invitation.create({ data: { id, orgId: org.id, email: email.email, role: input.role, tokenHash: hashToken(token), invitedById: viewer.userId, expiresAt } });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "org.invitation_created", targetType: "invitation", targetId: id, orgId: org.id, ip, details: { email: email.email, role: input.role } });
  });
  const e = env();
  const url = new URL(`/account/invitations/${token}`, e.portalUrl).toString();
  await sendMail(e, db(), invitationMail({ to: email.email, orgName: org.name, inviter: inviter.name ?? inviter.email, role: input.role, url, expiresAt }));
  return { id, email: email.email, role: input.role, expiresAt: expiresAt.toISOString(), createdAt: new Date().toISOString() };
}

export async function cancelInvitation(viewer: UserViewer, slug: string, invitationId: string): Promise<void> {
  const { org } = await accessOrg(viewer, slug, "manage");
  const inv = await db().invitation.findFirst({ where: { id: invitationId, orgId: org.id, acceptedAt: null }, select: { id: true, email: true } });
  if (!inv) throw notFound();
  await db().$transaction(async (tx) => {
    await tx.invitation.delete({ where: { id: inv.id } });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "org.invitation_cancelled", targetType: "invitation", targetId: inv.id, orgId: org.id, details: { email: inv.email } });
  });
}

export type InvitationState =
  | { kind: "invalid" }
  | { kind: "expired"; orgName: string }
  | { kind: "accepted"; orgName: string; orgSlug: string }
  | { kind: "open"; orgName: string; orgSlug: string; role: OrgRole; email: string; expiresAt: string };

/** What the invitation page shows: the token is the only credential (no sign-in needed to look). */
export async function lookupInvitation(token: string): Promise<InvitationState> {
  if (!TOKEN_SHAPE.test(token)) return { kind: "invalid" };
  const inv = await db().invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, role: true, expiresAt: true, acceptedAt: true, org: { select: { name: true, slug: true } } } });
  if (!inv) return { kind: "invalid" };
  if (inv.acceptedAt) return { kind: "accepted", orgName: inv.org.name, orgSlug: inv.org.slug };
  if (inv.expiresAt <= new Date()) return { kind: "expired", orgName: inv.org.name };
  return { kind: "open", orgName: inv.org.name, orgSlug: inv.org.slug, role: inv.role, email: inv.email, expiresAt: inv.expiresAt.toISOString() };
}

export type AcceptResult = { ok: true; orgSlug: string } | { ok: false; reason: "invalid" | "expired" | "unverified" | "wrong-account" };

/** Accepts for the signed-in user, whose verified address must be the invited one. */
export async function acceptInvitation(viewer: UserViewer, token: string, ip?: string | null): Promise<AcceptResult> {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: "invalid" };
  const inv = await db().invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, orgId: true, email: true, role: true, expiresAt: true, acceptedAt: true, org: { select: { slug: true } } } });
  if (!inv || inv.acceptedAt) return { ok: false, reason: "invalid" };
  if (inv.expiresAt <= new Date()) return { ok: false, reason: "expired" };
  const user = await db().user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { email: true, emailVerified: true } });
  if (!user.emailVerified) return { ok: false, reason: "unverified" };
  if (user.email !== inv.email) return { ok: false, reason: "wrong-account" };
  await db().$transaction(async (tx) => {
    // Spent by one conditional update, so two concurrent accepts cannot both succeed.
    const spent = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (spent.count !== 1) return;
    await tx.membership.upsert({
      where: { orgId_userId: { orgId: inv.orgId, userId: viewer.userId } },
      create: { orgId: inv.orgId, userId: viewer.userId, role: inv.role },
      update: {},
    });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "org.invitation_accepted", targetType: "invitation", targetId: inv.id, orgId: inv.orgId, ip, details: { role: inv.role } });
  });
  return { ok: true, orgSlug: inv.org.slug };
}
