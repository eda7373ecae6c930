// The verification protocol served by the portal itself (Next.js route handlers), for gateways
// that cannot reach GATEWAY_PORT. Same code and answers as server/gateway.ts; slower per call.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { MAX_BODY_BYTES, errorResponse, type WireResponse } from "./protocol";
import { gatewayServices } from "./services";

const holder = globalThis as unknown as { portolanGateway?: ReturnType<typeof gatewayServices> };

export function portalGateway() {
  holder.portolanGateway ??= gatewayServices(db(), env().DATABASE_URL!, { dataDir: env().dataDir, log });
  return holder.portolanGateway;
}

export function toResponse(r: WireResponse): Response {
  return new Response(r.status === 204 || r.body === "" ? null : r.body, { status: r.status, headers: r.headers });
}

export function headerRecord(h: Headers): Record<string, string> {
  return Object.fromEntries([...h.entries()]);
}

/** The request body as text, refused above the protocol's limit before it is read whole. */
export async function limitedBody(req: Request): Promise<string | WireResponse> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return errorResponse(413, "too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`);
  const text = await req.text();
  return Buffer.byteLength(text) > MAX_BODY_BYTES ? errorResponse(413, "too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`) : text;
}
