import type { Metadata } from "next";
import { AuthCard } from "@/components/account/auth-card";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// Where the confirmation link lands. Showing it spends nothing (mail scanners fetch every link);
// the button posts the token, which is spent once.
export default async function ConfirmSubscriptionPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Confirm your subscription" intro="Press the button to start receiving API change emails at this address.">
      <form method="post" action="/api/subscriptions/confirm">
        <input type="hidden" name="token" value={token.slice(0, 100)} />
        <Button className="w-full">Confirm subscription</Button>
      </form>
      <p className="text-sm text-fg-muted">Did not ask for this? Close this page: nothing happens without the button.</p>
    </AuthCard>
  );
}
