// The invitation email: who invites, to which organization, and the link to the page that
// accepts by POST (mail scanners fetching the link change nothing).
import type { OutgoingMail } from "@/lib/mail/send";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const date = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

export function invitationMail(m: { to: string; orgName: string; inviter: string; role: string; url: string; expiresAt: Date }): OutgoingMail {
  const text = [
    `${m.inviter} invites you to join ${m.orgName} on Portolan as ${m.role}.`,
    "",
    "Open this link and press the button on the page to accept:",
    m.url,
    "",
    `Sign in with this address (${m.to}). The invitation expires on ${date.format(m.expiresAt)}.`,
    "If you did not expect it, ignore this message.",
    "",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#17202a">
<p>${escapeHtml(m.inviter)} invites you to join <strong>${escapeHtml(m.orgName)}</strong> on Portolan as ${escapeHtml(m.role)}.</p>
<p><a href="${escapeHtml(m.url)}" style="display:inline-block;background:#0b6e8a;color:#ffffff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">See the invitation</a></p>
<p>Sign in with this address (${escapeHtml(m.to)}). The invitation expires on ${date.format(m.expiresAt)}. If you did not expect it, ignore this message.</p>
</body></html>`;
  return { to: m.to, subject: `Join ${m.orgName} on Portolan`, text, html };
}
