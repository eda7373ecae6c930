import { describe, expect, it } from "vitest";
import { confirmUrl, signInMail } from "./sign-in-mail";

describe("sign-in mail", () => {
  it("links to the confirm page with next-auth's token, address and destination, on the portal's origin", () => {
    const url = confirmUrl("https://portal.example.com", "https://portal.example.com/api/auth/callback/email?callbackUrl=%2Faccount&token=abc123&email=a%40b.test");
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe("https://portal.example.com/auth/confirm");
    expect(Object.fromEntries(u.searchParams)).toEqual({ token: "abc123", email: "a@b.test", callbackUrl: "/account" });
  });

  it("says how long the link lives, and escapes the link in HTML", () => {
    const mail = signInMail("a@b.test", "https://p.example/auth/confirm?token=x&email=a%40b.test", "https://p.example");
    expect(mail.text).toContain("expires in 10 minutes");
    expect(mail.text).toContain("https://p.example/auth/confirm?token=x&email=a%40b.test");
    expect(mail.html).toContain('href="https://p.example/auth/confirm?token=x&#38;email=a%40b.test"');
    expect(mail.to).toBe("a@b.test");
  });
});
