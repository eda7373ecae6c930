// POST /api/admin/changelog (form): a new draft changelog entry. Admins only; see lib/changes/admin-entry-forms.ts.
import { createEntryForm } from "@/lib/changes/admin-entry-forms";

export const dynamic = "force-dynamic";
export const POST = createEntryForm;
