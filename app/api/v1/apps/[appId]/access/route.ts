// GET /api/v1/apps/{appId}/access: the app's access requests with the admins' decisions and notes.
// POST /api/v1/apps/{appId}/access {"apiId", "reason"?}: public APIs are granted at once (200
// "granted"); partner and internal ones create an access request for an admin (202 "pending").
import { json, handler, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { listAppAccessRequests } from "@/lib/data/access-requests";
import { AccessRequestSchema, requestApiAccess } from "@/lib/data/apps";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ appId: string }> };

export const GET = handler(async (req, { params }: Ctx) => {
  const viewer = await requireUser(req);
  return json({ requests: await listAppAccessRequests(viewer, (await params).appId) });
});

export const POST = handler(async (req, { params }: Ctx) => {
  const viewer = await requireUser(req);
  const r = await requestApiAccess(viewer, (await params).appId, await readBody(req, AccessRequestSchema));
  return json(r, r.status === "pending" ? 202 : 200);
});
