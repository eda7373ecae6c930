// PATCH /api/v1/orgs/{slug}/members/{userId}: change a member's role (owners/admins; the last
// owner stays); DELETE: remove a member, or leave (your own userId).
import { json, handler, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { changeMemberRole, getOrg, removeMember, RoleSchema } from "@/lib/data/orgs";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ slug: string; userId: string }> };

export const PATCH = handler(async (req, { params }: Ctx) => {
  const viewer = await requireUser(req);
  const { slug, userId } = await params;
  await changeMemberRole(viewer, slug, userId, (await readBody(req, RoleSchema)).role);
  return json(await getOrg(viewer, slug));
});

export const DELETE = handler(async (req, { params }: Ctx) => {
  const { slug, userId } = await params;
  await removeMember(await requireUser(req), slug, userId);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
