// The notice to an app owner whose keys were reported as leaked (and are already revoked).
import type { OutgoingMail } from "@/lib/mail/send";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function leakedKeysMail(m: { to: string; keys: { app: string; key: string; name: string }[]; portalUrl: string }): OutgoingMail {
  const appsUrl = new URL("/account/apps", m.portalUrl).toString();
  const lines = m.keys.map((k) => `  ${k.key}  "${k.name}"  (app: ${k.app})`);
  const text = [
    `Someone reported ${m.keys.length === 1 ? "an API key" : `${m.keys.length} API keys`} of yours as leaked (found in public code, a log or a paste).`,
    "Portolan revoked them at once; calls with them are refused from now on:",
    "",
    ...lines,
    "",
    "What to do:",
    "1. Create a new key for each app and deploy it where the old one was used.",
    "2. Remove the old key from wherever it was published (and from its history).",
    "3. Check the apps' usage for calls you do not recognise.",
    "",
    `Your apps: ${appsUrl}`,
    "",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#17202a">
<p>Someone reported ${m.keys.length === 1 ? "an API key" : `${m.keys.length} API keys`} of yours as leaked (found in public code, a log or a paste). Portolan revoked them at once; calls with them are refused from now on:</p>
<ul>${m.keys.map((k) => `<li><code>${escapeHtml(k.key)}</code> “${escapeHtml(k.name)}” (app: ${escapeHtml(k.app)})</li>`).join("")}</ul>
<p>What to do:</p>
<ol><li>Create a new key for each app and deploy it where the old one was used.</li><li>Remove the old key from wherever it was published (and from its history).</li><li>Check the apps' usage for calls you do not recognise.</li></ol>
<p><a href="${escapeHtml(appsUrl)}">Your apps</a></p>
</body></html>`;
  return { to: m.to, subject: "Portolan revoked leaked API keys", text, html };
}
