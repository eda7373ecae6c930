import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/account/action-form";
import { Field, fmt, INPUT, PageHeader, Section } from "@/components/account/fields";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiError } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/page-session";
import { getOrg, ORG_ROLES, type OrgDetail } from "@/lib/data/orgs";
import { cancelInvitationAction, changeRoleAction, inviteAction, removeMemberAction } from "../actions";

export const metadata: Metadata = { title: "Organization", robots: { index: false } };

type Params = Promise<{ slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

async function load(viewer: Awaited<ReturnType<typeof requireUser>>, slug: string): Promise<OrgDetail> {
  try {
    return await getOrg(viewer, slug);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) notFound();
    throw e;
  }
}

export default async function OrgPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { slug } = await params;
  const viewer = await requireUser(`/account/orgs/${encodeURIComponent(slug)}`);
  const [org, search] = await Promise.all([load(viewer, slug), searchParams]);
  const manager = org.role !== "member";
  const assignable = org.role === "owner" ? ORG_ROLES : ORG_ROLES.filter((r) => r !== "owner");

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader title={org.name} back={{ href: "/account/orgs", label: "Organizations" }}>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-fg-muted">
          You are <Badge tone={manager ? "accent" : "neutral"}>{org.role}</Badge>
          <span>·</span>
          <Link href={`/account/apps#apps-${org.id}`} className="text-accent hover:underline">
            {org.apps} {org.apps === 1 ? "app" : "apps"}
          </Link>
        </p>
      </PageHeader>
      <div className="mt-6 space-y-3">
        {search.joined && <Notice tone="ok">Welcome to {org.name}.</Notice>}
        {search.changed && <Notice tone="ok">Role changed.</Notice>}
        {search.removed && <Notice tone="ok">Member removed.</Notice>}
        {!manager && <Notice>Members can read the organization and its apps; its owners and admins manage them.</Notice>}
      </div>

      <Section id="members" title="Members">
        <ul className="divide-y divide-border rounded-lg border border-border bg-bg">
          {org.membersList.map((m) => {
            const self = m.userId === viewer.userId;
            const mayChange = manager && !self && (org.role === "owner" || m.role !== "owner");
            return (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium break-all">
                    {m.name ?? m.email} {self && <Badge tone="info">You</Badge>}
                  </p>
                  <p className="break-all text-fg-muted">
                    {m.email} · since {fmt(m.since)}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {mayChange ? (
                    <ActionForm action={changeRoleAction.bind(null, org.slug, m.userId)} className="flex flex-wrap items-center gap-2" label={`Role of ${m.email}`}>
                      <label className="sr-only" htmlFor={`role-${m.userId}`}>
                        Role of {m.email}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role} className="rounded-lg border border-border bg-bg px-2 py-2 text-sm">
                        {assignable.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                      <Button variant="secondary">Change role</Button>
                    </ActionForm>
                  ) : (
                    <Badge tone={m.role === "member" ? "neutral" : "accent"}>{m.role}</Badge>
                  )}
                  {(mayChange || self) && (
                    <ActionForm action={removeMemberAction.bind(null, org.slug, m.userId)} label={self ? "Leave the organization" : `Remove ${m.email}`}>
                      <Button variant="danger">{self ? "Leave" : "Remove"}</Button>
                    </ActionForm>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </Section>

      {manager && (
        <Section id="invite" title="Invite someone" description="They get an email with a link; it works for 7 days, for the invited address only.">
          <ActionForm action={inviteAction.bind(null, org.slug)} className="flex flex-wrap items-end gap-3" label="Invite someone">
            <div className="min-w-0 flex-1 basis-64">
              <Field label="Email address">
                <input type="email" name="email" required maxLength={254} autoComplete="off" placeholder="teammate@example.com" className={INPUT} />
              </Field>
            </div>
            <Field label="Role">
              <select name="role" defaultValue="member" className={INPUT}>
                {assignable.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </Field>
            <Button>Send invitation</Button>
          </ActionForm>
          {org.invitations.length > 0 && (
            <>
              <h3 className="mt-6 text-sm font-semibold">Open invitations</h3>
              <ul className="mt-2 divide-y divide-border rounded-lg border border-border bg-bg">
                {org.invitations.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                    <div className="min-w-0">
                      <p className="font-medium break-all">{i.email}</p>
                      <p className="text-fg-muted">
                        as {i.role} · expires {fmt(i.expiresAt)}
                      </p>
                    </div>
                    <ActionForm action={cancelInvitationAction.bind(null, org.slug, i.id)} label={`Cancel the invitation of ${i.email}`}>
                      <Button variant="secondary">Cancel</Button>
                    </ActionForm>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Section>
      )}
    </div>
  );
}
