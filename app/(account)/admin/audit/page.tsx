import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/account/code-field";
import { AdminShell } from "@/components/admin/admin-shell";
import { Button } from "@/components/ui/button";
import { queryOf, requireAdminPage } from "@/lib/admin/page";
import { AuditFilterSchema, listAuditEvents } from "@/lib/data/admin/audit-log";

export const metadata: Metadata = { title: "Audit log · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireAdminPage("/admin/audit");
  const params = await searchParams;
  const f = AuditFilterSchema.parse(params);
  const { rows, hasMore } = await listAuditEvents(actor, f);
  const filterQuery = { actor: f.actor, action: f.action, target: f.target, from: f.from, to: f.to };
  return (
    <AdminShell title="Audit log" current="/admin/audit" params={params} intro={<p>Every security-relevant action, newest first. Entries cannot be changed or deleted. Times are UTC.</p>}>
      <form method="get" className="mb-6 grid gap-3 rounded-xl border border-border bg-bg-subtle p-4 sm:grid-cols-3 lg:grid-cols-[1fr_1fr_1fr_9rem_9rem_auto] lg:items-end">
        <label className="text-sm">
          <span className="font-medium">Actor (email or id)</span>
          <input name="actor" type="search" defaultValue={f.actor} maxLength={200} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="font-medium">Action</span>
          <input name="action" type="search" defaultValue={f.action} maxLength={80} placeholder="access.approved or access." className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="font-medium">Target id</span>
          <input name="target" type="search" defaultValue={f.target} maxLength={80} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="font-medium">From</span>
          <input name="from" type="date" defaultValue={f.from} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="font-medium">To</span>
          <input name="to" type="date" defaultValue={f.to} className={inputClass} />
        </label>
        <div className="flex gap-2">
          <Button variant="secondary">Filter</Button>
        </div>
      </form>
      <p className="mb-3 text-sm">
        <a href={`/admin/audit.csv${queryOf(filterQuery)}`} className="text-accent underline underline-offset-2" download>
          Download these entries as CSV
        </a>
      </p>
      {rows.length === 0 ? (
        <p className="text-fg-muted">No entries match.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border">
          <table className="w-full text-left text-sm">
            <thead className="bg-bg-subtle text-xs uppercase tracking-wide text-fg-muted">
              <tr>
                <th className="px-3 py-2 font-medium">When (UTC)</th>
                <th className="px-3 py-2 font-medium">Actor</th>
                <th className="px-3 py-2 font-medium">Action</th>
                <th className="px-3 py-2 font-medium">Target</th>
                <th className="px-3 py-2 font-medium">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {rows.map((r) => (
                <tr key={r.id} className="align-top" data-testid="audit-row">
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{dateTime.format(r.at)}</td>
                  <td className="break-all px-3 py-2">
                    {r.actor}
                    {r.ip && <span className="block text-xs text-fg-muted">{r.ip}</span>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {r.targetType && <span className="text-fg-muted">{r.targetType} </span>}
                    {r.targetId}
                  </td>
                  <td className="max-w-xs break-all px-3 py-2 font-mono text-xs text-fg-muted">{r.details ? JSON.stringify(r.details) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {f.page > 1 && (
          <Link href={`/admin/audit${queryOf({ ...filterQuery, page: f.page - 1 })}`} className="text-accent hover:underline">
            ← Newer
          </Link>
        )}
        <span className="text-fg-muted">Page {f.page}</span>
        {hasMore && (
          <Link href={`/admin/audit${queryOf({ ...filterQuery, page: f.page + 1 })}`} className="text-accent hover:underline">
            Older →
          </Link>
        )}
      </nav>
    </AdminShell>
  );
}
