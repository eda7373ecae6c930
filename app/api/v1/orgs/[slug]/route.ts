// GET /api/v1/orgs/{slug}: the organization, its members, and (owners/admins) open invitations.
import { json, handler } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { getOrg } from "@/lib/data/orgs";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ slug: string }> };

export const GET = handler(async (req, { params }: Ctx) => json(await getOrg(await requireUser(req), (await params).slug)));
