import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { NewDraftForm } from "@/components/admin/new-draft-form";
import { Notice } from "@/components/ui/notice";
import { requireAdminPage } from "@/lib/admin/page";
import { db } from "@/lib/db";
import { getCatalog } from "@/lib/specs/index";

export const metadata: Metadata = { title: "Changelog entries · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Changelog entries written in the portal, for portal admins; 404 for everyone else. */
export default async function AdminChangelogPage({ searchParams }: { searchParams: Search }) {
  await requireAdminPage("/admin/changelog");
  const q = await searchParams;
  const entries = await db().adminChangelogEntry.findMany({ orderBy: [{ date: "desc" }, { updatedAt: "desc" }], take: 500 });
  const apis = getCatalog().apis;
  const name = new Map(apis.map((a) => [a.id, a.name]));
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Changelog entries</h1>
      <p className="mt-2 text-fg-muted">
        Notes you write for an API&apos;s changelog, beside the changes found in the specs and the entries in <code>specs/&lt;api&gt;/changelog/</code>. Published entries appear on the API&apos;s
        changelog, on <Link href="/changelog" className="text-accent hover:underline">/changelog</Link> (public APIs) and in the feeds.
      </p>
      <div className="mt-4 space-y-2">
        {typeof q.error === "string" && <Notice tone="danger" alert>{q.error}</Notice>}
        {q.done === "deleted" && <Notice tone="ok">Entry deleted.</Notice>}
      </div>
      <NewDraftForm heading="New entry" hint="Start with the API and a title; the date, versions and text come on the next page." action="/api/admin/changelog" apis={apis} titlePlaceholder="Rate limits double on 1 December" />
      {entries.length === 0 ? (
        <p className="mt-8 text-sm text-fg-muted">No entries written here yet.</p>
      ) : (
        <table className="mt-8 w-full text-left text-sm">
          <thead className="text-fg-muted">
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3 font-medium">Entry</th>
              <th scope="col" className="py-2 pr-3 font-medium">API</th>
              <th scope="col" className="py-2 pr-3 font-medium">Date</th>
              <th scope="col" className="py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="py-2 pr-3"><Link href={`/admin/changelog/${e.id}`} className="text-accent hover:underline">{e.title}</Link></td>
                <td className="py-2 pr-3">{name.get(e.apiId) ?? e.apiId}</td>
                <td className="py-2 pr-3 tabular-nums">{e.date.toISOString().slice(0, 10)}</td>
                <td className="py-2"><Badge tone={e.status === "published" ? "ok" : "neutral"}>{e.status}</Badge></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
