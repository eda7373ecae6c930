import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checksum, hashSecret, mintSecret, parseSecret, sameHash, SECRET_KINDS, type SecretKind } from "./format";

const KINDS = Object.keys(SECRET_KINDS) as SecretKind[];
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

describe("secret format (SEC-B1)", () => {
  it("mints keys of the documented shape, unique, with a valid checksum", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const k = mintSecret(i % 2 ? "live" : "test");
      expect(k.plaintext).toMatch(/^ptl_(live|test)_[0-9A-Za-z]{36}$/);
      expect(parseSecret(k.plaintext)).toEqual({ kind: k.kind, prefix: k.prefix, hash: k.hash, last4: k.last4 });
      seen.add(k.plaintext);
    }
    expect(seen.size).toBe(10_000);
  });

  it("stores only the SHA-256 of the key", () => {
    const k = mintSecret("live");
    expect(k.hash).toBe(hashSecret(k.plaintext));
    expect(k.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify({ ...k, plaintext: undefined })).not.toContain(k.plaintext.slice(9, 39));
  });

  it("uses every base62 character in the random part (no bias toward a subset)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) for (const ch of mintSecret("live").plaintext.slice(9, 39)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (2_000 * 30) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.2);
  });

  it("checksum is 6 base62 digits", () => {
    fc.assert(fc.property(fc.string(), (s) => /^[0-9A-Za-z]{6}$/.test(checksum(s))), { numRuns: 2_000 });
  });
});

describe("parseSecret (SEC-G3: never throws, rejects forgeries)", () => {
  it("never throws and never accepts arbitrary input", () => {
    fc.assert(fc.property(fc.anything(), (x) => parseSecret(x) === null || typeof x === "string"), { numRuns: 2_000 });
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => parseSecret(s) === null), { numRuns: 2_000 });
  });

  it("rejects every single-character mutation of a real key", () => {
    const key = mintSecret("live").plaintext;
    fc.assert(
      fc.property(fc.nat(key.length - 1), fc.constantFrom(...BASE62.split("")), (pos, ch) => {
        fc.pre(key[pos] !== ch);
        return parseSecret(key.slice(0, pos) + ch + key.slice(pos + 1)) === null;
      }),
      { numRuns: 1_000 },
    );
  });

  it("rejects random strings of the right shape (checksum)", () => {
    const body = fc.string({ unit: fc.constantFrom(...BASE62.split("")), minLength: 36, maxLength: 36 });
    const accepted = fc.sample(fc.tuple(fc.constantFrom("ptl_live_", "ptl_test_"), body), 1_000).filter(([p, b]) => parseSecret(p + b));
    // A random 6-digit checksum matches once in 62^6 ≈ 5.7e10.
    expect(accepted).toEqual([]);
  });

  it("rejects truncated and extended keys, and keys of another kind", () => {
    const key = mintSecret("test").plaintext;
    for (let n = 0; n < key.length; n++) expect(parseSecret(key.slice(0, n))).toBeNull();
    expect(parseSecret(key + "a")).toBeNull();
    expect(parseSecret(" " + key)).toBeNull();
    expect(parseSecret(key.replace("ptl_test_", "ptl_live_"))).toBeNull();
  });

  it("round-trips every kind", () => {
    for (const kind of KINDS) expect(parseSecret(mintSecret(kind).plaintext)?.kind).toBe(kind);
  });
});

describe("sameHash", () => {
  it("compares hashes in constant time and never matches different or empty values", () => {
    const a = hashSecret("a");
    expect(sameHash(a, a)).toBe(true);
    expect(sameHash(a, hashSecret("b"))).toBe(false);
    expect(sameHash(a, a.slice(0, 62))).toBe(false);
    expect(sameHash("", "")).toBe(false);
  });
});
