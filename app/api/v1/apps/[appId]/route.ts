// GET/PATCH/DELETE /api/v1/apps/{appId}
import { json, handler, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { AppPatchSchema, deleteApp, getApp, updateApp } from "@/lib/data/apps";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ appId: string }> };

export const GET = handler(async (req, { params }: Ctx) => json(await getApp(await requireUser(req), (await params).appId)));

export const PATCH = handler(async (req, { params }: Ctx) => {
  const viewer = await requireUser(req);
  return json(await updateApp(viewer, (await params).appId, await readBody(req, AppPatchSchema)));
});

export const DELETE = handler(async (req, { params }: Ctx) => {
  await deleteApp(await requireUser(req), (await params).appId);
  return new Response(null, { status: 204 });
});
