// next-auth's double-submit CSRF token, minted outside next-auth so that our own sign-in and
// sign-out forms work without JavaScript: proxy.ts sets the cookie on the auth pages when it is
// missing, and the pages put the token in their forms. Same format as next-auth 4's
// core/lib/csrf-token.ts: cookie "<token>|sha256(<token><secret>)", form field "<token>".
// e2e/auth.spec.ts signs in through these forms, so a change of format upstream fails a test.
import crypto from "node:crypto";

const hash = (token: string, secret: string) => crypto.createHash("sha256").update(`${token}${secret}`).digest("hex");

export function mintCsrfCookie(secret: string): { token: string; cookieValue: string } {
  const token = crypto.randomBytes(32).toString("hex");
  return { token, cookieValue: `${token}|${hash(token, secret)}` };
}

/** The token of a cookie minted with this secret; null for a missing, malformed or forged cookie. */
export function readCsrfCookie(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue) return null;
  const [token, digest] = cookieValue.split("|");
  if (!token || !digest || !/^[0-9a-f]{64}$/.test(token)) return null;
  const expected = Buffer.from(hash(token, secret), "hex");
  const given = Buffer.from(digest, "hex");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? token : null;
}
