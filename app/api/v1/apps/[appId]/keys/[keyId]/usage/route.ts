// GET /api/v1/apps/{appId}/keys/{keyId}/usage?days=30: calls per day, API version and operation.
import { z } from "zod";
import { invalid, json, handler } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { keyUsage } from "@/lib/data/apps";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ appId: string; keyId: string }> };
const Query = z.strictObject({ days: z.coerce.number().int().min(1).max(90).default(30) });

export const GET = handler(async (req, { params }: Ctx) => {
  const viewer = await requireUser(req);
  const q = Query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) throw invalid(q.error);
  const { appId, keyId } = await params;
  return json({ data: await keyUsage(viewer, appId, keyId, q.data.days) });
});
