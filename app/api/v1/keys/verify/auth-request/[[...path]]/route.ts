// NGINX auth_request / Envoy ext_authz variant of key verification on the portal's port.
import { headerRecord, portalGateway, toResponse } from "@/lib/gateway/portal";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  const url = new URL(req.url);
  return toResponse(await portalGateway().protocol.verifyAuthRequest(headerRecord(req.headers), url.pathname + url.search));
}

export { handle as GET, handle as POST, handle as HEAD };
