// GET /api/v1/apps/{appId}/keys: the app's keys (prefix and last four only);
// POST: create a key. The secret is in this one response only (no-store) and never again.
import { json, handler, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { createKey, listKeys, NewKeySchema } from "@/lib/data/apps";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ appId: string }> };

export const GET = handler(async (req, { params }: Ctx) => json({ data: await listKeys(await requireUser(req), (await params).appId) }));

export const POST = handler(async (req, { params }: Ctx) => {
  const viewer = await requireUser(req);
  return json(await createKey(viewer, (await params).appId, await readBody(req, NewKeySchema)), 201);
});
