// DELETE /api/v1/orgs/{slug}/invitations/{invitationId}: cancel an open invitation.
import { handler } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { cancelInvitation } from "@/lib/data/orgs";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ slug: string; invitationId: string }> };

export const DELETE = handler(async (req, { params }: Ctx) => {
  const { slug, invitationId } = await params;
  await cancelInvitation(await requireUser(req), slug, invitationId);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
