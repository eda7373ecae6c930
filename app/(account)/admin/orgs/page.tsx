import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/account/code-field";
import { AdminShell } from "@/components/admin/admin-shell";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireAdminPage } from "@/lib/admin/page";
import { listOrgs } from "@/lib/data/admin/directory";

export const metadata: Metadata = { title: "Organizations · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function OrgsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireAdminPage("/admin/orgs");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const orgs = await listOrgs(actor, q || undefined);
  return (
    <AdminShell title="Organizations" current="/admin/orgs" params={params}>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <label className="min-w-60 flex-1 text-sm">
          <span className="font-medium">Name or slug contains</span>
          <input name="q" type="search" defaultValue={q} maxLength={100} className={inputClass} />
        </label>
        <Button variant="secondary">Search</Button>
      </form>
      {orgs.length === 0 ? (
        <p className="text-fg-muted">No organizations.</p>
      ) : (
        <ul className="space-y-3">
          {orgs.map((o) => (
            <li key={o.id} className="rounded-xl border border-border bg-bg-subtle p-4">
              <p className="flex flex-wrap items-baseline gap-2">
                <span className="font-semibold">{o.name}</span>
                <span className="font-mono text-xs text-fg-muted">{o.slug}</span>
                <span className="ml-auto text-sm text-fg-muted">since {date.format(o.createdAt)}</span>
              </p>
              <p className="mt-1 text-sm">
                <Link href={`/admin/apps?q=${encodeURIComponent(o.slug)}`} className="text-accent hover:underline">
                  {o.apps} app(s)
                </Link>
              </p>
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {o.members.map((m) => (
                  <li key={m.email} className="flex items-center gap-1 rounded-md border border-border bg-bg px-2 py-0.5">
                    <span className="break-all">{m.email}</span> <Badge tone={m.role === "owner" ? "accent" : "neutral"}>{m.role}</Badge>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </AdminShell>
  );
}
