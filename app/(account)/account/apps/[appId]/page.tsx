import type { Metadata } from "next";
import { ActionForm } from "@/components/account/action-form";
import { Field, INPUT, PageHeader, Section } from "@/components/account/fields";
import { ApiAccessList } from "@/components/account/api-access-list";
import { KeyList } from "@/components/account/key-list";
import { SecretForm } from "@/components/account/secret-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/page-session";
import { appApiChoices, getApp, listKeys } from "@/lib/data/apps";
import { createKeyAction, deleteAppAction, updateAppAction } from "../actions";
import { orNotFound } from "./load";

export const metadata: Metadata = { title: "App", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AppPage({ params, searchParams }: { params: Promise<{ appId: string }>; searchParams: Search }) {
  const { appId } = await params;
  const viewer = await requireUser(`/account/apps/${encodeURIComponent(appId)}`);
  const app = await orNotFound(getApp(viewer, appId));
  const [choices, keys, search] = await Promise.all([appApiChoices(viewer, app.id), listKeys(viewer, app.id), searchParams]);
  const manage = app.capability === "manage";
  const granted = choices.filter((c) => c.status === "granted");

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <PageHeader title={app.name} back={{ href: "/account/apps", label: "Apps" }}>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-fg-muted">
          <Badge tone={app.environment === "production" ? "warn" : "info"}>{app.environment}</Badge>
          <span>{app.owner.kind === "user" ? "Personal" : `Organization: ${app.owner.name}`}</span>
          {!manage && <Badge>read only</Badge>}
        </p>
        {app.description && <p className="mt-2 text-fg-muted">{app.description}</p>}
      </PageHeader>
      <div className="mt-6 space-y-3">
        {search.saved && <Notice tone="ok">Saved.</Notice>}
        {search.revoked && <Notice tone="ok">The key is revoked: calls with it are refused from now on.</Notice>}
        {search.access === "granted" && <Notice tone="ok">Access granted: new keys can use this API.</Notice>}
        {search.access === "pending" && <Notice tone="ok">Access requested. An admin will decide; you will get an email.</Notice>}
      </div>

      <Section id="keys" title="API keys" description="Send a key with every call; the API's gateway checks it. Keys are shown once, when created.">
        {manage &&
          (granted.length === 0 ? (
            <Notice>Enable an API below before creating a key.</Notice>
          ) : (
            <SecretForm action={createKeyAction.bind(null, app.id)} doneHref={`/account/apps/${app.id}#keys`} label="Create a key" className="grid gap-4 sm:grid-cols-2">
              <Field label="Key name" hint="Where it will be used, e.g. “production server”.">
                <input name="name" required maxLength={80} className={INPUT} />
              </Field>
              <Field label="Expires">
                <select name="expiresInDays" defaultValue="" className={INPUT}>
                  <option value="">Never</option>
                  <option value="30">In 30 days</option>
                  <option value="90">In 90 days</option>
                  <option value="365">In a year</option>
                </select>
              </Field>
              <fieldset className="sm:col-span-2">
                <legend className="text-sm font-medium">Scopes</legend>
                <div className="mt-1 grid gap-2 text-sm sm:grid-cols-2">
                  {granted.flatMap((api) =>
                    (["read", "write"] as const).map((mode) => (
                      <label key={`${api.id}:${mode}`} className="flex items-center gap-2">
                        <input type="checkbox" name="scope" value={`${api.id}:${mode}`} defaultChecked={mode === "read"} />
                        {api.name} — {mode}
                      </label>
                    )),
                  )}
                </div>
              </fieldset>
              <div className="sm:col-span-2">
                <Button>Create key</Button>
              </div>
            </SecretForm>
          ))}
        <div className="mt-6">
          <KeyList appId={app.id} keys={keys} manage={manage} />
        </div>
      </Section>

      <Section id="apis" title="APIs" description="Public APIs are enabled at once. Partner and internal APIs need an admin's approval.">
        <ApiAccessList appId={app.id} choices={choices} manage={manage} />
      </Section>

      {manage && (
        <Section id="settings" title="Settings">
          <ActionForm action={updateAppAction.bind(null, app.id)} className="grid gap-4" label="Edit the app">
            <Field label="Name">
              <input name="name" required maxLength={80} defaultValue={app.name} className={INPUT} />
            </Field>
            <Field label="Description">
              <textarea name="description" maxLength={500} rows={2} defaultValue={app.description ?? ""} className={INPUT} />
            </Field>
            <div>
              <Button variant="secondary">Save</Button>
            </div>
          </ActionForm>
          <details className="mt-6 rounded-lg border border-danger/30 p-4">
            <summary className="cursor-pointer text-sm font-medium text-danger">Delete this app…</summary>
            <p className="mt-2 text-sm">Its keys stop working at once. This cannot be undone.</p>
            <ActionForm action={deleteAppAction.bind(null, app.id)} className="mt-3" label="Delete the app">
              <Button variant="danger">Delete app and keys</Button>
            </ActionForm>
          </details>
        </Section>
      )}
    </div>
  );
}
