// POST /api/admin/notices (form): create a draft notice. Admins only; see lib/notices/admin-forms.ts.
import { createNoticeForm } from "@/lib/notices/admin-forms";

export const dynamic = "force-dynamic";
export const POST = createNoticeForm;
