// What proxy.ts does for the account and sign-in pages (NONCE_PAGE_PATTERN): a fresh CSP nonce
// per request (handed to Next in the request's CSP header, which Next reads to nonce its own
// scripts), a referrer only to the portal itself (the confirm page's URL carries a sign-in token;
// `no-referrer` would make browsers send `Origin: null` on the pages' own form posts, which the
// same-origin check rightly refuses), and next-auth's CSRF
// cookie when the visitor has none, so the pages' forms work without JavaScript. Headers only:
// who may see a page is decided by the page and the data layer, never here.
import { NextResponse, type NextRequest } from "next/server";
import { authCookies } from "@/lib/auth/cookies";
import { mintCsrfCookie, readCsrfCookie } from "@/lib/auth/csrf";
import { env } from "@/lib/env";
import { newNonce, noncePolicy } from "./csp";

function providerOrigins(): string[] {
  const e = env();
  const origins: string[] = [];
  if (e.GITHUB_ID) origins.push("https://github.com");
  if (e.OIDC_ISSUER) origins.push(new URL(e.OIDC_ISSUER).origin);
  return origins;
}

export function authPageProxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const csp = noncePolicy({ nonce, formActionOrigins: providerOrigins(), dev: process.env.NODE_ENV === "development" });

  const csrf = authCookies(env().portalUrl).csrfToken;
  const secret = process.env.NEXTAUTH_SECRET;
  const minted = secret && !readCsrfCookie(request.cookies.get(csrf.name)?.value, secret) ? mintCsrfCookie(secret) : null;
  if (minted) request.cookies.set(csrf.name, minted.cookieValue);

  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("referrer-policy", "same-origin");
  if (minted) response.cookies.set(csrf.name, minted.cookieValue, csrf.options);
  return response;
}
