import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CodeField } from "@/components/account/code-field";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requireUser, safeCallbackPath } from "@/lib/auth/page-session";
import { hasConfirmedSecondFactor } from "@/lib/auth/second-factor";

export const metadata: Metadata = { title: "Confirm it is you", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

const ERRORS: Record<string, string> = {
  invalid: "That code is not right, or it was already used. Enter the code your app shows now, or an unused recovery code.",
  rate_limited: "Too many wrong codes. Wait 15 minutes, then try again.",
  not_enrolled: "Two-factor authentication is not set up for this account.",
};

/** Step-up: a fresh second factor for this session, then back to `next` (a portal path only). */
export default async function VerifyPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const next = safeCallbackPath(params.next, "/account/security");
  const viewer = await requireUser(`/account/security/verify?next=${encodeURIComponent(next)}`);
  if (!(await hasConfirmedSecondFactor(viewer.userId))) redirect("/account/security?error=need_setup");
  const error = typeof params.error === "string" ? ERRORS[params.error] : undefined;
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Confirm it is you</h1>
      <p className="mt-2 text-fg-muted">Enter the code from your authenticator app. Admin actions then stay open for 10 minutes in this browser.</p>
      {error && (
        <div className="mt-4">
          <Notice tone="warn" alert>
            {error}
          </Notice>
        </div>
      )}
      <form method="post" action="/api/account/security/verify" className="mt-6 space-y-4">
        <input type="hidden" name="next" value={next} />
        <CodeField label="Code from your app, or a recovery code" allowRecovery />
        <Button className="w-full sm:w-auto">Confirm</Button>
      </form>
      <p className="mt-6 text-sm">
        <Link href={next} className="text-accent hover:underline">
          Cancel
        </Link>
      </p>
    </div>
  );
}
