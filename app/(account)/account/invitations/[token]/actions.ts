"use server";
// Accepting an invitation: by POST only (mail scanners fetch links; a GET never spends one).
import { redirect } from "next/navigation";
import { acceptInvitation } from "@/lib/data/orgs";
import { formAction, type FormState } from "@/lib/http/form-action";

const REASONS = {
  invalid: "This invitation is not valid any more (used, cancelled or replaced by a newer one).",
  expired: "This invitation has expired. Ask the organization for a new one.",
  unverified: "Your email address is not verified. Sign in with an email link to this address, then accept.",
  "wrong-account": "This invitation is for another email address. Sign out and sign in with the invited address.",
} as const;

export async function acceptInvitationAction(token: string, _: FormState): Promise<FormState> {
  return formAction(async ({ viewer, ip }) => {
    const result = await acceptInvitation(viewer, token, ip);
    if (!result.ok) return { error: REASONS[result.reason] };
    redirect(`/account/orgs/${encodeURIComponent(result.orgSlug)}?joined=1`);
  });
}
