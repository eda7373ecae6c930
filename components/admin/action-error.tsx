// The error an admin action redirected back with (`?error=`), with the way out when the action
// needs a second factor the admin has not set up.
import Link from "next/link";
import { Notice } from "@/components/ui/notice";

export function ActionError({ message }: { message: unknown }) {
  if (typeof message !== "string") return null;
  return (
    <Notice tone="danger" alert>
      {message}
      {/two-factor/.test(message) && (
        <>
          {" "}
          <Link href="/account/security" className="underline">Set up two-factor authentication</Link>
        </>
      )}
    </Notice>
  );
}
