// GET /api/v1/apps: the caller's apps (personal and their organizations'); POST: create one.
import { json, handler, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { createApp, listApps, NewAppSchema } from "@/lib/data/apps";

export const dynamic = "force-dynamic";

export const GET = handler(async (req) => json({ data: await listApps(await requireUser(req)) }));

export const POST = handler(async (req) => {
  const viewer = await requireUser(req);
  return json(await createApp(viewer, await readBody(req, NewAppSchema)), 201);
});
