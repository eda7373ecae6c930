import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

// The same page whether or not the address was already subscribed: it tells nobody who is.
export default function SubscribeCheckEmailPage() {
  return (
    <AuthCard title="Check your email">
      <p className="text-sm">If the address can receive mail, a confirmation link is on its way. Open it and press the button to start your subscription. The link works once and expires in 48 hours.</p>
      <Link href="/apis" className="inline-block text-accent underline underline-offset-2">
        Back to the APIs
      </Link>
    </AuthCard>
  );
}
