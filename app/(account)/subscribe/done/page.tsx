import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Subscriptions", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

const RESULTS = {
  confirmed: { title: "Subscription confirmed", tone: "ok", text: "You will get an email when the API changes. Every message has a link to unsubscribe." },
  invalid: { title: "This link does not work", tone: "warn", text: "It was already used, has expired (links last 48 hours), or is incomplete. Subscribe again to get a new one." },
  unsubscribed: { title: "Unsubscribed", tone: "ok", text: "You will get no more of these emails at this address." },
} as const;

export default async function SubscriptionDonePage({ searchParams }: { searchParams: Search }) {
  const raw = (await searchParams).result;
  const r = RESULTS[(typeof raw === "string" && raw in RESULTS ? raw : "invalid") as keyof typeof RESULTS];
  return (
    <AuthCard title={r.title}>
      <Notice tone={r.tone}>{r.text}</Notice>
      <Link href="/subscribe" className="inline-block text-accent underline underline-offset-2">
        Subscriptions
      </Link>
    </AuthCard>
  );
}
