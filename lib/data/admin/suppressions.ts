// Addresses that get no more mail (hard bounce at SMTP time or by DSN, soft-bounce budget spent,
// spam complaint), for /admin/suppressions: newest first, filtered by part of the address.
import "server-only";
import { z } from "zod";
import { requireAdmin, type AdminActor } from "@/lib/admin/step-up";
import { db } from "@/lib/db";

export const SuppressionFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type SuppressionFilter = z.infer<typeof SuppressionFilterSchema>;

const PAGE_SIZE = 50;

export async function listSuppressions(actor: AdminActor, f: SuppressionFilter) {
  requireAdmin(actor);
  const rows = await db().emailSuppression.findMany({
    where: f.q ? { email: { contains: f.q.toLowerCase() } } : undefined,
    orderBy: [{ createdAt: "desc" }, { email: "asc" }],
    skip: (f.page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
  });
  return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}
