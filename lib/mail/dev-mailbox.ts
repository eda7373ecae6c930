// The dev mailbox: with no SMTP server configured, a local install keeps the mail it would send
// in the database (DevMail) and shows it at /dev/mailbox, so sign-in works with no setup. Those
// messages are sign-in links for whoever asked, so reading them is locked down hard. All of:
//   1. SMTP_URL is unset (a configured mail server always wins: nothing is kept),
//   2. PORTAL_URL is a loopback origin (the install is not published under a public name),
//   3. TRUSTED_PROXY_HOPS is 0 (no proxy in front whose address would stand in for visitors),
//   4. the TCP peer is a loopback address, as stamped by server/peer-address.cjs (fails closed
//      without the preload: the header cannot be forged, it is overwritten for every request),
//   5. the Host header names the PORTAL_URL host (a DNS-rebinding page on another name is refused),
//   6. the request arrived with no forwarding headers (a proxy on this machine relaying visitors;
//      seen by the preload, before Next adds its own X-Forwarded-*).
// A remote visitor fails 4 (or 6 through a proxy that says so); a proxy on this machine that
// says nothing and rewrites Host is the one setup this cannot see, and PORTAL_URL then names
// the proxy's public origin, which fails 2.
import type { Env } from "@/lib/env";
import { arrivedForwarded, isLoopbackAddress, isLoopbackHostname, peerAddress } from "@/lib/http/client-ip";

type HeaderBag = { get(name: string): string | null };

/** Whether this install keeps mail instead of sending it (conditions 1–3). */
export function devMailboxMode(env: Pick<Env, "SMTP_URL" | "portalUrl" | "TRUSTED_PROXY_HOPS">): boolean {
  return !env.SMTP_URL && env.TRUSTED_PROXY_HOPS === 0 && isLoopbackHostname(new URL(env.portalUrl).hostname);
}

export type MailboxAccess = { ok: true } | { ok: false; reason: "smtp-configured" | "not-local-install" | "not-loopback" | "wrong-host" | "forwarded" };

/** Whether this request may read the dev mailbox (all six conditions). */
export function devMailboxAccess(env: Pick<Env, "SMTP_URL" | "portalUrl" | "TRUSTED_PROXY_HOPS">, headers: HeaderBag): MailboxAccess {
  if (env.SMTP_URL) return { ok: false, reason: "smtp-configured" };
  if (!devMailboxMode(env)) return { ok: false, reason: "not-local-install" };
  if (!isLoopbackAddress(peerAddress(headers))) return { ok: false, reason: "not-loopback" };
  if ((headers.get("host") ?? "").toLowerCase() !== new URL(env.portalUrl).host.toLowerCase()) return { ok: false, reason: "wrong-host" };
  if (arrivedForwarded(headers)) return { ok: false, reason: "forwarded" };
  return { ok: true };
}
