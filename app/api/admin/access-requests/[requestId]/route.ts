// POST /api/admin/access-requests/{id} (form: decision=approve|deny, note, back): a portal admin
// decides a pending access request. Needs a recent second factor (lib/admin/step-up.ts).
import { adminAction, backPath, formRoute, notFoundResponse, withParam } from "@/lib/admin/form-route";
import { decideAccessRequest, DecisionSchema } from "@/lib/data/admin/access-requests";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ requestId: string }> };

export async function POST(request: Request, { params }: Ctx) {
  const { requestId } = await params;
  return formRoute(request, "/admin/access-requests", async (ctx) => {
    if (!ctx.viewer.isAdmin) return notFoundResponse();
    const back = backPath(ctx.form, "/admin/access-requests", "/admin/access-requests");
    const input = DecisionSchema.safeParse({ decision: ctx.form.get("decision"), note: ctx.form.get("note") ?? undefined });
    if (!input.success) return ctx.to(withParam(back, "error", ctx.form.get("decision") === "deny" ? "deny_reason" : "bad_form"));
    return adminAction(ctx, back, async () => {
      const { mailed } = await decideAccessRequest(ctx.actor, requestId, input.data);
      const done = input.data.decision === "approve" ? "approved" : "denied";
      return mailed ? done : `${done}_nomail`;
    });
  });
}
