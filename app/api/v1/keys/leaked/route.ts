// POST /api/v1/keys/leaked: anyone who found Portolan keys (in a repository, a log, a paste) sends
// up to 1,000 strings; live keys among them are revoked at once and their owners emailed
// (lib/keys/leaked.ts). No authentication, so the answer never says what was found: 202 with the
// same body for valid, revoked, fake and other people's keys. Rate limited per client IP.
import { ApiError, errorJson, handler, json } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { LEAK_REPORT_LIMIT, MAX_LEAKED_STRINGS, reportLeakedKeys } from "@/lib/keys/leaked";
import { hitRateLimit } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

/** 1,000 keys of ~45 characters with quotes and commas fit well below this. */
const MAX_BODY_BYTES = 64 * 1024;

export const POST = handler(async (req) => {
  const e = env();
  const limited = await hitRateLimit(db(), LEAK_REPORT_LIMIT, clientIp(req.headers, e.TRUSTED_PROXY_HOPS) ?? "unknown");
  if (!limited.allowed) {
    const res = errorJson(new ApiError(429, "rate_limited", "Too many reports from this address; try again later."));
    res.headers.set("retry-after", String(limited.retryAfterSeconds));
    return res;
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError(413, "too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError(413, "too_large", `The body is limited to ${MAX_BODY_BYTES} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON.");
  }
  if (!Array.isArray(body)) throw new ApiError(400, "invalid_request", "Send a JSON array of strings.");
  if (body.length > MAX_LEAKED_STRINGS) throw new ApiError(413, "too_many", `At most ${MAX_LEAKED_STRINGS} strings per report.`);
  await reportLeakedKeys(db(), e, body, clientIp(req.headers, e.TRUSTED_PROXY_HOPS));
  return json({ status: "accepted" }, 202);
});
