import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizeEmailOrThrow } from "./email-address";

const ok = (input: string) => {
  const r = normalizeEmail(input);
  if (!r.ok) throw new Error(`${input}: ${r.reason}`);
  return r.email;
};
const rejected = (input: unknown) => normalizeEmail(input).ok === false;

describe("normalizeEmail", () => {
  it("lower-cases and trims", () => {
    expect(ok("  Alice.Smith@Example.COM ")).toBe("alice.smith@example.com");
  });

  it("keeps +tags: a tagged address is its own address", () => {
    expect(ok("dev+portolan@example.com")).toBe("dev+portolan@example.com");
  });

  it("refuses quoted local parts, which some parsers read as a different recipient", () => {
    expect(rejected('"e@attacker.test"@victim.test')).toBe(true);
    expect(rejected('"victim"@example.com')).toBe(true);
  });

  it("refuses lists, display names, comments, routes and whitespace", () => {
    for (const input of [
      "a@victim.test,b@attacker.test",
      "a@victim.test, b@attacker.test",
      "a@victim.test;b@attacker.test",
      "Victim <a@victim.test>",
      "a(comment)@victim.test",
      "a b@victim.test",
      "a@victim.test\r\nBcc: b@attacker.test",
      "a%attacker.test@victim.test",
      "attacker.test!a@victim.test",
      "a@b@victim.test",
      "a\\@b@victim.test",
    ]) {
      expect(rejected(input), input).toBe(true);
    }
  });

  it("refuses malformed local parts and domains", () => {
    for (const input of [
      "",
      "   ",
      "@example.com",
      "alice@",
      "alice",
      ".alice@example.com",
      "alice.@example.com",
      "al..ice@example.com",
      "alice@example.com.",
      "alice@localhost",
      "alice@[127.0.0.1]",
      "alice@1.2.3.4",
      "alice@-example.com",
      "alice@example-.com",
      "alice@exa_mple.com",
      `${"a".repeat(65)}@example.com`,
      `alice@${"a".repeat(250)}.com`,
    ]) {
      expect(rejected(input), input).toBe(true);
    }
    expect(rejected(undefined)).toBe(true);
    expect(rejected(42)).toBe(true);
  });

  it("stores internationalised domains in their ASCII form, so look-alikes never match the real domain", () => {
    expect(ok("info@Bücher.example")).toBe("info@xn--bcher-kva.example");
    // Cyrillic "а" (U+0430) in place of Latin "a"
    const lookalike = ok("admin@p\u0430ypal.com");
    expect(lookalike).not.toBe("admin@paypal.com");
    expect(lookalike.endsWith(".com")).toBe(true);
    expect(lookalike).toMatch(/^admin@xn--/);
  });

  it("refuses non-ASCII local parts (SMTPUTF8) and full-width tricks", () => {
    expect(rejected("j\u00f6rg@example.com")).toBe(true);
    expect(rejected("\uff41lice@example.com")).toBe(true);
    expect(rejected("alice\u200b@example.com")).toBe(true);
  });

  it("normalizeEmailOrThrow throws on invalid input", () => {
    expect(normalizeEmailOrThrow("Bob@Example.org")).toBe("bob@example.org");
    expect(() => normalizeEmailOrThrow("a,b@example.org")).toThrow(/Invalid email/);
  });
});
