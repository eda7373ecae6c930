// POST /api/admin/changelog/<id> (form): save, publish, unpublish, delete. Admins only (publishing,
// unpublishing and deleting with a fresh second factor); see lib/changes/admin-entry-forms.ts.
import { entryActionForm } from "@/lib/changes/admin-entry-forms";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return entryActionForm(req, (await params).id);
}
