// POST /api/v1/orgs/{slug}/invitations: invite an address (owners/admins); the link goes by email
// only, never in this answer.
import { json, handler, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { inviteMember, InviteSchema } from "@/lib/data/orgs";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ slug: string }> };

export const POST = handler(async (req, { params }: Ctx) => {
  const viewer = await requireUser(req);
  const input = await readBody(req, InviteSchema);
  return json(await inviteMember(viewer, (await params).slug, input, clientIp(req.headers, env().TRUSTED_PROXY_HOPS)), 201);
});
