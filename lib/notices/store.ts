// Writing notices: drafts, edits, scheduling, publishing, withdrawal and brownouts, for portal
// admins only (a non-admin gets NoticeNotFound, the same as an unknown id). Every change is
// audited in the transaction that makes it. Admin notices only: spec-derived ones are written by
// sync.ts, though an admin may withdraw and re-publish them and schedule their brownouts.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db/create-client";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import type { CatalogApi, VersionModel } from "@/lib/specs/model";
import { enqueueNoticeDeliveries } from "./deliveries";
import { operationKey } from "./operations";

export interface Actor {
  userId: string;
  isAdmin: boolean;
  ip?: string | null;
}

export class NoticeNotFound extends Error {}
export class NoticeConflict extends Error {}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const day = z.union([z.literal(""), z.iso.date({ message: "must be a date written YYYY-MM-DD" })]).transform((v) => (v === "" ? null : new Date(`${v}T00:00:00Z`)));

export const NoticeInputSchema = z
  .strictObject({
    title: z.string().trim().min(1, "is required").max(200),
    body: z.string().max(20_000).default(""),
    migrationGuide: z.string().max(20_000).default(""),
    versions: z.array(z.string().max(80)).max(50).default([]),
    operations: z.array(z.string().max(600)).max(500).default([]),
    deprecatedAt: day.default(null),
    sunsetAt: day.default(null),
  })
  .refine((n) => !n.deprecatedAt || !n.sunsetAt || n.sunsetAt >= n.deprecatedAt, { message: "must not be before the deprecation date", path: ["sunsetAt"] });
export type NoticeInput = z.output<typeof NoticeInputSchema>;

/** Keeps only versions and operations the API has; returns what was dropped, for the form. */
export function checkScope(api: CatalogApi, model: (apiId: string, v: string) => VersionModel | null, input: NoticeInput): string[] {
  const problems: string[] = [];
  const versions = new Set(api.versions.map((v) => v.id));
  for (const v of input.versions) if (!versions.has(v)) problems.push(`versions: ${v} is not a version of ${api.id}`);
  const known = new Set(api.versions.flatMap((v) => (model(api.id, v.id)?.operations ?? []).map((op) => operationKey(v.id, op))));
  for (const o of input.operations) if (!known.has(o)) problems.push(`operations: ${o} is not an operation of ${api.id}`);
  return problems;
}

function assertAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new NoticeNotFound();
}

async function load(tx: Tx, id: string) {
  const n = await tx.deprecationNotice.findUnique({ where: { id } });
  if (!n) throw new NoticeNotFound();
  return n;
}

const who = (actor: Actor) => ({ actorUserId: actor.userId, actorKind: "user" as const, ip: actor.ip ?? null });

export async function createDraft(db: Db, actor: Actor, apiId: string, input: NoticeInput): Promise<string> {
  assertAdmin(actor);
  const id = newId("ntc");
  await db.$transaction(async (tx) => {
    await tx.deprecationNotice.create({ data: { id, source: "admin", status: "draft", apiId, ...input, createdById: actor.userId } });
    await audit(tx, { ...who(actor), action: "notice.created", targetType: "notice", targetId: id, details: { api: apiId, title: input.title } });
  });
  return id;
}

export async function updateNotice(db: Db, id: string, actor: Actor, input: NoticeInput): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const n = await load(tx, id);
    if (n.source !== "admin") throw new NoticeConflict("Notices from the specs change with the specs.");
    if (n.status === "withdrawn") throw new NoticeConflict("A withdrawn notice cannot be edited.");
    await tx.deprecationNotice.update({ where: { id }, data: input });
    await audit(tx, { ...who(actor), action: "notice.updated", targetType: "notice", targetId: id, details: { status: n.status } });
  });
}

export async function scheduleNotice(db: Db, id: string, actor: Actor, publishAt: Date, now = new Date()): Promise<void> {
  assertAdmin(actor);
  if (publishAt <= now) throw new NoticeConflict("Pick a time in the future, or publish now.");
  await db.$transaction(async (tx) => {
    const n = await load(tx, id);
    if (n.status !== "draft" && n.status !== "scheduled") throw new NoticeConflict("Only drafts can be scheduled.");
    await tx.deprecationNotice.update({ where: { id }, data: { status: "scheduled", publishAt } });
    await audit(tx, { ...who(actor), action: "notice.scheduled", targetType: "notice", targetId: id, details: { publishAt: publishAt.toISOString() } });
  });
}

/**
 * Publishes a draft, scheduled or withdrawn notice now. One transaction: the status change, the
 * audit entry and the outbox rows (deliveries.ts) commit or fail together. Publishing again after
 * a withdrawal sends nothing twice: the outbox keys are per notice and recipient.
 */
export async function publishNotice(db: Db, id: string, actor: Actor | "system", now = new Date()): Promise<void> {
  if (actor !== "system") assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const n = await load(tx, id);
    if (n.status === "published") return;
    const done = await tx.deprecationNotice.updateMany({ where: { id, status: n.status }, data: { status: "published", publishedAt: n.publishedAt ?? now, publishAt: null, withdrawnAt: null } });
    if (done.count === 0) return; // another instance published it first
    await audit(tx, {
      ...(actor === "system" ? { actorKind: "system" as const } : who(actor)),
      action: "notice.published",
      targetType: "notice",
      targetId: id,
      details: { api: n.apiId, from: n.status },
    });
    // The deliveries commit with the publication, or not at all (SEC-F4).
    await enqueueNoticeDeliveries(tx, n, { portalUrl: env().portalUrl, now });
  });
}

/** Scheduled notices whose time has come, published by the system (run it from a periodic job). */
export async function publishDueNotices(db: Db, now = new Date()): Promise<number> {
  const due = await db.deprecationNotice.findMany({ where: { status: "scheduled", publishAt: { lte: now } }, select: { id: true } });
  for (const n of due) await publishNotice(db, n.id, "system", now);
  return due.length;
}

export async function withdrawNotice(db: Db, id: string, actor: Actor, now = new Date()): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const n = await load(tx, id);
    if (n.status === "withdrawn") return;
    await tx.deprecationNotice.update({ where: { id }, data: { status: "withdrawn", withdrawnAt: now, publishAt: null } });
    // Brownouts of a withdrawn notice must not refuse calls any more.
    await tx.brownout.deleteMany({ where: { noticeId: id, endsAt: { gt: now } } });
    await audit(tx, { ...who(actor), action: "notice.withdrawn", targetType: "notice", targetId: id, details: { api: n.apiId, from: n.status } });
  });
}

export const BrownoutInputSchema = z
  .strictObject({ startsAt: z.coerce.date(), durationMinutes: z.coerce.number().int().min(1).max(24 * 60) })
  .transform((b) => ({ startsAt: b.startsAt, endsAt: new Date(b.startsAt.getTime() + b.durationMinutes * 60_000) }));

export async function addBrownout(db: Db, noticeId: string, actor: Actor, window: { startsAt: Date; endsAt: Date }, now = new Date()): Promise<string> {
  assertAdmin(actor);
  if (window.endsAt <= now) throw new NoticeConflict("That window is already over.");
  const id = newId("brn");
  await db.$transaction(async (tx) => {
    const n = await load(tx, noticeId);
    if (n.status === "withdrawn") throw new NoticeConflict("A withdrawn notice has no brownouts.");
    if (n.sunsetAt && window.startsAt >= n.sunsetAt) throw new NoticeConflict("Brownouts come before the sunset.");
    await tx.brownout.create({ data: { id, noticeId, startsAt: window.startsAt, endsAt: window.endsAt, createdById: actor.userId } });
    await audit(tx, { ...who(actor), action: "notice.brownout_scheduled", targetType: "notice", targetId: noticeId, details: { brownout: id, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() } });
  });
  return id;
}

export async function removeBrownout(db: Db, noticeId: string, brownoutId: string, actor: Actor): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const done = await tx.brownout.deleteMany({ where: { id: brownoutId, noticeId } });
    if (done.count === 0) throw new NoticeNotFound();
    await audit(tx, { ...who(actor), action: "notice.brownout_cancelled", targetType: "notice", targetId: noticeId, details: { brownout: brownoutId } });
  });
}
