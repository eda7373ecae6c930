import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/sign-in-mail";
import { env } from "@/lib/env";
import { devMailboxMode } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };
export const dynamic = "force-dynamic";

// The same page whether or not the address has an account (no way to learn who is registered).
export default function CheckEmailPage() {
  return (
    <AuthCard title="Check your email">
      <p>
        If the address can receive mail, a sign-in link is on its way. Open it on this device and press the button on the page it opens. The
        link works once and expires in {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      {devMailboxMode(env()) && (
        <p className="text-sm text-fg-muted">
          No mail server is configured: open the{" "}
          <Link href="/dev/mailbox" className="text-accent underline underline-offset-2">
            dev mailbox
          </Link>{" "}
          on this machine.
        </p>
      )}
      <p className="text-sm text-fg-muted">
        No email? Check the spam folder, or{" "}
        <Link href="/signin" className="text-accent underline underline-offset-2">
          ask for a new link
        </Link>
        .
      </p>
    </AuthCard>
  );
}
