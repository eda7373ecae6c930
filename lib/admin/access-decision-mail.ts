// The mail a requester gets when an admin approves or denies their app's access request.
import type { OutgoingMail } from "@/lib/mail/send";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface DecisionMailInput {
  to: string;
  decision: "approved" | "denied";
  appName: string;
  apiName: string;
  note: string | null;
  portalUrl: string;
}

export function accessDecisionMail(m: DecisionMailInput): OutgoingMail {
  const link = new URL("/account", m.portalUrl).toString();
  const headline =
    m.decision === "approved"
      ? `Your app "${m.appName}" now has access to ${m.apiName}.`
      : `Your app "${m.appName}" was not given access to ${m.apiName}.`;
  const noteLabel = m.decision === "approved" ? "Note from the admin" : "Reason";
  const text = [headline, "", ...(m.note ? [`${noteLabel}: ${m.note}`, ""] : []), m.decision === "approved" ? "Keys of the app can now be given scopes for this API." : "You can send a new request with more detail.", `Your account: ${link}`, ""].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#17202a">
<p>${escapeHtml(headline)}</p>
${m.note ? `<p><strong>${noteLabel}:</strong> ${escapeHtml(m.note)}</p>` : ""}
<p><a href="${escapeHtml(link)}">Open your account</a></p>
</body></html>`;
  return { to: m.to, subject: m.decision === "approved" ? `Access approved: ${m.apiName}` : `Access request denied: ${m.apiName}`, text, html };
}
