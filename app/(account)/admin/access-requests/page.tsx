import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/account/code-field";
import { AdminShell } from "@/components/admin/admin-shell";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireAdminPage } from "@/lib/admin/page";
import { listAccessRequests } from "@/lib/data/admin/access-requests";

export const metadata: Metadata = { title: "Access requests · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const TONE: Record<string, BadgeTone> = { pending: "warn", approved: "ok", denied: "danger", withdrawn: "neutral" };

export default async function AccessRequestsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireAdminPage("/admin/access-requests");
  const params = await searchParams;
  const filter = params.show === "all" ? "all" : "pending";
  const back = filter === "all" ? "/admin/access-requests?show=all" : "/admin/access-requests";
  const { entries, pendingCount } = await listAccessRequests(actor, filter);
  return (
    <AdminShell
      title="Access requests"
      current="/admin/access-requests"
      params={params}
      intro={<p>Apps asking for partner and internal APIs. Approving gives the app the API at once (its keys can then be scoped to it); the requester is told by email and on their account page.</p>}
    >
      <p className="mb-4 flex flex-wrap gap-3 text-sm">
        <Link href="/admin/access-requests" aria-current={filter === "pending" ? "page" : undefined} className={filter === "pending" ? "font-semibold" : "text-accent hover:underline"}>
          Pending ({pendingCount})
        </Link>
        <Link href="/admin/access-requests?show=all" aria-current={filter === "all" ? "page" : undefined} className={filter === "all" ? "font-semibold" : "text-accent hover:underline"}>
          All, pending first
        </Link>
      </p>
      {entries.length === 0 ? (
        <p className="rounded-xl border border-border bg-bg-subtle p-6 text-fg-muted">No {filter === "pending" ? "pending " : ""}requests.</p>
      ) : (
        <ul className="space-y-4">
          {entries.map((r) => (
            <li key={r.id} className="rounded-xl border border-border bg-bg-subtle p-4 sm:p-5" data-testid="access-request">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={TONE[r.status]}>{r.status}</Badge>
                <h2 className="font-semibold">
                  {r.app.name} → {r.api.name}
                </h2>
                <Badge tone="info">{r.api.visibility ?? "unknown API"}</Badge>
                <span className="ml-auto text-xs text-fg-muted">{dateTime.format(r.createdAt)} UTC</span>
              </div>
              <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
                <dt className="text-fg-muted">App</dt>
                <dd>
                  {r.app.name} <span className="font-mono text-xs text-fg-muted">{r.app.id}</span> · {r.app.environment}
                </dd>
                <dt className="text-fg-muted">{r.owner.kind === "organization" ? "Organization" : "Owner"}</dt>
                <dd className="break-all">{r.owner.name}</dd>
                <dt className="text-fg-muted">Requested by</dt>
                <dd className="break-all">{r.requester}</dd>
                <dt className="text-fg-muted">API</dt>
                <dd>
                  {r.api.name} <span className="font-mono text-xs text-fg-muted">{r.api.id}</span>
                </dd>
                <dt className="text-fg-muted">Scopes</dt>
                <dd className="font-mono text-xs">
                  {r.api.id}:read, {r.api.id}:write <span className="font-sans text-fg-muted">(each key picks from these)</span>
                </dd>
                <dt className="text-fg-muted">Reason</dt>
                <dd className="whitespace-pre-wrap break-words">{r.reason}</dd>
                {r.decidedAt && (
                  <>
                    <dt className="text-fg-muted">Decided</dt>
                    <dd>
                      {dateTime.format(r.decidedAt)} UTC by {r.decidedBy}
                      {r.decisionNote && <span className="block whitespace-pre-wrap break-words text-fg-muted">“{r.decisionNote}”</span>}
                    </dd>
                  </>
                )}
              </dl>
              {r.status === "pending" && (
                <div className="mt-4 grid gap-4 border-t border-border pt-4 md:grid-cols-2">
                  <form method="post" action={`/api/admin/access-requests/${r.id}`} className="space-y-2">
                    <input type="hidden" name="decision" value="approve" />
                    <input type="hidden" name="back" value={back} />
                    <label className="block text-sm">
                      <span className="font-medium">Note to the requester (optional)</span>
                      <input name="note" maxLength={1000} className={inputClass} />
                    </label>
                    <Button>Approve</Button>
                  </form>
                  <form method="post" action={`/api/admin/access-requests/${r.id}`} className="space-y-2">
                    <input type="hidden" name="decision" value="deny" />
                    <input type="hidden" name="back" value={back} />
                    <label className="block text-sm">
                      <span className="font-medium">Reason for denying (sent to the requester)</span>
                      <input name="note" required minLength={3} maxLength={1000} className={inputClass} />
                    </label>
                    <Button variant="danger">Deny</Button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </AdminShell>
  );
}
