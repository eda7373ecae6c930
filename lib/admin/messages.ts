// What admin pages say after a form post (`?error=<code>` / `?done=<code>`): codes in the URL,
// sentences here, so nothing a user typed is ever echoed from a query string.
export const ADMIN_ERRORS = {
  enrol: "Admin actions (approving access, changing roles, disabling users, revoking keys) need two-factor authentication. Set it up first.",
  no_request: "That access request does not exist.",
  already_decided: "That request was already decided by someone else.",
  deny_reason: "Give the requester a reason for the denial (at least 3 characters).",
  bad_form: "The form was incomplete. Try again.",
  no_user: "That user does not exist.",
  self: "You cannot disable yourself or remove your own admin role; ask another admin.",
  no_key: "That key does not exist.",
  key_revoked: "That key is already revoked.",
  revoke_reason: "Give a reason for revoking the key (3 to 500 characters).",
} as const;
export type AdminErrorCode = keyof typeof ADMIN_ERRORS;

export const ADMIN_DONE: Record<string, string> = {
  approved: "Approved: the app holds the grant now and the requester was told by email.",
  approved_nomail: "Approved: the app holds the grant now. The email to the requester could not be sent; they see the decision on their account page.",
  denied: "Denied: the requester was told by email.",
  denied_nomail: "Denied. The email to the requester could not be sent; they see the decision on their account page.",
  disable: "The user is disabled and every session of theirs has ended.",
  enable: "The user can sign in again.",
  "grant-admin": "The user is a portal admin now.",
  "revoke-admin": "The user is no longer a portal admin (an address in ADMIN_EMAILS becomes admin again at its next sign-in).",
  revoked: "The key is revoked; gateways refuse it from now on.",
};

export function adminMessage(params: Record<string, string | string[] | undefined>): { tone: "ok" | "warn"; text: string; enrol: boolean } | null {
  const error = typeof params.error === "string" && params.error in ADMIN_ERRORS ? (params.error as AdminErrorCode) : null;
  if (error) return { tone: "warn", text: ADMIN_ERRORS[error], enrol: error === "enrol" };
  const done = typeof params.done === "string" ? ADMIN_DONE[params.done] : undefined;
  return done ? { tone: "ok", text: done, enrol: false } : null;
}
