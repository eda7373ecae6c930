// The verification endpoint's wire protocol, independent of the HTTP server that carries it (the
// lean gateway server and the portal's route handler both use it):
//   POST /api/v1/keys/verify            JSON in, JSON out (always 200 once the gateway is known)
//   GET  /api/v1/keys/verify/auth-request[/<original path>]
//        NGINX auth_request / Envoy ext_authz: 200 allow, 401 invalid key, 403 not allowed;
//        the answer travels in X-Portolan-* and Deprecation/Sunset response headers.
// Gateways authenticate with their own credential (ptl_gw_…): `Authorization: Bearer` on the JSON
// endpoint, `X-Portolan-Gateway` on auth-request (where Authorization carries the caller's key).
import { errorBody } from "@/lib/api/error-body";
import { parseSecret, sameHash } from "@/lib/keys/format";
import type { TtlCache } from "./ttl-cache";
import { VerifyRequestSchema, type Verifier, type VerifyAnswer } from "./verify";

export const VERIFY_PATH = "/api/v1/keys/verify";
export const AUTH_REQUEST_PATH = "/api/v1/keys/verify/auth-request";
export const MAX_BODY_BYTES = 8 * 1024;

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Headers = Record<string, string | string[] | undefined>;

export interface GatewayRecord {
  id: string;
  hash: string;
  revoked: boolean;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function errorResponse(status: number, code: string, message: string): WireResponse {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(errorBody(code, message)) };
}

function header(h: Headers, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Keys must never travel in URLs (they end up in logs): such requests are refused unread. */
export function hasSecretInUrl(url: string): boolean {
  const q = url.indexOf("?");
  return q >= 0 && /(^|&)(key|api_key|apikey|api-key|token|access_token)=/i.test(url.slice(q + 1));
}

export function createProtocol(deps: { verifier: Verifier; gateways: TtlCache<GatewayRecord | null> }) {
  async function gatewayKnown(credential: string | undefined): Promise<boolean> {
    const parsed = parseSecret(credential);
    if (!parsed || parsed.kind !== "gateway") return false;
    const rec = await deps.gateways.get(parsed.hash);
    return !!rec && !rec.revoked && sameHash(rec.hash, parsed.hash);
  }

  const UNAUTHENTICATED = errorResponse(401, "gateway_unauthenticated", "Send the gateway credential (ptl_gw_…) as documented.");

  async function verifyJson(headers: Headers, url: string, body: string): Promise<WireResponse> {
    if (hasSecretInUrl(url)) return errorResponse(400, "key_in_url", "Send keys in the request body, never in the URL.");
    const auth = header(headers, "authorization");
    if (!(await gatewayKnown(auth?.replace(/^Bearer\s+/i, "")))) return UNAUTHENTICATED;
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return errorResponse(400, "invalid_json", "The body is not valid JSON.");
    }
    const parsed = VerifyRequestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return errorResponse(400, "invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    const answer = await deps.verifier.verify(parsed.data);
    return { status: 200, headers: JSON_HEADERS, body: JSON.stringify(answer) };
  }

  async function verifyAuthRequest(headers: Headers, url: string): Promise<WireResponse> {
    if (hasSecretInUrl(url)) return errorResponse(400, "key_in_url", "Send keys in headers, never in the URL.");
    if (!(await gatewayKnown(header(headers, "x-portolan-gateway")))) return UNAUTHENTICATED;
    const key = header(headers, "x-api-key") ?? header(headers, "authorization")?.replace(/^Bearer\s+/i, "") ?? "";
    const api = header(headers, "x-portolan-api");
    if (!api) return errorResponse(400, "invalid_request", "X-Portolan-Api: required");
    // NGINX passes the original request in X-Original-*; Envoy appends the original path to ours.
    const suffix = url.split("?", 1)[0]!.slice(AUTH_REQUEST_PATH.length);
    const path = header(headers, "x-original-uri") ?? header(headers, "x-forwarded-uri") ?? (suffix.startsWith("/") ? suffix : undefined);
    const method = header(headers, "x-original-method") ?? header(headers, "x-forwarded-method");
    const parsed = VerifyRequestSchema.safeParse({ key, api, version: header(headers, "x-portolan-version"), method, path });
    if (!parsed.success) return errorResponse(400, "invalid_request", parsed.error.issues[0]!.path.join(".") + ": " + parsed.error.issues[0]!.message);
    return authRequestResponse(await deps.verifier.verify(parsed.data));
  }

  return { verifyJson, verifyAuthRequest };
}

function authRequestResponse(a: VerifyAnswer): WireResponse {
  const base = { "cache-control": "no-store" };
  if (!a.valid) return { status: a.code === "forbidden" ? 403 : 401, headers: base, body: "" };
  return {
    status: 200,
    headers: {
      ...base,
      "x-portolan-key-id": a.key.id,
      "x-portolan-app-id": a.app.id,
      "x-portolan-owner-id": a.owner.id,
      "x-portolan-scopes": a.key.scopes.join(" "),
      ...(a.operation && { "x-portolan-operation": `${a.operation.method} ${a.operation.path}` }),
      ...(a.headers.Deprecation && { deprecation: a.headers.Deprecation }),
      ...(a.headers.Sunset && { sunset: a.headers.Sunset }),
    },
    body: "",
  };
}
