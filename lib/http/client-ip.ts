// Who is on the other end of a request, as far as this process can know it. The TCP peer comes
// from server/peer-address.cjs (preloaded by `npm start`); X-Forwarded-For is believed only for
// the TRUSTED_PROXY_HOPS proxies the operator says are in front, counted from the right (each
// proxy appends what it saw), so a client cannot pick its own address by sending the header.

type HeaderBag = { get(name: string): string | null };

/** The header the preload stamps, or null when the preload is not running in this process. */
function peerHeaderName(): string | null {
  const name = (globalThis as Record<symbol, unknown>)[Symbol.for("portolan.peerHeader")];
  return typeof name === "string" ? name : null;
}

/** The TCP peer of the request (the client, or the nearest proxy); null when unknown. */
export function peerAddress(headers: HeaderBag): string | null {
  const name = peerHeaderName();
  const value = name ? headers.get(name) : null;
  return value ? normalizeIp(value) : null;
}

/**
 * Whether the request arrived carrying forwarding headers (X-Forwarded-For, Forwarded, Via…), as
 * seen by the preload before Next adds its own; true (the cautious answer) without the preload.
 */
export function arrivedForwarded(headers: HeaderBag): boolean {
  return peerHeaderName() === null || headers.get("x-portolan-forwarded") !== "0";
}

/** The client address for rate limits and audit entries; null when unknown. */
export function clientIp(headers: HeaderBag, trustedProxyHops: number): string | null {
  const peer = peerAddress(headers);
  if (trustedProxyHops <= 0 || !peer) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // The nearest proxy is the peer; hop N-1 appended what the one before it saw, and so on.
  const candidate = hops[hops.length - trustedProxyHops];
  return candidate ? normalizeIp(candidate) : peer;
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; strips an IPv6 zone. */
export function normalizeIp(ip: string): string {
  const v = ip.trim().replace(/%.*$/, "");
  return v.toLowerCase().startsWith("::ffff:") && v.includes(".") ? v.slice(7) : v.toLowerCase();
}

export function isLoopbackAddress(ip: string | null): boolean {
  if (!ip) return false;
  const v = normalizeIp(ip);
  return v === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v);
}

/** A host name (no port) that always means this machine. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || isLoopbackAddress(h);
}
