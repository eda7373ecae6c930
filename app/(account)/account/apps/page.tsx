import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/account/action-form";
import { Field, INPUT, PageHeader, Section } from "@/components/account/fields";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/page-session";
import { listApps, type AppView } from "@/lib/data/apps";
import { listOrgs } from "@/lib/data/orgs";
import { createAppAction } from "./actions";

export const metadata: Metadata = { title: "Apps", robots: { index: false } };

function AppList({ apps }: { apps: AppView[] }) {
  if (apps.length === 0) return <p className="rounded-lg border border-dashed border-border px-4 py-3 text-sm text-fg-muted">No apps yet.</p>;
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-bg">
      {apps.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
          <div className="min-w-0">
            <Link href={`/account/apps/${a.id}`} className="font-medium text-accent hover:underline">
              {a.name}
            </Link>
            {a.description && <p className="text-fg-muted">{a.description}</p>}
            <p className="text-xs text-fg-muted">{a.apis.length ? `Calls ${a.apis.join(", ")}` : "No APIs yet"}</p>
          </div>
          <span className="flex gap-2">
            <Badge tone={a.environment === "production" ? "warn" : "info"}>{a.environment}</Badge>
            {a.capability === "read" && <Badge>read only</Badge>}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default async function AppsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireUser("/account/apps");
  const [apps, orgs, params] = await Promise.all([listApps(viewer), listOrgs(viewer), searchParams]);
  const managed = orgs.filter((o) => o.role !== "member");
  const groups = [
    { id: "personal", title: "Personal", apps: apps.filter((a) => a.owner.kind === "user") },
    ...orgs.map((o) => ({ id: o.id, title: o.name, apps: apps.filter((a) => a.owner.kind === "organization" && a.owner.id === o.id) })),
  ];

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader title="Apps" back={{ href: "/account", label: "Your account" }}>
        <p className="mt-2 text-fg-muted">
          An app holds the API keys your code uses, and the APIs it may call. Personal apps are yours; <Link href="/account/orgs" className="text-accent hover:underline">organizations</Link> share theirs.
        </p>
      </PageHeader>
      {params.deleted && (
        <div className="mt-6">
          <Notice tone="ok">The app and its keys were deleted.</Notice>
        </div>
      )}

      {groups.map((g) => (
        <Section key={g.id} id={`apps-${g.id}`} title={g.title}>
          <AppList apps={g.apps} />
        </Section>
      ))}

      <Section id="new-app" title="Create an app">
        <ActionForm action={createAppAction} className="grid gap-4 sm:grid-cols-2" label="Create an app">
          <Field label="Name">
            <input name="name" required maxLength={80} placeholder="Forecast widget" className={INPUT} />
          </Field>
          <Field label="Owner" hint="Organization apps are managed by its owners and admins.">
            <select name="owner" defaultValue="personal" className={INPUT}>
              <option value="personal">Personal (only you)</option>
              {managed.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="sm:col-span-2">
            <Field label="Description (optional)">
              <textarea name="description" maxLength={500} rows={2} className={INPUT} />
            </Field>
          </div>
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium">Environment</legend>
            <div className="mt-1 flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="environment" value="sandbox" defaultChecked /> Sandbox <span className="text-fg-muted">(keys start ptl_test_)</span>
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="environment" value="production" /> Production <span className="text-fg-muted">(ptl_live_)</span>
              </label>
            </div>
          </fieldset>
          <div className="sm:col-span-2">
            <Button>Create app</Button>
          </div>
        </ActionForm>
      </Section>
    </div>
  );
}
