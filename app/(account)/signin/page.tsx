import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/account/auth-card";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getViewer } from "@/lib/access/viewer";
import { signInErrorMessage } from "@/lib/auth/messages";
import { signInMethods } from "@/lib/auth/options";
import { csrfTokenForForms, safeCallbackPath } from "@/lib/auth/page-session";
import { env } from "@/lib/env";
import { devMailboxMode } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(one(params.callbackUrl));
  if ((await getViewer()).kind === "user") redirect(callbackUrl);

  const methods = signInMethods();
  const csrfToken = await csrfTokenForForms();
  const error = signInErrorMessage(one(params.error));
  const expiredForm = one(params.csrf) === "true";
  const providers = [
    ...(methods.github ? [{ id: "github", label: "Continue with GitHub" }] : []),
    ...(methods.oidc ? [{ id: "oidc", label: `Continue with ${methods.oidc.name}` }] : []),
  ];

  return (
    <AuthCard title="Sign in to Portolan" intro="New here? Signing in the first time creates your account.">
      {error && (
        <Notice tone="danger" alert>
          {error}
        </Notice>
      )}
      {expiredForm && (
        <Notice tone="warn" alert>
          The form had expired. Please try again.
        </Notice>
      )}
      {one(params.signedOut) && <Notice tone="ok">You are signed out{one(params.signedOut) === "everywhere" ? " on every device" : ""}.</Notice>}

      {methods.email && (
        <form method="post" action="/api/auth/signin/email" className="space-y-3">
          <input type="hidden" name="csrfToken" value={csrfToken} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <label className="block">
            <span className="text-sm font-medium">Email address</span>
            <input
              type="email"
              name="email"
              required
              autoComplete="email"
              inputMode="email"
              maxLength={254}
              placeholder="you@example.com"
              className="mt-1 block w-full rounded-lg border border-border bg-bg px-3 py-2 text-fg placeholder:text-fg-muted"
            />
          </label>
          <Button className="w-full">Email me a sign-in link</Button>
        </form>
      )}

      {methods.email && providers.length > 0 && (
        <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-fg-muted" aria-hidden="true">
          <span className="h-px flex-1 bg-border" />
          or
          <span className="h-px flex-1 bg-border" />
        </div>
      )}

      {providers.map((p) => (
        <form key={p.id} method="post" action={`/api/auth/signin/${p.id}`}>
          <input type="hidden" name="csrfToken" value={csrfToken} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button variant="secondary" className="w-full">
            {p.label}
          </Button>
        </form>
      ))}

      {!methods.email && providers.length === 0 && (
        <Notice tone="warn">
          Sign-in is not configured on this portal: it needs a mail server (SMTP_URL) or a sign-in provider (GitHub or OpenID Connect). See the
          README, section Configuration.
        </Notice>
      )}

      {methods.email && devMailboxMode(env()) && (
        <p className="text-xs text-fg-muted">
          This portal has no mail server configured, so sign-in emails are kept in the{" "}
          <Link href="/dev/mailbox" className="text-accent underline underline-offset-2">
            dev mailbox
          </Link>
          , which only this machine can open.
        </p>
      )}
    </AuthCard>
  );
}
