import type { Metadata } from "next";
import { AuthCard } from "@/components/account/auth-card";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// The page behind an unsubscribe link (GET changes nothing: scanners fetch links). The button
// posts to the same List-Unsubscribe URL that mail clients use for one-click unsubscribe.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Unsubscribe" intro="Stop these API change emails at this address.">
      <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token.slice(0, 1000))}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="from" value="page" />
        <Button className="w-full">Unsubscribe</Button>
      </form>
    </AuthCard>
  );
}
