// POST /api/admin/keys/{id}/revoke (form: reason, back): a portal admin revokes anyone's API key.
// Needs a recent second factor (lib/admin/step-up.ts).
import { adminAction, backPath, formRoute, notFoundResponse } from "@/lib/admin/form-route";
import { revokeKeyAsAdmin } from "@/lib/data/admin/directory";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ keyId: string }> };

export async function POST(request: Request, { params }: Ctx) {
  const { keyId } = await params;
  return formRoute(request, "/admin/apps", async (ctx) => {
    if (!ctx.viewer.isAdmin) return notFoundResponse();
    const back = backPath(ctx.form, "/admin/apps", "/admin/apps");
    const reason = ctx.form.get("reason");
    return adminAction(ctx, back, async () => {
      await revokeKeyAsAdmin(ctx.actor, keyId, typeof reason === "string" ? reason : "");
      return "revoked";
    });
  });
}
