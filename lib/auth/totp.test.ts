import fc from "fast-check";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { checkTotp, hashRecoveryCode, isFreshSecondFactor, newRecoveryCodes, newTotpSecret, openSecret, sealSecret, totpUri } from "./totp";

describe("TOTP", () => {
  const secret = newTotpSecret();
  const at = (ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

  it("accepts the current code and its neighbours within 30 s, and nothing older", async () => {
    const now = Date.UTC(2026, 10, 26, 12, 0, 15);
    expect(await checkTotp(secret, await at(now), null, now)).not.toBeNull();
    expect(await checkTotp(secret, await at(now - 30_000), null, now)).not.toBeNull();
    expect(await checkTotp(secret, await at(now - 90_000), null, now)).toBeNull();
    expect(await checkTotp(secret, "12345", null, now)).toBeNull();
    expect(await checkTotp(secret, "abcdef", null, now)).toBeNull();
  });

  it("never accepts the same code twice (replay)", async () => {
    const now = Date.UTC(2026, 10, 26, 12, 0, 15);
    const code = await at(now);
    const step = await checkTotp(secret, code, null, now);
    expect(step).not.toBeNull();
    expect(await checkTotp(secret, code, step, now + 5_000)).toBeNull();
    expect(await checkTotp(secret, await at(now + 30_000), step, now + 30_000)).not.toBeNull();
  });

  it("never accepts random codes for a random secret (1,000 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 0, maxLength: 12 }), async (code) => {
        // A 6-digit guess can match (1 in 333,333 with the window); anything else never does.
        fc.pre(!/^\s*\d{6}\s*$/.test(code));
        return (await checkTotp(newTotpSecret(), code, null)) === null;
      }),
      { numRuns: 1_000 },
    );
  });

  it("builds an otpauth URI for authenticator apps", () => {
    expect(totpUri("dev@acme.example", secret)).toBe(`otpauth://totp/Portolan:dev%40acme.example?secret=${secret}&issuer=Portolan`);
  });
});

describe("recovery codes", () => {
  it("are 10 distinct codes of 10 unambiguous characters, hashed case- and dash-insensitively", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJ-NP-Za-km-z]{5}-[2-9A-HJ-NP-Za-km-z]{5}$/);
    expect(hashRecoveryCode(codes[0]!)).toBe(hashRecoveryCode(` ${codes[0]!.replace("-", "").toUpperCase()} `));
    expect(hashRecoveryCode(codes[0]!)).not.toBe(hashRecoveryCode(codes[1]!));
  });
});

describe("secret sealing", () => {
  it("round-trips, differs each time, and fails closed on tampering or the wrong key", () => {
    const a = sealSecret("JBSWY3DPEHPK3PXP", "server-secret");
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealSecret("JBSWY3DPEHPK3PXP", "server-secret")).not.toBe(a);
    expect(openSecret(a, "server-secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(openSecret(a, "other-secret")).toBeNull();
    const parts = a.split(".");
    parts[3] = Buffer.from("x".repeat(16)).toString("base64url");
    expect(openSecret(parts.join("."), "server-secret")).toBeNull();
    expect(openSecret("garbage", "server-secret")).toBeNull();
  });
});

describe("step-up freshness", () => {
  it("holds for 10 minutes", () => {
    const now = Date.now();
    expect(isFreshSecondFactor(new Date(now - 9 * 60_000), now)).toBe(true);
    expect(isFreshSecondFactor(new Date(now - 11 * 60_000), now)).toBe(false);
    expect(isFreshSecondFactor(null, now)).toBe(false);
  });
});
