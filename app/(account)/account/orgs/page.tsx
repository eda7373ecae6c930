import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/account/action-form";
import { Field, INPUT, PageHeader, Section } from "@/components/account/fields";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { listApps } from "@/lib/data/apps";
import { listOrgs } from "@/lib/data/orgs";
import { requireUser } from "@/lib/auth/page-session";
import { createOrgAction } from "./actions";

export const metadata: Metadata = { title: "Organizations", robots: { index: false } };

export default async function OrgsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireUser("/account/orgs");
  const [orgs, apps, params] = await Promise.all([listOrgs(viewer), listApps(viewer), searchParams]);
  const personalApps = apps.filter((a) => a.owner.kind === "user").length;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader title="Organizations" back={{ href: "/account", label: "Your account" }}>
        <p className="mt-2 text-fg-muted">Share apps and keys with your team. Your personal space holds the apps only you manage.</p>
      </PageHeader>
      {params.left && (
        <div className="mt-6">
          <Notice tone="ok">You left the organization.</Notice>
        </div>
      )}

      <Section id="your-orgs" title="Your organizations">
        <ul className="divide-y divide-border rounded-lg border border-border bg-bg">
          <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <div>
              <Link href="/account/apps" className="font-medium text-accent hover:underline">
                Personal
              </Link>
              <p className="text-fg-muted">
                {personalApps} {personalApps === 1 ? "app" : "apps"} · only you
              </p>
            </div>
            <Badge>Yours</Badge>
          </li>
          {orgs.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <Link href={`/account/orgs/${o.slug}`} className="font-medium text-accent hover:underline">
                  {o.name}
                </Link>
                <p className="text-fg-muted">
                  {o.members} {o.members === 1 ? "member" : "members"} · {o.apps} {o.apps === 1 ? "app" : "apps"}
                </p>
              </div>
              <Badge tone={o.role === "member" ? "neutral" : "accent"}>{o.role}</Badge>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="new-org" title="Create an organization" description="You become its owner; invite others from its page.">
        <ActionForm action={createOrgAction} className="flex flex-wrap items-end gap-3" label="Create an organization">
          <div className="min-w-0 flex-1 basis-64">
            <Field label="Name">
              <input name="name" required minLength={2} maxLength={80} placeholder="Acme Tools" className={INPUT} />
            </Field>
          </div>
          <Button>Create organization</Button>
        </ActionForm>
      </Section>
    </div>
  );
}
