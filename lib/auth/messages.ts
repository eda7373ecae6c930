// What the sign-in pages say for each outcome. Keys are next-auth's error codes plus ours
// (RateLimited, InvalidEmail, EmailUnverified, LinkingUnavailable). Never different for known and
// unknown addresses.
const SIGN_IN_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. A link works once, for 10 minutes: ask for a new one below.",
  RateLimited: "Too many sign-in emails were asked for this address or from your network. Wait an hour, then try again.",
  InvalidEmail: "Enter one plain email address, like name@example.com (no names, quotes or lists).",
  EmailSignin: "The sign-in email could not be sent. Try again in a moment.",
  OAuthAccountNotLinked:
    "This email address already has a Portolan account that signs in another way. Sign in the way you did before (for example with an email link); linking sign-in methods is not available yet.",
  EmailUnverified: "Your provider has not verified that email address, so it cannot be used to sign in here.",
  AccessDenied: "This account cannot sign in. Contact the portal's administrators if you think that is wrong.",
  SessionRequired: "Sign in to see that page.",
  Configuration: "Sign-in is not set up correctly on this portal. The administrators have been told in the server log.",
};

const PROVIDER_FAILED = "Signing in with that provider did not work. Try again, or choose another way to sign in.";

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  if (["OAuthSignin", "OAuthCallback", "OAuthCreateAccount", "EmailCreateAccount", "Callback", "Signin"].includes(code)) return PROVIDER_FAILED;
  return SIGN_IN_ERRORS[code] ?? "Signing in did not work. Try again.";
}

export const ACCOUNT_ERRORS: Record<string, string> = {
  LinkingUnavailable:
    "You are already signed in. Adding another way to sign in to this account is not available yet: sign out first to use a different account.",
};
