// Which addresses a webhook may reach (SEC-E3/E4): global unicast only. The check runs on the
// address actually connected to (webhook-http.ts calls it from the socket's DNS lookup hook and
// for IP literals), so DNS rebinding between registration and delivery changes nothing.
// Notations: WHATWG URL parsing already turns 2130706433, 0x7f000001, 0177.0.0.1 and 127.1 into
// 127.0.0.1; this module takes canonical addresses as Node's resolver returns them, and reads
// IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4) as the IPv4 address it reaches.
import net from "node:net";

type Range4 = [base: number, bits: number];

const ip4 = (s: string): number => s.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);

// IANA special-purpose IPv4 registry, plus multicast and reserved.
const BLOCKED_V4: Range4[] = (
  [
    ["0.0.0.0", 8], // "this network", unspecified
    ["10.0.0.0", 8], // private
    ["100.64.0.0", 10], // CGNAT
    ["127.0.0.0", 8], // loopback
    ["169.254.0.0", 16], // link-local, cloud metadata
    ["172.16.0.0", 12], // private
    ["192.0.0.0", 24], // IETF protocol assignments
    ["192.0.2.0", 24], // TEST-NET-1
    ["192.88.99.0", 24], // 6to4 relay anycast
    ["192.168.0.0", 16], // private
    ["198.18.0.0", 15], // benchmarking
    ["198.51.100.0", 24], // TEST-NET-2
    ["203.0.113.0", 24], // TEST-NET-3
    ["224.0.0.0", 4], // multicast
    ["240.0.0.0", 4], // reserved, broadcast
  ] as const
).map(([b, n]) => [ip4(b), n]);

function inRange4(addr: number, [base, bits]: Range4): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(addr / size) === Math.floor(base / size);
}

export function isPublicIPv4(address: string): boolean {
  if (net.isIPv4(address) === false) return false;
  const n = ip4(address);
  return !BLOCKED_V4.some((r) => inRange4(n, r));
}

/** 16 bytes of an IPv6 address (with or without brackets, zone id dropped), or null. */
export function ipv6Bytes(address: string): number[] | null {
  let a = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!net.isIPv6(a)) return null;
  // A trailing dotted IPv4 becomes two hextets.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted) {
    const n = ip4(dotted[1]!);
    a = a.slice(0, -dotted[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = a.split("::") as [string, string | undefined];
  const parts = (s: string | undefined) => (s ? s.split(":").filter(Boolean) : []);
  const h = parts(head);
  const t = parts(tail);
  const hextets = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  if (hextets.length !== 8) return null;
  return hextets.flatMap((x) => {
    const v = parseInt(x, 16);
    return [v >> 8, v & 0xff];
  });
}

export function isPublicIPv6(address: string): boolean {
  const b = ipv6Bytes(address);
  if (!b) return false;
  const v4 = (i: number) => `${b[i]}.${b[i + 1]}.${b[i + 2]}.${b[i + 3]}`;
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), ::ffff:0:a.b.c.d (translated):
  // judge the IPv4 address they reach; :: and ::1 fall here too and are refused.
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return isPublicIPv4(v4(12));
  if (zeros(0, 12)) return false;
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) return false;
  // NAT64 64:ff9b::/96 and 6to4 2002::/16 carry an IPv4 destination.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return isPublicIPv4(v4(12));
  if (b[0] === 0x20 && b[1] === 0x02) return isPublicIPv4(v4(2));
  // Only global unicast (2000::/3) is public…
  if ((b[0]! & 0xe0) !== 0x20) return false; // covers fc00::/7, fe80::/10, ff00::/8, 64:ff9b:1::/48, 100::/64
  // …minus its special blocks: 2001::/23 (IETF protocol assignments, incl. Teredo 2001::/32),
  // 2001:db8::/32 (documentation), 3fff::/20 (documentation).
  if (b[0] === 0x20 && b[1] === 0x01 && b[2]! < 0x02) return false;
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return false;
  if (b[0] === 0x3f && b[1] === 0xff && (b[2]! & 0xf0) === 0) return false;
  return true;
}

/** True when a webhook may connect to this (canonical) address. */
export function isPublicAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, "");
  if (net.isIPv4(a)) return isPublicIPv4(a);
  if (net.isIPv6(a)) return isPublicIPv6(a);
  return false;
}

/** Host names refused before any lookup (they name this machine or a cloud's internal network). */
export function isBlockedHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost") || h.endsWith(".internal") || h.endsWith(".local") || h === "metadata" || !h.includes(".");
}

/**
 * Addresses tests may reach although they are not public (`WEBHOOK_ALLOW_HOSTS=127.0.0.2`): for
 * the test receiver only. Never set in production.
 */
export function allowListFrom(value: string | undefined): Set<string> {
  return new Set((value ?? "").split(",").map((x) => x.trim().replace(/^\[|\]$/g, "").toLowerCase()).filter(Boolean));
}

export function addressAllowed(address: string, allow: Set<string>): boolean {
  return isPublicAddress(address) || allow.has(address.replace(/^\[|\]$/g, "").toLowerCase());
}
