// POST /api/v1/apps/{appId}/keys/{keyId}/rotate {"gracePeriodSeconds": n}: a new key with the same
// scopes; the old one works until the grace period ends. The new secret is in this response only.
import { json, handler, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { rotateKey, RotateSchema } from "@/lib/data/apps";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ appId: string; keyId: string }> };

export const POST = handler(async (req, { params }: Ctx) => {
  const viewer = await requireUser(req);
  const { appId, keyId } = await params;
  return json(await rotateKey(viewer, appId, keyId, await readBody(req, RotateSchema)), 201);
});
