// POST /api/account/sessions (form: session=<ses_…>|all): the signed-in user ends one of their
// own sessions, or all of them ("sign out everywhere"). Same-origin only; a session id of
// another user matches nothing.
import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/access/viewer";
import { currentSessionHash } from "@/lib/auth/page-session";
import { endSessions, listSessions } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { checkSameOrigin, crossSiteRefused } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const e = env();
  if (!checkSameOrigin(request, e.portalUrl).ok) return crossSiteRefused();
  const to = (path: string) => NextResponse.redirect(new URL(path, e.portalUrl), 303);
  const viewer = await getViewer();
  if (viewer.kind !== "user") return to("/signin?callbackUrl=%2Faccount");
  const form = await request.formData().catch(() => null);
  const which = form?.get("session");
  if (typeof which !== "string" || !(which === "all" || /^ses_[0-9A-Za-z]{20}$/.test(which))) return to("/account");

  const currentHash = await currentSessionHash();
  const current = (await listSessions(viewer.userId, currentHash)).find((s) => s.current);
  await endSessions(viewer.userId, which, clientIp(request.headers, e.TRUSTED_PROXY_HOPS));
  const endedCurrent = which === "all" || which === current?.id;
  return to(endedCurrent ? (which === "all" ? "/signin?signedOut=everywhere" : "/signin?signedOut=1") : "/account?ended=1");
}
