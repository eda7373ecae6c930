// DELETE /api/v1/apps/{appId}/keys/{keyId}: revoke the key at once (idempotent).
import { json, handler } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { revokeKey } from "@/lib/data/apps";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ appId: string; keyId: string }> };

export const DELETE = handler(async (req, { params }: Ctx) => {
  const { appId, keyId } = await params;
  return json(await revokeKey(await requireUser(req), appId, keyId));
});
