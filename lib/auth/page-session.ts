// Helpers for the account and sign-in pages (server components). Guards are named by what they
// guarantee; each page still reads data scoped to the viewer it gets back.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer, type Viewer } from "@/lib/access/viewer";
import { env } from "@/lib/env";
import { authCookies } from "./cookies";
import { readCsrfCookie } from "./csrf";
import { hashSessionToken } from "./session-token";

export type SignedIn = Extract<Viewer, { kind: "user" }>;

/** A same-site path to continue to after signing in; anything else becomes `fallback`. */
export function safeCallbackPath(raw: unknown, fallback = "/account"): string {
  if (typeof raw !== "string" || raw.length > 500) return fallback;
  let path = raw;
  // next-auth hands absolute URLs of the portal's own origin around; keep their path only.
  if (/^https?:\/\//i.test(raw)) {
    const u = new URL(raw);
    if (u.origin !== new URL(env().portalUrl).origin) return fallback;
    path = u.pathname + u.search;
  }
  // "//host" and "/\host" would leave the site.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}

/** The signed-in viewer, or a redirect to /signin that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SignedIn> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** The token for next-auth's CSRF check, from the cookie proxy.ts makes sure of. */
export async function csrfTokenForForms(): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  const value = (await cookies()).get(authCookies(env().portalUrl).csrfToken.name)?.value;
  return (secret && readCsrfCookie(value, secret)) || "";
}

/** The stored hash of this request's session token (to mark "this device" in a list). */
export async function currentSessionHash(): Promise<string | null> {
  const token = (await cookies()).get(authCookies(env().portalUrl).sessionToken.name)?.value;
  return token ? hashSessionToken(token) : null;
}
