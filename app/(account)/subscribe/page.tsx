import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { subscribableApis } from "@/lib/delivery/server";

export const metadata: Metadata = { title: "Subscribe to API changes", robots: { index: false } };
export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const ERRORS: Record<string, string> = {
  "invalid-email": "That does not look like an email address we can write to.",
  "unknown-api": "Choose an API from the list.",
};

const field = "mt-1 block w-full rounded-lg border border-border bg-bg px-3 py-2 text-fg placeholder:text-fg-muted";

// Anyone can subscribe, no account needed. The form posts to /api/subscriptions, which mails a
// confirmation link; nothing is sent to the address until its owner confirms.
export default async function SubscribePage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const apis = subscribableApis();
  const chosen = one(params.api);
  const api = chosen && apis.some((a) => a.id === chosen) ? chosen : "*";
  const severity = one(params.severity) === "all" ? "all" : "breaking";
  const error = ERRORS[one(params.error) ?? ""];
  return (
    <AuthCard title="Subscribe to API changes" intro="Get an email when an API changes or a deprecation is announced. Every message has a one-click unsubscribe.">
      {error && (
        <Notice tone="warn" alert>
          {error}
        </Notice>
      )}
      <form method="post" action="/api/subscriptions" className="space-y-4">
        <label className="block">
          <span className="text-sm font-medium">Email address</span>
          <input type="email" name="email" required autoComplete="email" inputMode="email" maxLength={254} placeholder="you@example.com" className={field} />
        </label>
        <label className="block">
          <span className="text-sm font-medium">API</span>
          <select name="api" defaultValue={api} className={field}>
            <option value="*">All APIs</option>
            {apis.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend className="text-sm font-medium">Send me</legend>
          <label className="mt-2 flex items-start gap-2 text-sm">
            <input type="radio" name="severity" value="breaking" defaultChecked={severity === "breaking"} className="mt-1" />
            <span>Breaking changes and deprecations only</span>
          </label>
          <label className="mt-1 flex items-start gap-2 text-sm">
            <input type="radio" name="severity" value="all" defaultChecked={severity === "all"} className="mt-1" />
            <span>All changes</span>
          </label>
        </fieldset>
        <Button className="w-full">Subscribe</Button>
      </form>
      <p className="text-sm text-fg-muted">
        We send one confirmation email; nothing else arrives until you confirm. Signed in? Manage email and webhooks under{" "}
        <Link href="/account/subscriptions" className="text-accent underline underline-offset-2">
          your subscriptions
        </Link>
        .
      </p>
    </AuthCard>
  );
}
