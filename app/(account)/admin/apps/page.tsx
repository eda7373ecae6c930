import type { Metadata } from "next";
import { inputClass } from "@/components/account/code-field";
import { AdminShell } from "@/components/admin/admin-shell";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { queryOf, requireAdminPage } from "@/lib/admin/page";
import { listApps } from "@/lib/data/admin/directory";

export const metadata: Metadata = { title: "Apps and keys · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const TONE: Record<string, BadgeTone> = { active: "ok", revoked: "danger", expired: "neutral", rotated: "neutral" };

export default async function AppsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireAdminPage("/admin/apps");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const apps = await listApps(actor, q || undefined);
  const back = `/admin/apps${queryOf({ q })}`;
  return (
    <AdminShell title="Apps and keys" current="/admin/apps" params={params} intro={<p>Keys show their prefix and last four characters only. Revoking a key stops it at every gateway within a second.</p>}>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <label className="min-w-60 flex-1 text-sm">
          <span className="font-medium">App name, app id, organization slug, or an owner’s or member’s email</span>
          <input name="q" type="search" defaultValue={q} maxLength={100} className={inputClass} />
        </label>
        <Button variant="secondary">Search</Button>
      </form>
      {apps.length === 0 ? (
        <p className="text-fg-muted">No apps.</p>
      ) : (
        <ul className="space-y-4">
          {apps.map((a) => (
            <li key={a.id} className="rounded-xl border border-border bg-bg-subtle p-4">
              <p className="flex flex-wrap items-baseline gap-2">
                <span className="font-semibold">{a.name}</span>
                <Badge tone={a.environment === "production" ? "accent" : "neutral"}>{a.environment}</Badge>
                <span className="font-mono text-xs text-fg-muted">{a.id}</span>
              </p>
              <p className="mt-1 text-sm text-fg-muted">
                {a.owner.kind === "organization" ? "Organization" : "Owner"}: <span className="break-all text-fg">{a.owner.name}</span> · APIs:{" "}
                <span className="font-mono text-xs text-fg">{a.apis.join(", ") || "none"}</span>
              </p>
              {a.keys.length > 0 && (
                <ul className="mt-3 divide-y divide-border rounded-lg border border-border bg-bg">
                  {a.keys.map((k) => (
                    <li key={k.id} className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm">
                      <span className="font-mono">{k.display}</span>
                      <span>{k.name}</span>
                      <Badge tone={TONE[k.status]}>{k.status}</Badge>
                      <span className="text-xs text-fg-muted">{k.lastUsedAt ? `used ${dateTime.format(k.lastUsedAt)} UTC` : "never used"}</span>
                      {k.revokedReason && <span className="basis-full text-xs text-fg-muted">{k.revokedReason}</span>}
                      {k.status === "active" && (
                        <form method="post" action={`/api/admin/keys/${k.id}/revoke`} className="flex w-full flex-wrap items-center gap-2 sm:ml-auto sm:w-auto">
                          <input type="hidden" name="back" value={back} />
                          <label className="sr-only" htmlFor={`reason-${k.id}`}>
                            Reason for revoking {k.display}
                          </label>
                          <input id={`reason-${k.id}`} name="reason" required minLength={3} maxLength={500} placeholder="Reason" className="min-w-0 flex-1 rounded-lg border border-border bg-bg px-2 py-1.5 text-sm sm:w-48" />
                          <Button variant="danger">Revoke</Button>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </AdminShell>
  );
}
