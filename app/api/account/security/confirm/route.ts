// POST /api/account/security/confirm (form: code): the first code turns two-factor on; the
// recovery codes go to the page in a short-lived sealed cookie (lib/auth/recovery-codes-display.ts).
import { NextResponse } from "next/server";
import { formRoute } from "@/lib/admin/form-route";
import { recoveryDisplayCookie, sealRecoveryCodes } from "@/lib/auth/recovery-codes-display";
import { confirmEnrolment } from "@/lib/auth/second-factor";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return formRoute(request, "/account/security", async ({ form, viewer, actor, to }) => {
    const code = form.get("code");
    const result = await confirmEnrolment(viewer.userId, typeof code === "string" ? code : "", actor.sessionHash, actor.ip);
    if (!result.ok) return to(`/account/security?error=${result.reason}#setup`);
    const res = to("/account/security?enrolled=1") as NextResponse;
    const cookie = recoveryDisplayCookie(env().portalUrl);
    res.cookies.set(cookie.name, sealRecoveryCodes(viewer.userId, result.recoveryCodes, process.env.NEXTAUTH_SECRET!), cookie.options);
    return res;
  });
}
