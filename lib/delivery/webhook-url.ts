// Validation of a webhook URL at registration (SEC-E3, first gate; the second one is the
// connect-time check in webhook-http.ts). http(s) only, no credentials in the URL, a host that
// is a public address or a name whose every address is public.
import dns from "node:dns/promises";
import net from "node:net";
import { addressAllowed, isBlockedHostName } from "./address-filter";

export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export async function checkWebhookUrl(raw: string, allow: Set<string>, resolve: Resolver = systemResolver): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "only http and https URLs are allowed" };
  if (url.username || url.password) return { ok: false, reason: "credentials in the URL are not allowed" };
  if (raw.length > 2000) return { ok: false, reason: "URL too long" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host)) {
    return addressAllowed(host, allow) ? { ok: true, url } : { ok: false, reason: "this address is not reachable from the portal (private, loopback or reserved)" };
  }
  if (isBlockedHostName(host)) return { ok: false, reason: "this host name is not reachable from the portal" };
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, reason: "the host name does not resolve" };
  }
  if (addresses.length === 0) return { ok: false, reason: "the host name does not resolve" };
  if (!addresses.every((a) => addressAllowed(a, allow))) return { ok: false, reason: "the host name resolves to a private, loopback or reserved address" };
  return { ok: true, url };
}
