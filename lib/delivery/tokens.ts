// Tokens in subscription mail.
// - Unsubscribe: one per (address, list), derived, not stored: base64url("<list>\n<email>") + "."
//   + HMAC-SHA256 (256 bits) under a key derived from the server secret. The same link in every
//   mail of that list, valid for as long as the server secret is, and it works for recipients who
//   never subscribed (targeted notices): unsubscribing records an opt-out row for the pair.
//   The address is readable inside the link, which only its recipient receives.
// - Confirmation: 256 random bits, only its SHA-256 stored, spent once, 48 h.
import crypto from "node:crypto";

function unsubscribeKey(serverSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", serverSecret, "portolan", "list-unsubscribe-v1", 32));
}

export function unsubscribeToken(serverSecret: string, email: string, list: string): string {
  const payload = Buffer.from(`${list}\n${email}`, "utf8").toString("base64url");
  const mac = crypto.createHmac("sha256", unsubscribeKey(serverSecret)).update(payload).digest("base64url");
  return `${payload}.${mac}`;
}

/** The (email, list) a token names, or null for anything tampered, truncated or foreign. */
export function readUnsubscribeToken(serverSecret: string, token: string): { email: string; list: string } | null {
  if (typeof token !== "string" || token.length > 1000) return null;
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined) return null;
  const expected = crypto.createHmac("sha256", unsubscribeKey(serverSecret)).update(payload).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const [list, email, more] = Buffer.from(payload, "base64url").toString("utf8").split("\n");
  if (!list || !email || more !== undefined) return null;
  return { email, list };
}

export function newConfirmToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

