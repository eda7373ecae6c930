// app/api/auth/[...nextauth]: next-auth's handler behind the checks next-auth does not make.
// - Every POST must come from the portal's own pages (Origin / Sec-Fetch-Site, SEC-C2), on top
//   of next-auth's CSRF token. The client log endpoint (`_log`) is closed.
// - An emailed link is spent only by POST from the confirm page. A GET of next-auth's own
//   callback URL (a scanner, an old link) is sent to the confirm page and spends nothing (SEC-C3).
//   The confirm page posts token and address in the body; they are moved into the query of the
//   request handed to next-auth (which reads them there) without ever being in a URL on the wire.
// - Asking for a link: the address is validated and normalised (SEC-C4) and rate limited per
//   address and per client address (PostgreSQL buckets, shared by instances); the answer is the
//   same for known and unknown addresses (SEC-C6).
// - Failed sign-ins are audited here (next-auth answers them with `?error=` redirects); successful
//   ones and sign-outs by next-auth events (lib/auth/options.ts).
import "server-only";
import { NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { checkSameOrigin, crossSiteRefused } from "@/lib/http/same-origin";
import { log } from "@/lib/log";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { authCookies } from "./cookies";
import { normalizeEmail } from "./email-address";
import { authOptions } from "./options";
import { runWithAuthContext } from "./request-context";

type Context = { params: Promise<{ nextauth?: string[] }> };

/** At most 5 sign-in mails per address per hour (SEC-C6), and 30 requests per client address. */
export const SIGN_IN_MAIL_LIMITS = {
  perAddress: { name: "signin-email-address", limit: 5, windowSeconds: 3600 },
  perIp: { name: "signin-email-ip", limit: 30, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

const MAX_FORM_BYTES = 8 * 1024;

function redirect(path: string, status = 303): NextResponse {
  return NextResponse.redirect(new URL(path, env().portalUrl), status);
}

async function readForm(req: NextRequest): Promise<URLSearchParams | null> {
  if (!(req.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) return null;
  const text = await req.text();
  return text.length > MAX_FORM_BYTES ? null : new URLSearchParams(text);
}

/** The request next-auth sees: same URL path and headers, a new body and/or query. */
function rebuilt(req: NextRequest, body: URLSearchParams | null, query?: URLSearchParams): NextRequest {
  const url = new URL(req.url);
  if (query) url.search = query.toString();
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/x-www-form-urlencoded");
  return new NextRequest(url, { method: req.method, headers, body: body ? body.toString() : "" });
}

async function auditFailure(reason: string, provider: string | undefined, ip: string | null): Promise<void> {
  try {
    await audit(db(), { actorKind: "anonymous", action: "auth.signin_failed", ip, details: { reason, provider: provider ?? null } });
  } catch (e) {
    log.error({ err: String(e) }, "could not audit a failed sign-in");
  }
}

export async function handleAuthRequest(req: NextRequest, context: Context): Promise<Response> {
  const e = env();
  const [action, providerId] = (await context.params).nextauth ?? [];
  const ip = clientIp(req.headers, e.TRUSTED_PROXY_HOPS);
  const sessionToken = req.cookies.get(authCookies(e.portalUrl).sessionToken.name)?.value ?? null;
  let forward: NextRequest = req;

  if ((req.method === "GET" || req.method === "HEAD") && action === "callback" && providerId === "email") {
    const confirm = new URL("/auth/confirm", e.portalUrl);
    confirm.search = req.nextUrl.search;
    return NextResponse.redirect(confirm, 303);
  }

  if (req.method === "POST") {
    const origin = checkSameOrigin(req, e.portalUrl);
    if (!origin.ok) {
      log.warn({ reason: origin.reason, action }, "auth request refused: not from the portal's own pages");
      return crossSiteRefused();
    }
    if (action === "_log") return new NextResponse(null, { status: 404 });

    if (action === "signin" && providerId === "email") {
      const form = await readForm(req);
      if (!form) return redirect("/signin?error=EmailSignin");
      const address = normalizeEmail(form.get("email"));
      if (!address.ok) {
        await auditFailure("invalid_email", "email", ip);
        return redirect("/signin?error=InvalidEmail");
      }
      // Both limits are counted on every request, so neither can be probed around the other.
      const [byIp, byAddress] = await Promise.all([
        hitRateLimit(db(), SIGN_IN_MAIL_LIMITS.perIp, ip ?? "unknown"),
        hitRateLimit(db(), SIGN_IN_MAIL_LIMITS.perAddress, address.email),
      ]);
      if (!byIp.allowed || !byAddress.allowed) {
        await auditFailure(byIp.allowed ? "rate_limited_address" : "rate_limited_ip", "email", ip);
        const res = redirect("/signin?error=RateLimited");
        res.headers.set("retry-after", String(Math.max(byIp.allowed ? 0 : byIp.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds)));
        return res;
      }
      form.set("email", address.email);
      forward = rebuilt(req, form);
    }

    if (action === "callback" && providerId === "email") {
      const form = await readForm(req);
      if (!form) return redirect("/signin?error=Verification");
      const query = new URLSearchParams();
      for (const name of ["token", "email", "callbackUrl"]) {
        const v = form.get(name);
        if (v) query.set(name, v);
      }
      forward = rebuilt(req, null, query);
    }
  }

  const handler = NextAuth(authOptions());
  const res: Response = await runWithAuthContext({ ip, sessionToken }, () => handler(forward, context));

  const location = res.headers.get("location");
  if (location && (action === "callback" || action === "signin")) {
    const error = new URL(location, e.portalUrl).searchParams.get("error");
    if (error) await auditFailure(error, providerId, ip);
  }
  if (action === "session" || action === "csrf") res.headers.set("cache-control", "private, no-store");
  return res;
}
