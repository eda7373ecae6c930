// Access requests as their requesters see them: an app's requests (anyone who may read the app)
// and the recent decisions on the apps a user can see (the notifications list on /account).
import "server-only";
import type { UserViewer } from "@/lib/api/viewer";
import { getApp } from "@/lib/data/apps";
import { db } from "@/lib/db";
import { findApi } from "@/lib/specs";

export interface AccessRequestView {
  id: string;
  apiId: string;
  status: "pending" | "approved" | "denied" | "withdrawn";
  reason: string;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** The app's requests, newest first; 404 (from getApp) for an app the viewer may not see. */
export async function listAppAccessRequests(viewer: UserViewer, appId: string): Promise<AccessRequestView[]> {
  const app = await getApp(viewer, appId);
  const rows = await db().accessRequest.findMany({ where: { appId: app.id }, orderBy: { createdAt: "desc" }, take: 100 });
  return rows.map((r) => ({
    id: r.id,
    apiId: r.apiId,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
  }));
}

export interface AccessNotification {
  id: string;
  appName: string;
  apiName: string;
  status: "pending" | "approved" | "denied" | "withdrawn";
  note: string | null;
  at: Date;
}

/** Requests on the user's personal apps and their organizations' apps, latest activity first. */
export async function accessNotifications(userId: string, orgIds: string[], take = 10): Promise<AccessNotification[]> {
  const rows = await db().accessRequest.findMany({
    where: { app: { OR: [{ ownerUserId: userId }, { orgId: { in: orgIds } }] } },
    orderBy: [{ decidedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take,
    select: { id: true, apiId: true, status: true, decisionNote: true, decidedAt: true, createdAt: true, app: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, appName: r.app.name, apiName: findApi(r.apiId)?.name ?? r.apiId, status: r.status, note: r.decisionNote, at: r.decidedAt ?? r.createdAt }));
}
