import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { mintCsrfCookie, readCsrfCookie } from "./csrf";

describe("CSRF cookie (next-auth 4 format)", () => {
  it("round-trips with the same secret only", () => {
    const { token, cookieValue } = mintCsrfCookie("s1");
    expect(readCsrfCookie(cookieValue, "s1")).toBe(token);
    expect(readCsrfCookie(cookieValue, "s2")).toBeNull();
  });

  it("matches what next-auth computes: sha256(token + secret)", () => {
    const { token, cookieValue } = mintCsrfCookie("secret");
    expect(cookieValue).toBe(`${token}|${crypto.createHash("sha256").update(`${token}secret`).digest("hex")}`);
  });

  it("refuses malformed and forged cookies", () => {
    for (const v of [undefined, "", "abc", "abc|def", `${"a".repeat(64)}|${"0".repeat(64)}`]) expect(readCsrfCookie(v, "s")).toBeNull();
  });
});
