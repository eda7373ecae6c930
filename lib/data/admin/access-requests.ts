// The access-request queue for portal admins: read it, approve (the grant is created in the same
// transaction as the decision) or deny (a reason is required). The requester is told by email
// after the commit and sees the decision and note in the portal (lib/data/access-requests.ts).
import "server-only";
import { z } from "zod";
import { accessDecisionMail } from "@/lib/admin/access-decision-mail";
import { AdminActionError, requireAdmin, requireAdminStepUp, type AdminActor } from "@/lib/admin/step-up";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { findApi } from "@/lib/specs";

export interface QueueEntry {
  id: string;
  status: "pending" | "approved" | "denied" | "withdrawn";
  api: { id: string; name: string; visibility: string | null };
  app: { id: string; name: string; environment: string };
  owner: { kind: "user" | "organization"; name: string };
  requester: string;
  reason: string;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

const PAGE = 100;

export async function listAccessRequests(actor: AdminActor, filter: "pending" | "all"): Promise<{ entries: QueueEntry[]; pendingCount: number }> {
  requireAdmin(actor);
  const where = filter === "pending" ? { status: "pending" as const } : {};
  const [rows, pendingCount] = await Promise.all([
    db().accessRequest.findMany({
      where,
      // PostgreSQL sorts an enum by its declared order (pending, approved, denied, withdrawn): pending first.
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      take: PAGE,
      include: { app: { select: { id: true, name: true, environment: true, org: { select: { name: true } }, ownerUser: { select: { email: true, name: true } } } } },
    }),
    db().accessRequest.count({ where: { status: "pending" } }),
  ]);
  const userIds = [...new Set(rows.flatMap((r) => [r.requestedById, r.decidedById].filter((x): x is string => !!x)))];
  const users = new Map((await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const entries = rows.map((r) => {
    const api = findApi(r.apiId);
    return {
      id: r.id,
      status: r.status,
      api: { id: r.apiId, name: api?.name ?? r.apiId, visibility: api?.visibility ?? null },
      app: { id: r.app.id, name: r.app.name, environment: r.app.environment },
      owner: r.app.org ? { kind: "organization" as const, name: r.app.org.name } : { kind: "user" as const, name: r.app.ownerUser?.email ?? "?" },
      requester: users.get(r.requestedById) ?? "(deleted user)",
      reason: r.reason,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedById ? (users.get(r.decidedById) ?? "(deleted user)") : null,
      decisionNote: r.decisionNote,
    };
  });
  return { entries, pendingCount };
}

export const DecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), note: z.string().trim().max(1000).optional().transform((v) => v || null) }),
  z.object({ decision: z.literal("deny"), note: z.string().trim().min(3, "Give the requester a reason (at least 3 characters).").max(1000) }),
]);

export type Decision = z.infer<typeof DecisionSchema>;

/** Approves or denies a pending request. Returns whether the requester's mail went out. */
export async function decideAccessRequest(actor: AdminActor, requestId: string, input: Decision): Promise<{ mailed: boolean }> {
  await requireAdminStepUp(actor, input.decision === "approve" ? "access.approve" : "access.deny");
  const status = input.decision === "approve" ? "approved" : "denied";
  const now = new Date();
  const request = await db().$transaction(async (tx) => {
    const r = await tx.accessRequest.findUnique({ where: { id: requestId }, include: { app: { select: { id: true, name: true, orgId: true } } } });
    if (!r) throw new AdminActionError("no_request");
    // The status condition makes two admins deciding at once safe: one wins, the other is told.
    const { count } = await tx.accessRequest.updateMany({
      where: { id: r.id, status: "pending" },
      data: { status, decidedById: actor.userId, decidedAt: now, decisionNote: input.note },
    });
    if (!count) throw new AdminActionError("already_decided");
    if (status === "approved") {
      await tx.apiGrant.upsert({
        where: { appId_apiId: { appId: r.appId, apiId: r.apiId } },
        create: { appId: r.appId, apiId: r.apiId, grantedById: actor.userId, accessRequestId: r.id },
        update: {},
      });
    }
    await audit(tx, {
      actorUserId: actor.userId,
      actorKind: "user",
      action: status === "approved" ? "access.approved" : "access.denied",
      targetType: "access_request",
      targetId: r.id,
      orgId: r.app.orgId,
      ip: actor.ip,
      details: { appId: r.appId, apiId: r.apiId, ...(input.note && { note: input.note }) },
    });
    return r;
  });
  return { mailed: await tellRequester(request.requestedById, status, request.app.name, request.apiId, input.note) };
}

async function tellRequester(userId: string, decision: "approved" | "denied", appName: string, apiId: string, note: string | null): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, disabledAt: true } });
  if (!user || user.disabledAt) return false;
  const e = env();
  try {
    await sendMail(e, db(), accessDecisionMail({ to: user.email, decision, appName, apiName: findApi(apiId)?.name ?? apiId, note, portalUrl: e.portalUrl }));
    return true;
  } catch (err) {
    // The decision stands; the requester still sees it on /account.
    log.warn({ err: err instanceof Error ? err.message : String(err), apiId }, "access decision mail not sent");
    return false;
  }
}
