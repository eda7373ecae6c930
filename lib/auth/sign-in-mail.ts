// The sign-in email. Its link opens a Portolan page (/auth/confirm) whose button signs in by POST:
// mail scanners that fetch every link (HEAD, GET, no cookies) see a page and spend nothing.
import type { OutgoingMail } from "@/lib/mail/send";

export const SIGN_IN_LINK_MINUTES = 10;

/** The link in the mail: the confirm page, carrying what next-auth put in its own callback URL. */
export function confirmUrl(portalUrl: string, nextAuthCallbackUrl: string): string {
  const from = new URL(nextAuthCallbackUrl);
  const to = new URL("/auth/confirm", portalUrl);
  for (const name of ["token", "email", "callbackUrl"]) {
    const v = from.searchParams.get(name);
    if (v !== null) to.searchParams.set(name, v);
  }
  return to.toString();
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function signInMail(to: string, url: string, portalUrl: string): OutgoingMail {
  const host = new URL(portalUrl).host;
  const text = [
    `Sign in to Portolan (${host})`,
    "",
    "Open this link and press the button on the page to sign in:",
    url,
    "",
    `The link works once and expires in ${SIGN_IN_LINK_MINUTES} minutes.`,
    "If you did not ask to sign in, ignore this message: nothing happens without the button.",
    "",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#17202a">
<p>Sign in to Portolan (${escapeHtml(host)})</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#0b6e8a;color:#ffffff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">Continue to sign in</a></p>
<p>The link works once and expires in ${SIGN_IN_LINK_MINUTES} minutes. If you did not ask to sign in, ignore this message: nothing happens without the button on the page.</p>
</body></html>`;
  return { to, subject: "Sign in to Portolan", text, html };
}
