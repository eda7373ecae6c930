// POST /api/admin/users/{id} (form: action=disable|enable|grant-admin|revoke-admin, back): a
// portal admin changes a user. Needs a recent second factor (lib/admin/step-up.ts).
import { adminAction, backPath, formRoute, notFoundResponse, withParam } from "@/lib/admin/form-route";
import { changeUser, UserActionSchema } from "@/lib/data/admin/users";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ userId: string }> };

export async function POST(request: Request, { params }: Ctx) {
  const { userId } = await params;
  return formRoute(request, "/admin/users", async (ctx) => {
    if (!ctx.viewer.isAdmin) return notFoundResponse();
    const back = backPath(ctx.form, "/admin/users", "/admin/users");
    const action = UserActionSchema.safeParse(ctx.form.get("action"));
    if (!action.success) return ctx.to(withParam(back, "error", "bad_form"));
    return adminAction(ctx, back, async () => {
      await changeUser(ctx.actor, userId, action.data);
      return action.data;
    });
  });
}
