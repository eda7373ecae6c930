// POST /api/account/security/verify (form: code, next): step-up. A TOTP code or a recovery code
// marks this session's secondFactorAt; then back to `next` (a path of the portal only).
import { formRoute, withParam } from "@/lib/admin/form-route";
import { safeCallbackPath } from "@/lib/auth/page-session";
import { verifyStepUp } from "@/lib/auth/second-factor";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return formRoute(request, "/account/security/verify", async ({ form, viewer, actor, to }) => {
    const next = safeCallbackPath(form.get("next"), "/account/security");
    const code = form.get("code");
    if (!actor.sessionHash) return to("/signin");
    const result = await verifyStepUp(viewer.userId, typeof code === "string" ? code : "", actor.sessionHash, actor.ip);
    if (result.ok) return to(withParam(next, "verified", result.method));
    return to(withParam(withParam("/account/security/verify", "next", next), "error", result.reason));
  });
}
