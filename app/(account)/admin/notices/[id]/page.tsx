import type { Metadata } from "next";
import Link from "next/link";
import { ActionError } from "@/components/admin/action-error";
import { notFound } from "next/navigation";
import { STATUS_TONE } from "@/components/notices/status-tone";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/page-session";
import { db } from "@/lib/db";
import { noticeAudience } from "@/lib/notices/audience";
import { operationKey } from "@/lib/notices/operations";
import { noticePath } from "@/lib/notices/urls";
import { findApi, getVersionModel } from "@/lib/specs/index";

export const metadata: Metadata = { title: "Deprecation notice · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;
const input = "w-full rounded-lg border border-border bg-bg px-3 py-2 text-sm";
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const DONE: Record<string, string> = { created: "Draft created.", save: "Saved.", publish: "Published.", schedule: "Scheduled.", withdraw: "Withdrawn.", brownout: "Brownout scheduled.", unbrownout: "Brownout cancelled." };

export default async function AdminNoticePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const viewer = await requireUser(`/admin/notices/${encodeURIComponent(id)}`);
  if (!viewer.isAdmin) notFound();
  const notice = await db().deprecationNotice.findUnique({ where: { id }, include: { brownouts: { orderBy: { startsAt: "asc" } } } });
  if (!notice) notFound();
  const q = await searchParams;
  const api = findApi(notice.apiId);
  const reach = await noticeAudience(db(), notice, { days: 90 });
  const editable = notice.source === "admin" && notice.status !== "withdrawn";
  const action = `/api/admin/notices/${notice.id}`;
  const versions = api?.versions ?? [];

  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <nav className="text-sm text-fg-muted"><Link href="/admin/notices" className="hover:underline">Deprecation notices</Link> /</nav>
      <h1 className="mt-2 flex flex-wrap items-center gap-3 text-3xl font-bold tracking-tight">
        {notice.title} <Badge tone={STATUS_TONE[notice.status]}>{notice.status}</Badge>
        {notice.source === "spec" && <Badge>from spec</Badge>}
      </h1>
      <p className="mt-1 text-sm text-fg-muted">
        {api?.name ?? notice.apiId} · {notice.status === "scheduled" && notice.publishAt ? `publishes ${minute(notice.publishAt)}` : notice.publishedAt ? `published ${minute(notice.publishedAt)}` : "not published"}
        {notice.status === "published" && api?.visibility === "public" && (
          <> · <Link href={noticePath(notice.apiId, notice.id)} className="text-accent hover:underline">public page</Link></>
        )}
      </p>
      <div className="mt-4 space-y-2">
        <ActionError message={q.error} />
        {typeof q.done === "string" && DONE[q.done] && <Notice tone="ok">{DONE[q.done]}</Notice>}
      </div>

      <section aria-labelledby="reach" className="mt-6 rounded-xl border border-border bg-bg-subtle p-5">
        <h2 id="reach" className="text-lg font-semibold">Reach</h2>
        <p className="mt-1 text-sm text-fg-muted">Apps whose keys called the affected operations since {day(reach.since)} (90 days).</p>
        <p className="mt-3 flex flex-wrap gap-6 text-sm" data-testid="reach-totals">
          <span><strong className="text-2xl tabular-nums">{reach.totals.apps}</strong> apps</span>
          <span><strong className="text-2xl tabular-nums">{reach.totals.owners}</strong> owners</span>
          <span><strong className="text-2xl tabular-nums">{reach.totals.calls.toLocaleString("en")}</strong> calls</span>
        </p>
        {reach.apps.length > 0 && (
          <table className="mt-4 w-full text-left text-sm">
            <thead className="text-fg-muted"><tr><th scope="col" className="py-1 pr-3 font-medium">App</th><th scope="col" className="py-1 pr-3 font-medium">Owners</th><th scope="col" className="py-1 font-medium">Calls</th></tr></thead>
            <tbody className="divide-y divide-border">
              {reach.apps.slice(0, 100).map((a) => (
                <tr key={a.appId}>
                  <td className="py-1 pr-3">{a.name} <span className="font-mono text-xs text-fg-muted">{a.appId}</span></td>
                  <td className="py-1 pr-3 break-all">{a.owners.join(", ") || "—"}</td>
                  <td className="py-1">{a.calls.map((c) => <div key={c.operation}><code className="text-xs">{c.operation}</code> <span className="tabular-nums">{c.calls}</span></div>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="publish" className="mt-6 flex flex-wrap items-end gap-4 rounded-xl border border-border p-5">
        <h2 id="publish" className="sr-only">Publish</h2>
        {notice.status !== "published" && (
          <form method="post" action={action}>
            <input type="hidden" name="action" value="publish" />
            <Button>Publish now</Button>
          </form>
        )}
        {(notice.status === "draft" || notice.status === "scheduled") && (
          <form method="post" action={action} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="action" value="schedule" />
            <label className="text-sm"><span className="mb-1 block text-fg-muted">Publish at (UTC)</span><input type="datetime-local" name="publishAt" required className={input} /></label>
            <Button variant="secondary">Schedule</Button>
          </form>
        )}
        {notice.status !== "withdrawn" && (
          <form method="post" action={action} className="ml-auto">
            <input type="hidden" name="action" value="withdraw" />
            <Button variant="danger">Withdraw</Button>
          </form>
        )}
      </section>

      <section aria-labelledby="edit" className="mt-6 rounded-xl border border-border p-5">
        <h2 id="edit" className="text-lg font-semibold">Notice</h2>
        {!editable && <p className="mt-1 text-sm text-fg-muted">{notice.source === "spec" ? "This notice follows the spec; edit the description to change it." : "Withdrawn notices are kept as they were."}</p>}
        <form method="post" action={action} className="mt-3 space-y-4">
          <input type="hidden" name="action" value="save" />
          <fieldset disabled={!editable} className="min-w-0 space-y-4">
            <label className="block text-sm"><span className="mb-1 block text-fg-muted">Title</span><input name="title" required maxLength={200} defaultValue={notice.title} className={input} /></label>
            <div className="grid gap-4 sm:grid-cols-2">
              <label className="text-sm"><span className="mb-1 block text-fg-muted">Deprecated on</span><input type="date" name="deprecatedAt" defaultValue={day(notice.deprecatedAt)} className={input} /></label>
              <label className="text-sm"><span className="mb-1 block text-fg-muted">Sunset on</span><input type="date" name="sunsetAt" defaultValue={day(notice.sunsetAt)} className={input} /></label>
            </div>
            <label className="block text-sm"><span className="mb-1 block text-fg-muted">Body (Markdown)</span><textarea name="body" rows={5} defaultValue={notice.body} className={input} /></label>
            <label className="block text-sm"><span className="mb-1 block text-fg-muted">Migration guide (Markdown)</span><textarea name="migrationGuide" rows={5} defaultValue={notice.migrationGuide} className={input} /></label>
            <fieldset className="min-w-0 text-sm">
              <legend className="mb-1 text-fg-muted">Versions (none ticked: every version)</legend>
              <div className="flex flex-wrap gap-4">
                {versions.map((v) => (
                  <label key={v.id} className="flex items-center gap-2"><input type="checkbox" name="versions" value={v.id} defaultChecked={notice.versions.includes(v.id)} /> {v.id} <span className="text-fg-muted">({v.lifecycle})</span></label>
                ))}
              </div>
            </fieldset>
            <fieldset className="min-w-0 text-sm">
              <legend className="mb-1 text-fg-muted">Operations (none ticked: the whole of the versions)</legend>
              {versions.map((v) => {
                const ops = v.status === "ok" ? (getVersionModel(notice.apiId, v.id)?.operations ?? []) : [];
                return (
                  <details key={v.id} open={ops.some((op) => notice.operations.includes(operationKey(v.id, op)))} className="mt-1 rounded-lg border border-border">
                    <summary className="cursor-pointer px-3 py-1.5 font-medium">{v.id} <span className="text-fg-muted">({ops.length})</span></summary>
                    <div className="grid gap-1 px-3 py-2 sm:grid-cols-2">
                      {ops.map((op) => {
                        const key = operationKey(v.id, op);
                        return (
                          <label key={key} className="flex min-w-0 flex-wrap items-center gap-2">
                            <input type="checkbox" name="operations" value={key} defaultChecked={notice.operations.includes(key)} />
                            <code className="break-all text-xs">{op.method.toUpperCase()} {op.path}</code>
                            {op.deprecated && <Badge tone="warn">deprecated</Badge>}
                          </label>
                        );
                      })}
                    </div>
                  </details>
                );
              })}
            </fieldset>
            {editable && <Button>Save</Button>}
          </fieldset>
        </form>
      </section>

      <section aria-labelledby="brownouts" className="mt-6 rounded-xl border border-border p-5">
        <h2 id="brownouts" className="text-lg font-semibold">Brownouts</h2>
        <p className="mt-1 text-sm text-fg-muted">Short windows before the sunset in which key verification tells gateways to refuse the affected calls, so callers notice in time.</p>
        <ul className="mt-3 divide-y divide-border text-sm">
          {notice.brownouts.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>{minute(b.startsAt)} → {minute(b.endsAt)}</span>
              <form method="post" action={action}>
                <input type="hidden" name="action" value="unbrownout" />
                <input type="hidden" name="brownout" value={b.id} />
                <Button variant="secondary">Cancel</Button>
              </form>
            </li>
          ))}
        </ul>
        {notice.status !== "withdrawn" && (
          <form method="post" action={action} className="mt-3 flex flex-wrap items-end gap-2">
            <input type="hidden" name="action" value="brownout" />
            <label className="text-sm"><span className="mb-1 block text-fg-muted">Starts (UTC)</span><input type="datetime-local" name="startsAt" required className={input} /></label>
            <label className="text-sm"><span className="mb-1 block text-fg-muted">Minutes</span><input type="number" name="durationMinutes" min={1} max={1440} defaultValue={30} required className={input} /></label>
            <Button variant="secondary">Schedule brownout</Button>
          </form>
        )}
      </section>
    </div>
  );
}
