import type { Metadata } from "next";
import Link from "next/link";
import { ActionError } from "@/components/admin/action-error";
import { notFound } from "next/navigation";
import { AdminEntryFields } from "@/components/changes/admin-entry-fields";
import { entryAnchor } from "@/components/changes/release-section";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireAdminPage } from "@/lib/admin/page";
import { toChangelogEntry } from "@/lib/changes/admin-entries";
import { db } from "@/lib/db";
import { changelogPath } from "@/lib/discovery/urls";
import { findApi } from "@/lib/specs/index";

export const metadata: Metadata = { title: "Changelog entry · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;
const DONE: Record<string, string> = { created: "Draft created.", save: "Saved.", publish: "Published.", unpublish: "Unpublished: back to draft." };
const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** One admin-written changelog entry: edit, publish, unpublish, delete. Admins only (404 otherwise). */
export default async function AdminChangelogEntryPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  await requireAdminPage(`/admin/changelog/${encodeURIComponent(id)}`);
  const q = await searchParams;
  const entry = /^cle_[0-9A-Za-z]{20}$/.test(id) ? await db().adminChangelogEntry.findUnique({ where: { id } }) : null;
  if (!entry) notFound();
  const api = findApi(entry.apiId) ?? null;
  const action = `/api/admin/changelog/${entry.id}`;
  const published = entry.status === "published";
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <nav className="text-sm text-fg-muted"><Link href="/admin/changelog" className="hover:underline">Changelog entries</Link> /</nav>
      <h1 className="mt-2 flex flex-wrap items-center gap-3 text-3xl font-bold tracking-tight">
        {entry.title} <Badge tone={published ? "ok" : "neutral"}>{entry.status}</Badge>
      </h1>
      <p className="mt-1 text-sm text-fg-muted">
        {api?.name ?? entry.apiId} · {published && entry.publishedAt ? `published ${minute(entry.publishedAt)}` : "not published"}
        {published && (
          <> · <Link href={`${changelogPath(entry.apiId)}#${entryAnchor(toChangelogEntry(entry))}`} className="text-accent hover:underline">on the changelog</Link></>
        )}
      </p>
      <div className="mt-4 space-y-2">
        <ActionError message={q.error} />
        {typeof q.done === "string" && DONE[q.done] && <Notice tone="ok">{DONE[q.done]}</Notice>}
      </div>

      <form method="post" action={action} className="mt-6 grid gap-4 rounded-xl border border-border bg-bg-subtle p-5 sm:grid-cols-2">
        <input type="hidden" name="action" value="save" />
        <AdminEntryFields
          api={api}
          values={{ title: entry.title, date: entry.date.toISOString().slice(0, 10), versions: entry.versions, severity: entry.severity, kind: entry.kind, operations: entry.operations, body: entry.body }}
        />
        <div className="sm:col-span-2">
          <Button variant="secondary">Save</Button>
          {published && <span className="ml-3 text-xs text-fg-muted">Saving changes the published entry at once.</span>}
        </div>
      </form>

      <section aria-labelledby="publishing" className="mt-6 flex flex-wrap items-center gap-3 rounded-xl border border-border p-5">
        <h2 id="publishing" className="sr-only">Publishing</h2>
        <form method="post" action={action}>
          <input type="hidden" name="action" value={published ? "unpublish" : "publish"} />
          <Button variant={published ? "secondary" : "primary"}>{published ? "Unpublish" : "Publish"}</Button>
        </form>
        <form method="post" action={action}>
          <input type="hidden" name="action" value="delete" />
          <Button variant="danger">Delete</Button>
        </form>
        <p className="text-xs text-fg-muted">Publishing, unpublishing and deleting need a second factor confirmed in the last 10 minutes.</p>
      </section>
    </div>
  );
}
