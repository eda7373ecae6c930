import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { safeCallbackPath } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// Where an emailed link lands. Showing this page spends nothing: mail scanners that fetch every
// link (HEAD, GET, no cookies) see it and move on. The button posts the token to next-auth, which
// spends it once (lib/auth/route-handler.ts). Nothing here touches the database, so this page
// says nothing about whether a token is valid.
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const token = one(params.token);
  const email = one(params.email);
  if (!token || !email || token.length > 200 || email.length > 254) {
    return (
      <AuthCard title="This link is incomplete">
        <Notice tone="warn">The sign-in link is missing a part. Copy the whole link from the email, or ask for a new one.</Notice>
        <Link href="/signin" className="inline-block text-accent underline underline-offset-2">
          Go to sign-in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Sign in to Portolan" intro={<>Continue as <strong className="text-fg">{email}</strong>.</>}>
      <form method="post" action="/api/auth/callback/email">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(one(params.callbackUrl))} />
        <Button className="w-full">Sign in</Button>
      </form>
      <p className="text-sm text-fg-muted">Not you, or did not ask to sign in? Close this page: nothing happens without the button.</p>
    </AuthCard>
  );
}
