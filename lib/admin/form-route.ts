// The one shape of every admin and security form post (route handlers, never Server Actions):
// same-origin check (lib/http/same-origin.ts) → signed-in viewer → the action → 303 back (PRG).
// Admin data functions throw AdminNotFound / StepUpRequired / AdminActionError; this turns them
// into a 404, a trip through the step-up page, or `?error=<code>` on the page the form came from.
import "server-only";
import { NextResponse } from "next/server";
import { getViewer } from "@/lib/access/viewer";
import { currentSessionHash, safeCallbackPath, type SignedIn } from "@/lib/auth/page-session";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { checkSameOrigin, crossSiteRefused } from "@/lib/http/same-origin";
import { AdminActionError, AdminNotFound, StepUpRequired, type AdminActor } from "./step-up";

export interface FormContext {
  form: FormData;
  viewer: SignedIn;
  actor: AdminActor;
  /** A 303 to a path of the portal. */
  to: (path: string) => Response;
}

export function notFoundResponse(): Response {
  return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** Adds `?name=value` (or `&…`) to a path. */
export function withParam(path: string, name: string, value: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
}

/** The page a form came back to: its hidden `back` field when it is a path under `prefix`. */
export function backPath(form: FormData, prefix: string, fallback: string): string {
  const p = safeCallbackPath(form.get("back"), fallback);
  return p === prefix || p.startsWith(`${prefix}/`) || p.startsWith(`${prefix}?`) ? p : fallback;
}

export async function formRoute(request: Request, signInReturn: string, fn: (ctx: FormContext) => Promise<Response>): Promise<Response> {
  const e = env();
  if (!checkSameOrigin(request, e.portalUrl).ok) return crossSiteRefused();
  const to = (path: string) => NextResponse.redirect(new URL(path, e.portalUrl), 303);
  const viewer = await getViewer();
  if (viewer.kind !== "user") return to(`/signin?callbackUrl=${encodeURIComponent(signInReturn)}`);
  const form = await request.formData().catch(() => new FormData());
  const actor: AdminActor = { userId: viewer.userId, isAdmin: viewer.isAdmin, sessionHash: await currentSessionHash(), ip: clientIp(request.headers, e.TRUSTED_PROXY_HOPS) };
  return fn({ form, viewer, actor, to });
}

/** Runs an admin action and answers: `done` code on success, the refusals as described above. */
export async function adminAction(ctx: FormContext, back: string, action: () => Promise<string>): Promise<Response> {
  try {
    return ctx.to(withParam(back, "done", await action()));
  } catch (err) {
    if (err instanceof AdminNotFound) return notFoundResponse();
    if (err instanceof StepUpRequired) return ctx.to(err.need === "enrol" ? withParam(back, "error", "enrol") : withParam("/account/security/verify", "next", back));
    if (err instanceof AdminActionError) return ctx.to(withParam(back, "error", err.code));
    throw err;
  }
}
