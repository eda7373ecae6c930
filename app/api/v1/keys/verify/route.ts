// POST /api/v1/keys/verify on the portal's port (the lean server on GATEWAY_PORT is faster).
import { headerRecord, limitedBody, portalGateway, toResponse } from "@/lib/gateway/portal";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const body = await limitedBody(req);
  if (typeof body !== "string") return toResponse(body);
  return toResponse(await portalGateway().protocol.verifyJson(headerRecord(req.headers), req.url, body));
}
