// The shape of every secret Portolan hands out, after GitHub's token format: a readable prefix
// (so people and secret scanners know what leaked), 30 base62 characters from a CSPRNG (≈178
// bits), and a 6-character base62 CRC32 of everything before it, so a typo or a forged string is
// rejected before any database lookup. Only the SHA-256 of a secret is stored; no slow hash is
// needed because the secret has far more entropy than any password.
import crypto from "node:crypto";
import zlib from "node:zlib";
import { BASE62, randomBase62 } from "@/lib/ids";

export const SECRET_KINDS = {
  live: "ptl_live_",
  test: "ptl_test_",
  /** Personal access tokens for the portal's REST API. */
  pat: "ptl_pat_",
  /** Credentials API gateways present to the verification endpoint. */
  gateway: "ptl_gw_",
  /** Credentials a mail server presents when it posts bounce reports (POST /api/v1/mail/bounces). */
  mail: "ptl_mail_",
} as const;
export type SecretKind = keyof typeof SECRET_KINDS;

const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const SHAPE = /^ptl_(live|test|pat|gw|mail)_([0-9A-Za-z]{36})$/;
const KIND_BY_TAG = { live: "live", test: "test", pat: "pat", gw: "gateway", mail: "mail" } as const;

/** CRC32 as 6 base62 digits (62^6 > 2^32), left-padded with "0". */
export function checksum(text: string): string {
  let n = zlib.crc32(text);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export interface MintedSecret {
  /** The whole secret: shown once, never stored. */
  plaintext: string;
  kind: SecretKind;
  prefix: string;
  last4: string;
  hash: string;
}

export function hashSecret(plaintext: string): string {
  return crypto.createHash("sha256").update(plaintext, "utf8").digest("hex");
}

export function mintSecret(kind: SecretKind): MintedSecret {
  const prefix = SECRET_KINDS[kind];
  const body = prefix + randomBase62(RANDOM_LENGTH);
  const plaintext = body + checksum(body);
  return { plaintext, kind, prefix, last4: plaintext.slice(-4), hash: hashSecret(plaintext) };
}

export interface ParsedSecret {
  kind: SecretKind;
  prefix: string;
  hash: string;
  last4: string;
}

/**
 * Shape and checksum only: no database, no exceptions. Returns null for anything that is not a
 * well-formed Portolan secret, so forged and mistyped strings cost nothing downstream.
 */
export function parseSecret(input: unknown): ParsedSecret | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const m = SHAPE.exec(input);
  if (!m) return null;
  const tag = m[1] as keyof typeof KIND_BY_TAG;
  const body = input.slice(0, input.length - CHECKSUM_LENGTH);
  // Both sides are public (derived from the input), so a plain comparison leaks nothing.
  if (checksum(body) !== input.slice(-CHECKSUM_LENGTH)) return null;
  return { kind: KIND_BY_TAG[tag], prefix: `ptl_${tag}_`, hash: hashSecret(input), last4: input.slice(-4) };
}

/** Constant-time comparison of two hex hashes of equal length (false when lengths differ). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}

/** What the portal shows after creation: the prefix and the last four characters. */
export function maskedSecret(prefix: string, last4: string): string {
  return `${prefix}…${last4}`;
}
