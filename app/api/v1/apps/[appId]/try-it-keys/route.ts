// POST /api/v1/apps/{appId}/try-it-keys {"api"}: a one-hour `ptl_test_` key for one API, minted
// from the docs' Try-it console (lib/data/try-it-keys.ts). The secret is in this answer only
// (no-store); a session caller must come from the portal's own pages (Origin check, requireUser).
import { ApiError, errorJson, handler, json, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { mintTryItKey, TRY_IT_MINT_LIMIT, TryItKeySchema } from "@/lib/data/try-it-keys";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { hitRateLimit } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

export const POST = handler(async (req, { params }: { params: Promise<{ appId: string }> }) => {
  const viewer = await requireUser(req);
  const input = await readBody(req, TryItKeySchema);
  const limited = await hitRateLimit(db(), TRY_IT_MINT_LIMIT, viewer.userId);
  if (!limited.allowed) {
    const res = errorJson(new ApiError(429, "rate_limited", "Too many test keys this hour; revoke or reuse the ones you have, or try again later."));
    res.headers.set("retry-after", String(limited.retryAfterSeconds));
    return res;
  }
  return json(await mintTryItKey(viewer, (await params).appId, input, clientIp(req.headers, env().TRUSTED_PROXY_HOPS)), 201);
});
