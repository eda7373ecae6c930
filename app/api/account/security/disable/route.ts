// POST /api/account/security/disable (form: code): turns two-factor off; a current code (or a
// recovery code) is required.
import { formRoute } from "@/lib/admin/form-route";
import { disableSecondFactor } from "@/lib/auth/second-factor";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return formRoute(request, "/account/security", async ({ form, viewer, actor, to }) => {
    const code = form.get("code");
    const result = await disableSecondFactor(viewer.userId, typeof code === "string" ? code : "", actor.ip);
    return to(result.ok ? "/account/security?disabled=1" : `/account/security?error=${result.reason}#disable`);
  });
}
