import { describe, expect, it } from "vitest";
import { openRecoveryCodes, RECOVERY_DISPLAY_MAX_AGE_S, recoveryDisplayCookie, sealRecoveryCodes } from "./recovery-codes-display";

const SECRET = "s".repeat(40);
const CODES = ["abcde-fghij", "klmno-pqrst"];

describe("recovery codes on their way to the page (shown once)", () => {
  it("opens for the same user within 10 minutes only", () => {
    const now = Date.UTC(2026, 10, 26, 7, 0, 0);
    const sealed = sealRecoveryCodes("usr_a", CODES, SECRET, now);
    expect(sealed).not.toContain("abcde");
    expect(openRecoveryCodes(sealed, "usr_a", SECRET, now + 1000)).toEqual(CODES);
    expect(openRecoveryCodes(sealed, "usr_b", SECRET, now + 1000)).toBeNull();
    expect(openRecoveryCodes(sealed, "usr_a", SECRET, now + RECOVERY_DISPLAY_MAX_AGE_S * 1000 + 1)).toBeNull();
    expect(openRecoveryCodes(sealed, "usr_a", "t".repeat(40), now)).toBeNull();
    expect(openRecoveryCodes(sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA"), "usr_a", SECRET, now)).toBeNull();
    expect(openRecoveryCodes(undefined, "usr_a", SECRET, now)).toBeNull();
  });

  it("is HttpOnly, SameSite=Strict, limited to /account/security, Secure with https", () => {
    expect(recoveryDisplayCookie("http://localhost:3000")).toEqual({
      name: "portolan.recovery-codes",
      options: { httpOnly: true, sameSite: "strict", path: "/account/security", secure: false, maxAge: RECOVERY_DISPLAY_MAX_AGE_S },
    });
    expect(recoveryDisplayCookie("https://portal.example").name).toBe("__Secure-portolan.recovery-codes");
  });
});
