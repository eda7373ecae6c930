import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/account/auth-card";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getViewer } from "@/lib/access/viewer";
import { csrfTokenForForms } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignOutPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  if ((await getViewer()).kind !== "user") {
    return (
      <AuthCard title="You are signed out">
        <Link href="/signin" className="inline-block text-accent underline underline-offset-2">
          Sign in again
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Sign out" intro="This ends your session on this device. Other devices stay signed in; your account page can end those too.">
      {params.csrf === "true" && (
        <Notice tone="warn" alert>
          The form had expired. Please try again.
        </Notice>
      )}
      <form method="post" action="/api/auth/signout">
        <input type="hidden" name="csrfToken" value={await csrfTokenForForms()} />
        <input type="hidden" name="callbackUrl" value="/signin?signedOut=1" />
        <Button className="w-full">Sign out</Button>
      </form>
    </AuthCard>
  );
}
