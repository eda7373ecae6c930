// POST /api/admin/notices/<id> (form): save, publish, schedule, withdraw, brownouts. Admins only;
// see lib/notices/admin-forms.ts.
import { noticeActionForm } from "@/lib/notices/admin-forms";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return noticeActionForm(req, (await params).id);
}
