// POST /api/subscriptions/confirm (form: token): the button on /subscribe/confirm/<token>. Only
// this POST spends the token (mail scanners GET every link). Same-origin only.
import { NextResponse, type NextRequest } from "next/server";
import { confirmSubscription } from "@/lib/delivery/subscriptions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkSameOrigin, crossSiteRefused } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  const e = env();
  if (!checkSameOrigin(request, e.portalUrl).ok) return crossSiteRefused();
  const form = await request.formData().catch(() => null);
  const ok = await confirmSubscription(db(), form?.get("token"));
  return NextResponse.redirect(new URL(`/subscribe/done?result=${ok ? "confirmed" : "invalid"}`, e.portalUrl), 303);
}
