// POST /api/account/security/codes-saved: the user has saved their recovery codes; forget them.
import { NextResponse } from "next/server";
import { formRoute } from "@/lib/admin/form-route";
import { recoveryDisplayCookie } from "@/lib/auth/recovery-codes-display";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return formRoute(request, "/account/security", async ({ to }) => {
    const res = to("/account/security") as NextResponse;
    const cookie = recoveryDisplayCookie(env().portalUrl);
    res.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
    return res;
  });
}
