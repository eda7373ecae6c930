// The audit log for portal admins: one filter (actor, action, target, UTC date range) shared by
// the paginated page and the CSV export, so the download is exactly what the page lists.
import "server-only";
import { z } from "zod";
import { requireAdmin, type AdminActor } from "@/lib/admin/step-up";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

/** Query parameters; anything malformed is dropped rather than refused (it is a filter form). */
export const AuditFilterSchema = z.object({
  actor: text(200),
  action: text(80),
  target: text(80),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;
/** Rows in one CSV download at most (the newest first). */
export const AUDIT_EXPORT_MAX = 50_000;

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  actorKind: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  orgId: string | null;
  ip: string | null;
  details: unknown;
}

async function where(f: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const w: Prisma.AuditEventWhereInput = {};
  if (f.actor) {
    // An id, or (part of) an email address.
    const ids = f.actor.startsWith("usr_") ? [f.actor] : (await db().user.findMany({ where: { email: { contains: f.actor.toLowerCase() } }, select: { id: true }, take: 500 })).map((u) => u.id);
    w.actorUserId = { in: ids };
  }
  // "access." matches every access action; "access.approved" only that one.
  if (f.action) w.action = f.action.endsWith(".") ? { startsWith: f.action } : f.action;
  if (f.target) w.targetId = f.target;
  if (f.from || f.to) {
    w.at = {
      ...(f.from && { gte: new Date(`${f.from}T00:00:00Z`) }),
      // "to" is a whole day, inclusive.
      ...(f.to && { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) }),
    };
  }
  return w;
}

async function withActors(rows: { id: string; at: Date; actorUserId: string | null; actorKind: string; action: string; targetType: string | null; targetId: string | null; orgId: string | null; ip: string | null; details: unknown }[]): Promise<AuditRow[]> {
  const ids = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => !!x))];
  const emails = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return rows.map(({ actorUserId, ...r }) => ({ ...r, actor: actorUserId ? (emails.get(actorUserId) ?? actorUserId) : r.actorKind }));
}

export async function listAuditEvents(actor: AdminActor, f: AuditFilter): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  requireAdmin(actor);
  const rows = await db().auditEvent.findMany({
    where: await where(f),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (f.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
  });
  return { rows: await withActors(rows.slice(0, AUDIT_PAGE_SIZE)), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** Every matching event (newest first, up to AUDIT_EXPORT_MAX), in batches. */
export async function* exportAuditEvents(actor: AdminActor, f: AuditFilter): AsyncGenerator<AuditRow[]> {
  requireAdmin(actor);
  const w = await where(f);
  let cursor: { at: Date; id: string } | null = null;
  let sent = 0;
  while (sent < AUDIT_EXPORT_MAX) {
    const page: Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findMany"]>> = await db().auditEvent.findMany({
      where: cursor ? { AND: [w, { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }] } : w,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: Math.min(1000, AUDIT_EXPORT_MAX - sent),
    });
    if (!page.length) return;
    yield await withActors(page);
    sent += page.length;
    const last = page[page.length - 1]!;
    cursor = { at: last.at, id: last.id };
    if (page.length < 1000) return;
  }
}

export const AUDIT_CSV_HEADER = ["at", "actor", "actor_kind", "action", "target_type", "target_id", "org_id", "ip", "details"];

export function auditCsvCells(r: AuditRow): unknown[] {
  return [r.at, r.actor, r.actorKind, r.action, r.targetType, r.targetId, r.orgId, r.ip, r.details ?? ""];
}
