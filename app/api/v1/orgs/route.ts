// GET /api/v1/orgs: the caller's organizations with their role; POST: create one (caller is owner).
import { json, handler, readBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { createOrg, listOrgs, NewOrgSchema } from "@/lib/data/orgs";

export const dynamic = "force-dynamic";

export const GET = handler(async (req) => json({ data: await listOrgs(await requireUser(req)) }));

export const POST = handler(async (req) => {
  const viewer = await requireUser(req);
  return json(await createOrg(viewer, await readBody(req, NewOrgSchema)), 201);
});
