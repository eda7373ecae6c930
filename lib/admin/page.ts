// The guard of every /admin page: signed in (else to /signin and back), a portal admin (else the
// same 404 as a page that does not exist). The data functions check again (lib/data/admin/*).
import "server-only";
import { notFound } from "next/navigation";
import { currentSessionHash, requireUser } from "@/lib/auth/page-session";
import type { AdminActor } from "./step-up";

export async function requireAdminPage(returnTo: string): Promise<AdminActor> {
  const viewer = await requireUser(returnTo);
  if (!viewer.isAdmin) notFound();
  return { userId: viewer.userId, isAdmin: true, sessionHash: await currentSessionHash(), ip: null };
}

/** The query string of a filter form, for links and for the hidden `back` field of action forms. */
export function queryOf(values: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
