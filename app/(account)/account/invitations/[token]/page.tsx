import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/account/action-form";
import { fmt } from "@/components/account/fields";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getViewer } from "@/lib/access/viewer";
import { lookupInvitation } from "@/lib/data/orgs";
import { db } from "@/lib/db";
import { acceptInvitationAction } from "./actions";

// The URL carries the invitation token: the nonce proxy sends `Referrer-Policy: same-origin`, so it
// never leaves as a referrer (`no-referrer` would make the Join form post `Origin: null`).
export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [state, viewer] = await Promise.all([lookupInvitation(token), getViewer()]);
  const me = viewer.kind === "user" ? await db().user.findUnique({ where: { id: viewer.userId }, select: { email: true, emailVerified: true } }) : null;

  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Invitation</h1>
      <div className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
        {state.kind === "invalid" && <Notice tone="warn">This invitation link is not valid: it was used, cancelled, replaced by a newer one, or mistyped.</Notice>}
        {state.kind === "expired" && <Notice tone="warn">The invitation to {state.orgName} has expired. Ask the organization for a new one.</Notice>}
        {state.kind === "accepted" && (
          <Notice tone="ok">
            This invitation to {state.orgName} was accepted.{" "}
            <Link href={`/account/orgs/${state.orgSlug}`} className="text-accent underline">
              Open the organization
            </Link>
          </Notice>
        )}
        {state.kind === "open" && (
          <>
            <p className="text-lg">
              You are invited to join <strong>{state.orgName}</strong> as <Badge tone="accent">{state.role}</Badge>
            </p>
            <p className="mt-2 text-sm text-fg-muted">
              For {state.email} · expires {fmt(state.expiresAt)}
            </p>
            <div className="mt-5">
              {!me ? (
                <Link href={`/signin?callbackUrl=${encodeURIComponent(`/account/invitations/${token}`)}`} className="inline-flex min-h-10 items-center rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-fg">
                  Sign in to accept
                </Link>
              ) : me.email !== state.email ? (
                <Notice tone="warn">
                  You are signed in as {me.email}, but this invitation is for {state.email}. <Link href="/signout" className="text-accent underline">Sign out</Link> and sign in with the invited address.
                </Notice>
              ) : !me.emailVerified ? (
                <Notice tone="warn">Your address is not verified yet. Sign in once with an email link to {state.email}, then come back to accept.</Notice>
              ) : (
                <ActionForm action={acceptInvitationAction.bind(null, token)} label="Accept the invitation">
                  <Button>Join {state.orgName}</Button>
                </ActionForm>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
