// POST /api/subscriptions (form: email, api, severity): anyone subscribes by email to one public
// API or to all; a confirmation link is mailed (double opt-in). Same-origin only. Too many
// requests (one confirmation per address per 24 h, 20 per client address per hour) → 429.
import { NextResponse, type NextRequest } from "next/server";
import { requestSubscription, SEVERITIES, type Severity } from "@/lib/delivery/subscriptions";
import { subscribableApis } from "@/lib/delivery/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { checkSameOrigin, crossSiteRefused } from "@/lib/http/same-origin";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const e = env();
  if (!checkSameOrigin(request, e.portalUrl).ok) return crossSiteRefused();
  const form = await request.formData().catch(() => null);
  const field = (k: string) => {
    const v = form?.get(k);
    return typeof v === "string" ? v.slice(0, 400) : "";
  };
  const api = field("api") || "*";
  const severity: Severity = (SEVERITIES as readonly string[]).includes(field("severity")) ? (field("severity") as Severity) : "breaking";
  const back = (params: Record<string, string>) => NextResponse.redirect(new URL(`/subscribe?${new URLSearchParams({ api, severity, ...params })}`, e.portalUrl), 303);

  let result: Awaited<ReturnType<typeof requestSubscription>>;
  try {
    result = await requestSubscription(db(), e, { email: field("email"), api, severity, ip: clientIp(request.headers, e.TRUSTED_PROXY_HOPS) }, new Set(subscribableApis().map((a) => a.id)));
  } catch (err) {
    // The mail server is down (the confirmation is sent directly, so its token is never stored in clear).
    log.error({ err }, "subscription confirmation mail not sent");
    return new Response(page("Try again later", "The confirmation email could not be sent just now. Please try again in a few minutes."), { status: 503, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "300", "cache-control": "no-store" } });
  }
  if (result.ok) return NextResponse.redirect(new URL("/subscribe/check-email", e.portalUrl), 303);
  if (result.reason === "rate-limited") {
    return new Response(tooManyPage(result.retryAfterSeconds), {
      status: 429,
      headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(result.retryAfterSeconds), "cache-control": "no-store" },
    });
  }
  return back({ error: result.reason });
}

function tooManyPage(seconds: number): string {
  const hours = Math.max(1, Math.round(seconds / 3600));
  return page("Too many requests", `A confirmation was already sent to this address recently, or this network asked too often. Check your inbox, or try again in about ${hours} hour${hours === 1 ? "" : "s"}.`);
}

/** A minimal page for answers that must keep their status code (429, 503); the text is ours. */
function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · Portolan</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color-scheme:light dark}</style></head>
<body><h1>${title}</h1><p>${text}</p><p><a href="/subscribe">Back to subscriptions</a></p></body></html>`;
}
