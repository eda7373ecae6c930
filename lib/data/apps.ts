// Apps and their API keys, as the signed-in developer may see and change them. Every function
// takes the viewer and checks access next to the query (a proxy redirect is never the guard):
// another tenant's app or key is "not found", exactly like one that does not exist.
//   personal app:      its owner manages it
//   organization app:  owners and admins manage it, members read it
//   portal admins:     read everything (revocation by admins goes through the admin area)
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { maskedSecret } from "@/lib/keys/format";
import { createApiKey, revokeApiKey, rotateApiKey, type CreatedKey } from "@/lib/keys/store";
import { findApi, getCatalog } from "@/lib/specs";
import type { CatalogApi } from "@/lib/specs/model";
import { ApiError, forbidden, notFound } from "@/lib/api/respond";
import type { UserViewer } from "@/lib/api/viewer";

export type Capability = "manage" | "read";

export interface AppView {
  id: string;
  name: string;
  description: string | null;
  environment: "sandbox" | "production";
  owner: { kind: "user" | "organization"; id: string; name: string };
  apis: string[];
  capability: Capability;
  createdAt: string;
}

export interface KeyView {
  id: string;
  name: string;
  display: string;
  prefix: string;
  last4: string;
  scopes: string[];
  status: "active" | "expired" | "revoked" | "rotated";
  expiresAt: string | null;
  revokedAt: string | null;
  replacedById: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}

const APP_SELECT = {
  id: true,
  name: true,
  description: true,
  environment: true,
  ownerUserId: true,
  orgId: true,
  createdAt: true,
  grants: { select: { apiId: true } },
  ownerUser: { select: { id: true, name: true, email: true } },
  org: { select: { id: true, name: true } },
} as const;

type AppRow = NonNullable<Awaited<ReturnType<typeof loadApp>>>;

function loadApp(appId: string) {
  return db().app.findUnique({ where: { id: appId }, select: APP_SELECT });
}

async function capabilityFor(viewer: UserViewer, app: { ownerUserId: string | null; orgId: string | null }): Promise<Capability | null> {
  if (app.ownerUserId) return app.ownerUserId === viewer.userId ? "manage" : viewer.isAdmin ? "read" : null;
  const m = await db().membership.findUnique({ where: { orgId_userId: { orgId: app.orgId!, userId: viewer.userId } }, select: { role: true } });
  if (m) return m.role === "member" ? "read" : "manage";
  return viewer.isAdmin ? "read" : null;
}

function toView(app: AppRow, capability: Capability): AppView {
  return {
    id: app.id,
    name: app.name,
    description: app.description,
    environment: app.environment,
    owner: app.org
      ? { kind: "organization", id: app.org.id, name: app.org.name }
      : { kind: "user", id: app.ownerUser!.id, name: app.ownerUser!.name ?? app.ownerUser!.email },
    apis: app.grants.map((g) => g.apiId).sort(),
    capability,
    createdAt: app.createdAt.toISOString(),
  };
}

/** The app if the viewer may see it (and manage it, when asked); otherwise 404 or 403. */
async function accessApp(viewer: UserViewer, appId: string, need: Capability): Promise<{ app: AppRow; capability: Capability }> {
  const app = await loadApp(appId);
  const capability = app && (await capabilityFor(viewer, app));
  if (!app || !capability) throw notFound();
  if (need === "manage" && capability !== "manage") throw forbidden("Only the app's owner or its organization's owners and admins may do this.");
  return { app, capability };
}

export async function listApps(viewer: UserViewer): Promise<AppView[]> {
  const memberships = await db().membership.findMany({ where: { userId: viewer.userId }, select: { orgId: true, role: true } });
  const roleByOrg = new Map(memberships.map((m) => [m.orgId, m.role]));
  const apps = await db().app.findMany({
    where: { OR: [{ ownerUserId: viewer.userId }, { orgId: { in: [...roleByOrg.keys()] } }] },
    select: APP_SELECT,
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  return apps.map((a) => toView(a, a.ownerUserId || roleByOrg.get(a.orgId!) !== "member" ? "manage" : "read"));
}

export async function getApp(viewer: UserViewer, appId: string): Promise<AppView> {
  const { app, capability } = await accessApp(viewer, appId, "read");
  return toView(app, capability);
}

export const NewAppSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).optional(),
  environment: z.enum(["sandbox", "production"]).default("sandbox"),
  orgId: z.string().max(40).optional(),
});

export async function createApp(viewer: UserViewer, input: z.infer<typeof NewAppSchema>): Promise<AppView> {
  if (input.orgId) {
    const m = await db().membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: viewer.userId } }, select: { role: true } });
    if (!m) throw notFound();
    if (m.role === "member") throw forbidden("Only an organization's owners and admins may create its apps.");
  }
  const id = newId("app");
  await db().$transaction(async (tx) => {
    await tx.app.create({
      data: {
        id,
        name: input.name,
        description: input.description ?? null,
        environment: input.environment,
        ownerUserId: input.orgId ? null : viewer.userId,
        orgId: input.orgId ?? null,
        createdById: viewer.userId,
      },
    });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "app.created", targetType: "app", targetId: id, orgId: input.orgId ?? null, details: { name: input.name } });
  });
  return getApp(viewer, id);
}

export const AppPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(500).nullable().optional(),
});

export async function updateApp(viewer: UserViewer, appId: string, patch: z.infer<typeof AppPatchSchema>): Promise<AppView> {
  const { app } = await accessApp(viewer, appId, "manage");
  await db().$transaction(async (tx) => {
    await tx.app.update({ where: { id: app.id }, data: patch });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "app.updated", targetType: "app", targetId: app.id, orgId: app.orgId });
  });
  return getApp(viewer, appId);
}

export async function deleteApp(viewer: UserViewer, appId: string): Promise<void> {
  const { app } = await accessApp(viewer, appId, "manage");
  await db().$transaction(async (tx) => {
    await tx.app.delete({ where: { id: app.id } });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "app.deleted", targetType: "app", targetId: app.id, orgId: app.orgId, details: { name: app.name } });
  });
}

// --- Keys ---------------------------------------------------------------------------------------

type KeyRow = Awaited<ReturnType<typeof keyRows>>[number];

function keyRows(where: { appId: string; id?: string }) {
  return db().apiKey.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, name: true, prefix: true, last4: true, scopes: true, expiresAt: true, revokedAt: true, replacedById: true, lastUsedAt: true, createdAt: true },
  });
}

function keyView(k: KeyRow, now = new Date()): KeyView {
  const status = k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt <= now ? (k.replacedById ? "rotated" : "expired") : "active";
  return {
    id: k.id,
    name: k.name,
    display: maskedSecret(k.prefix, k.last4),
    prefix: k.prefix,
    last4: k.last4,
    scopes: k.scopes,
    status,
    expiresAt: k.expiresAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    replacedById: k.replacedById,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
  };
}

/** One key of an app as the API shows it; the caller has checked access. */
export async function keyViewOf(appId: string, keyId: string): Promise<KeyView> {
  const [row] = await keyRows({ appId, id: keyId });
  if (!row) throw notFound();
  return keyView(row);
}

export async function listKeys(viewer: UserViewer, appId: string): Promise<KeyView[]> {
  await accessApp(viewer, appId, "read");
  return (await keyRows({ appId })).map((k) => keyView(k));
}

async function accessKey(viewer: UserViewer, appId: string, keyId: string, need: Capability) {
  const { app } = await accessApp(viewer, appId, need);
  const [key] = await keyRows({ appId: app.id, id: keyId });
  if (!key) throw notFound();
  return { app, key };
}

export const NewKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}:(read|write)$/i)).min(1).max(50),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export async function createKey(viewer: UserViewer, appId: string, input: z.infer<typeof NewKeySchema>): Promise<KeyView & { secret: string }> {
  const { app } = await accessApp(viewer, appId, "manage");
  const granted = new Set(app.grants.map((g) => g.apiId));
  const outside = input.scopes.filter((s) => !granted.has(s.split(":")[0]!));
  if (outside.length) throw new ApiError(400, "invalid_request", `The app has no access to: ${outside.join(", ")}. Request access first.`);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= new Date()) throw new ApiError(400, "invalid_request", "expiresAt: must be in the future");
  const created: CreatedKey = await createApiKey(db(), { appId: app.id, name: input.name, scopes: [...new Set(input.scopes)], expiresAt }, { userId: viewer.userId, kind: "user" });
  const [row] = await keyRows({ appId: app.id, id: created.id });
  return { ...keyView(row!), secret: created.plaintext };
}

export const RotateSchema = z.strictObject({
  /** How long the old key keeps working: 0 (at once) to 30 days. */
  gracePeriodSeconds: z.number().int().min(0).max(30 * 86_400).default(86_400),
});

export async function rotateKey(viewer: UserViewer, appId: string, keyId: string, input: z.infer<typeof RotateSchema>): Promise<KeyView & { secret: string }> {
  const { app, key } = await accessKey(viewer, appId, keyId, "manage");
  if (key.revokedAt || key.replacedById) throw new ApiError(409, "conflict", "This key is revoked or was already rotated.");
  const created = await rotateApiKey(db(), key.id, input.gracePeriodSeconds, { userId: viewer.userId, kind: "user" });
  const [row] = await keyRows({ appId: app.id, id: created.id });
  return { ...keyView(row!), secret: created.plaintext };
}

export async function revokeKey(viewer: UserViewer, appId: string, keyId: string): Promise<KeyView> {
  const { app, key } = await accessKey(viewer, appId, keyId, "manage");
  if (!key.revokedAt) await revokeApiKey(db(), key.id, "revoked by its owner", { userId: viewer.userId, kind: "user" });
  const [row] = await keyRows({ appId: app.id, id: key.id });
  return keyView(row!);
}

export async function keyUsage(viewer: UserViewer, appId: string, keyId: string, days: number) {
  const { key } = await accessKey(viewer, appId, keyId, "read");
  const since = new Date(Date.now() - days * 86_400_000);
  const rows = await db().keyUsageDaily.findMany({
    where: { keyId: key.id, day: { gte: new Date(since.toISOString().slice(0, 10)) } },
    orderBy: [{ day: "asc" }, { operation: "asc" }],
    take: 5_000,
  });
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), apiId: r.apiId, version: r.version, operation: r.operation, calls: r.calls }));
}

// --- Access to APIs -----------------------------------------------------------------------------

export const AccessRequestSchema = z.strictObject({
  apiId: z.string().min(1).max(80),
  reason: z.string().trim().max(2_000).optional(),
});

/** Whether the app may even name this API: internal ones only for the internal organization's apps. */
async function appMayName(app: { orgId: string | null }, api: CatalogApi): Promise<boolean> {
  if (api.visibility === "public" || api.visibility === "partner") return true;
  const internalOrg = env().INTERNAL_ORG_SLUG;
  if (api.visibility !== "internal" || !internalOrg || !app.orgId) return false;
  return (await db().organization.findUnique({ where: { id: app.orgId }, select: { slug: true } }))?.slug === internalOrg;
}

export interface ApiChoice {
  id: string;
  name: string;
  summary: string | null;
  visibility: "public" | "partner" | "internal";
  /** granted: keys may call it; pending/denied: the latest request's state; none: never asked. */
  status: "granted" | "pending" | "denied" | "none";
  request: { id: string; reason: string; status: string; decisionNote: string | null; createdAt: string; decidedAt: string | null } | null;
}

/** Every API the app could call (the same rule as requestApiAccess), with its grant or latest request. */
export async function appApiChoices(viewer: UserViewer, appId: string): Promise<ApiChoice[]> {
  const { app } = await accessApp(viewer, appId, "read");
  const granted = new Set(app.grants.map((g) => g.apiId));
  const requests = await db().accessRequest.findMany({ where: { appId: app.id }, orderBy: { createdAt: "desc" }, take: 200 });
  const choices: ApiChoice[] = [];
  for (const api of getCatalog().apis) {
    if (!api.visibility || !(await appMayName(app, api))) continue;
    const latest = requests.find((r) => r.apiId === api.id) ?? null;
    const status = granted.has(api.id) ? "granted" : latest?.status === "pending" ? "pending" : latest?.status === "denied" ? "denied" : "none";
    choices.push({
      id: api.id,
      name: api.name,
      summary: api.summary,
      visibility: api.visibility,
      status,
      request: latest && {
        id: latest.id,
        reason: latest.reason,
        status: latest.status,
        decisionNote: latest.decisionNote,
        createdAt: latest.createdAt.toISOString(),
        decidedAt: latest.decidedAt?.toISOString() ?? null,
      },
    });
  }
  return choices;
}

/**
 * Public APIs are granted at once. Partner APIs need an admin's approval (a reason is required).
 * Internal APIs are requested like partner ones, but only apps of the internal organization may
 * even name them; for everyone else they do not exist.
 */
export async function requestApiAccess(viewer: UserViewer, appId: string, input: z.infer<typeof AccessRequestSchema>) {
  const { app } = await accessApp(viewer, appId, "manage");
  const api = findApi(input.apiId);
  if (!api || !(await appMayName(app, api))) throw notFound();
  if (app.grants.some((g) => g.apiId === api.id)) return { status: "granted" as const, apiId: api.id };
  if (api.visibility === "public") {
    await db().$transaction(async (tx) => {
      await tx.apiGrant.create({ data: { appId: app.id, apiId: api.id, grantedById: viewer.userId } });
      await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "access.granted", targetType: "app", targetId: app.id, orgId: app.orgId, details: { apiId: api.id, automatic: true } });
    });
    return { status: "granted" as const, apiId: api.id };
  }
  if (!input.reason || input.reason.length < 10) throw new ApiError(400, "invalid_request", "reason: tell the API's admins why the app needs access (at least 10 characters)");
  const pending = await db().accessRequest.findFirst({ where: { appId: app.id, apiId: api.id, status: "pending" }, select: { id: true } });
  if (pending) return { status: "pending" as const, apiId: api.id, requestId: pending.id };
  const id = newId("acr");
  await db().$transaction(async (tx) => {
    await tx.accessRequest.create({ data: { id, appId: app.id, apiId: api.id, reason: input.reason!, requestedById: viewer.userId } });
    await audit(tx, { actorUserId: viewer.userId, actorKind: "user", action: "access.requested", targetType: "access_request", targetId: id, orgId: app.orgId, details: { apiId: api.id } });
  });
  return { status: "pending" as const, apiId: api.id, requestId: id };
}
