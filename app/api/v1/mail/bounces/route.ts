// POST /api/v1/mail/bounces: a bounce report as the mail server received it (the raw message:
// an RFC 3464 DSN or an RFC 5965 ARF complaint), posted by the MTA with a mail credential, e.g.
//   curl --data-binary @- -H "Authorization: Bearer ptl_mail_…" -H "Content-Type: message/rfc822" https://portal/api/v1/mail/bounces
// Hard bounces and complaints suppress the address (lib/delivery/bounces.ts).
import { ApiError, handler, json } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mailCredential } from "@/lib/delivery/bounce-credential";
import { applyBounceReport, BounceParseError, parseBounceReport } from "@/lib/delivery/bounces";

export const dynamic = "force-dynamic";

const MAX_BYTES = 1024 * 1024;

export const POST = handler(async (req: Request) => {
  if (!(await mailCredential(db(), req.headers.get("authorization")))) {
    throw new ApiError(401, "unauthenticated", "Send a mail credential (ptl_mail_…) as `Authorization: Bearer`.");
  }
  if (Number(req.headers.get("content-length") ?? "0") > MAX_BYTES) throw new ApiError(413, "too_large", `The body is limited to ${MAX_BYTES} bytes.`);
  const raw = Buffer.from(await req.arrayBuffer());
  if (raw.length > MAX_BYTES) throw new ApiError(413, "too_large", `The body is limited to ${MAX_BYTES} bytes.`);
  if (raw.length === 0) throw new ApiError(400, "invalid_request", "The body must be the report message (message/rfc822).");
  let report;
  try {
    report = await parseBounceReport(raw);
  } catch (e) {
    if (e instanceof BounceParseError) throw new ApiError(400, "not_a_report", e.message);
    throw e;
  }
  const outcome = await applyBounceReport(db(), env().portalUrl, report);
  return json({ report: report.kind, delivery: outcome.delivery, action: outcome.action, ...(outcome.reason && { reason: outcome.reason }) });
});
