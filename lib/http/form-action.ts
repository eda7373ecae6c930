// Server actions behind the account pages' forms. Next.js compares Origin with Host itself but
// lets a request without Origin through, so every action runs the portal's own same-origin check
// first (lib/http/same-origin.ts, SEC-C2), then resolves the signed-in user. The data layer
// (lib/data/*) still checks access to each object: this is only the door.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/access/viewer";
import { ApiError } from "@/lib/api/respond";
import type { UserViewer } from "@/lib/api/viewer";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { checkSameOrigin } from "@/lib/http/same-origin";

/** What a form shows after its action: an error message, or nothing (success redirects). */
export type FormState = { error?: string; ok?: string } | undefined;

export interface ActionContext {
  viewer: UserViewer;
  ip: string | null;
}

async function actionContext(): Promise<ActionContext> {
  const h = await headers();
  const e = env();
  if (!checkSameOrigin({ method: "POST", headers: h }, e.portalUrl).ok) throw new ApiError(403, "cross_origin", "This form must be sent from the portal's own pages.");
  const viewer = await getViewer();
  if (viewer.kind !== "user") redirect("/signin");
  return { viewer, ip: clientIp(h, e.TRUSTED_PROXY_HOPS) };
}

/**
 * Runs `fn` for the signed-in user; ApiErrors become the form's error message (no redirect, the
 * form keeps its values); success returns what `fn` returns (usually a redirect: POST → 303 → GET).
 */
export async function formAction<T>(fn: (ctx: ActionContext) => Promise<T>): Promise<T | { error: string }> {
  try {
    return await fn(await actionContext());
  } catch (e) {
    if (e instanceof ApiError) return { error: e.message };
    throw e;
  }
}

/** A string field of a form ("" when absent or not a string). */
export function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}
