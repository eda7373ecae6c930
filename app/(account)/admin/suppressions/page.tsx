import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/account/code-field";
import { AdminShell } from "@/components/admin/admin-shell";
import { Button } from "@/components/ui/button";
import { queryOf, requireAdminPage } from "@/lib/admin/page";
import { listSuppressions, SuppressionFilterSchema } from "@/lib/data/admin/suppressions";
import { suppressionReason } from "@/lib/delivery/suppression-text";

export const metadata: Metadata = { title: "Mail suppressions · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function SuppressionsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireAdminPage("/admin/suppressions");
  const params = await searchParams;
  const f = SuppressionFilterSchema.parse(params);
  const { rows, hasMore } = await listSuppressions(actor, f);
  return (
    <AdminShell
      title="Mail suppressions"
      current="/admin/suppressions"
      params={params}
      intro={<p>Addresses the portal sends no more mail to, and why: refused by their mail server (at sending or by a bounce report), or reported as spam. Times are UTC.</p>}
    >
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 rounded-xl border border-border bg-bg-subtle p-4">
        <label className="text-sm">
          <span className="font-medium">Address contains</span>
          <input name="q" type="search" defaultValue={f.q} maxLength={200} className={inputClass} />
        </label>
        <Button variant="secondary">Filter</Button>
      </form>
      {rows.length === 0 ? (
        <p className="text-fg-muted">No suppressed addresses{f.q ? " match" : ""}.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border">
          <table className="w-full text-left text-sm">
            <thead className="bg-bg-subtle text-xs uppercase tracking-wide text-fg-muted">
              <tr>
                <th className="px-3 py-2 font-medium">Address</th>
                <th className="px-3 py-2 font-medium">Reason</th>
                <th className="px-3 py-2 font-medium">Detail</th>
                <th className="px-3 py-2 font-medium">Since (UTC)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {rows.map((r) => (
                <tr key={r.email} className="align-top" data-testid="suppression-row">
                  <td className="break-all px-3 py-2">{r.email}</td>
                  <td className="px-3 py-2">
                    <span className="font-mono text-xs">{r.reason}</span>
                    <span className="block text-xs text-fg-muted">{suppressionReason(r.reason)}</span>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs text-fg-muted">{r.detail ?? ""}</td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{dateTime.format(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {f.page > 1 && (
          <Link href={`/admin/suppressions${queryOf({ q: f.q, page: f.page - 1 })}`} className="text-accent hover:underline">
            ← Newer
          </Link>
        )}
        <span className="text-fg-muted">Page {f.page}</span>
        {hasMore && (
          <Link href={`/admin/suppressions${queryOf({ q: f.q, page: f.page + 1 })}`} className="text-accent hover:underline">
            Older →
          </Link>
        )}
      </nav>
    </AdminShell>
  );
}
