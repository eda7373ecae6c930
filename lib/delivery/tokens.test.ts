// SEC-F1/G3: unsubscribe tokens are per (address, list), ≥ 128 bits, and nothing but our own
// reads; confirmation tokens are random and stored hashed. Also: rotation signs with the old
// secret only inside its window.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sealSecret } from "@/lib/auth/totp";
import { hashToken, newConfirmToken, readUnsubscribeToken, unsubscribeToken } from "./tokens";
import { signingSecrets } from "./webhook-job";

const SECRET = "tokens-test-server-secret-0123456789abcdef";

describe("unsubscribe tokens", () => {
  it("round-trip, one per (address, list), stable", () => {
    const t = unsubscribeToken(SECRET, "a@example.com", "weather");
    expect(readUnsubscribeToken(SECRET, t)).toEqual({ email: "a@example.com", list: "weather" });
    expect(unsubscribeToken(SECRET, "a@example.com", "weather")).toBe(t);
    expect(unsubscribeToken(SECRET, "a@example.com", "*")).not.toBe(t);
    expect(unsubscribeToken(SECRET, "b@example.com", "weather")).not.toBe(t);
    expect(Buffer.from(t.split(".")[1]!, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(t).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it("another server secret's token, or any change to one, reads as nothing (property)", () => {
    const t = unsubscribeToken(SECRET, "a@example.com", "weather");
    expect(readUnsubscribeToken("some-other-secret-0123456789abcdefghij", t)).toBeNull();
    fc.assert(
      fc.property(fc.nat(t.length - 1), fc.constantFrom(..."ABCxyz019-_."), (i, c) => {
        const changed = t.slice(0, i) + c + t.slice(i + 1);
        return changed === t || readUnsubscribeToken(SECRET, changed) === null;
      }),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => readUnsubscribeToken(SECRET, s) === null), { numRuns: 1000 });
  });

  it("a list or address cannot be swapped into a signed token", () => {
    const t = unsubscribeToken(SECRET, "a@example.com", "weather");
    const [, mac] = t.split(".");
    const forged = `${Buffer.from("*\nvictim@example.com").toString("base64url")}.${mac}`;
    expect(readUnsubscribeToken(SECRET, forged)).toBeNull();
  });
});

describe("confirmation tokens", () => {
  it("are 256 random bits stored as SHA-256", () => {
    const a = newConfirmToken();
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(newConfirmToken().token).not.toBe(a.token);
  });
});

describe("rotation window", () => {
  it("the previous secret signs only until its window ends", () => {
    const now = Date.now();
    const endpoint = (expires: number) => ({ secretSealed: sealSecret("whsec_new", SECRET), previousSecretSealed: sealSecret("whsec_old", SECRET), previousSecretExpiresAt: new Date(expires) });
    expect(signingSecrets(endpoint(now + 1000), SECRET, now)).toEqual(["whsec_new", "whsec_old"]);
    expect(signingSecrets(endpoint(now - 1000), SECRET, now)).toEqual(["whsec_new"]);
    expect(signingSecrets(endpoint(now + 1000), "a-different-server-secret-0123456789ab", now)).toEqual([]);
  });
});
