// The List-Unsubscribe URL of every notice mail (RFC 8058).
// - POST (body `List-Unsubscribe=One-Click`, from the mail client or provider, no cookies, no
//   Origin): unsubscribes at once. No same-origin check: the token is the authority, and a
//   tampered one gets the same answer and changes nothing.
// - POST from our own page's button: the same, then back to a page that says so.
// - GET/HEAD (a person who clicked, or a mail scanner): only a redirect to the page with the
//   button; nothing changes.
import { NextResponse, type NextRequest } from "next/server";
import { unsubscribeByToken } from "@/lib/delivery/subscriptions";
import { serverSecret } from "@/lib/delivery/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ token: string }> };

const noStore = { "cache-control": "no-store" };

export async function GET(_request: NextRequest, { params }: Ctx) {
  const { token } = await params;
  return NextResponse.redirect(new URL(`/unsubscribe/${encodeURIComponent(token.slice(0, 1000))}`, env().portalUrl), { status: 303, headers: noStore });
}

export async function POST(request: NextRequest, { params }: Ctx) {
  const { token } = await params;
  const body = await request.text().catch(() => "");
  const fields = new URLSearchParams(body.slice(0, 2000));
  await unsubscribeByToken(db(), serverSecret(), token);
  if (fields.get("from") === "page") return NextResponse.redirect(new URL("/subscribe/done?result=unsubscribed", env().portalUrl), { status: 303, headers: noStore });
  return new Response("Unsubscribed.\n", { status: 200, headers: { "content-type": "text/plain; charset=utf-8", ...noStore } });
}
