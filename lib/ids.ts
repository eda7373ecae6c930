// Public ids: random and unguessable (never sequential), URL-safe, 20 base62 chars ≈ 119 bits.
import crypto from "node:crypto";

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
    for (const byte of crypto.randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function newId(prefix: "usr" | "org" | "app" | "key" | "acc" | "ses" | "acr" | "gwc" | "pat" | "inv" | "aud" | "msg" | "rcv" | "ntc" | "brn" | "pfd" | "cle"): string {
  return `${prefix}_${randomBase62(20)}`;
}
