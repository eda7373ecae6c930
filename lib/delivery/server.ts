// What the Next app's delivery routes and pages need from the server: the secret that keys
// unsubscribe links and seals webhook secrets (NEXTAUTH_SECRET; server/start.ts always sets it,
// generated on a local install), the public APIs one may subscribe to, the test allow-list.
import "server-only";
import { publicApis } from "@/lib/access/visibility";
import { env } from "@/lib/env";
import { getCatalog } from "@/lib/specs/index";
import { allowListFrom } from "./address-filter";

export function serverSecret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set; start the portal with `npm start`.");
  return s;
}

/** Public APIs, for the anonymous subscribe form: id and name. */
export function subscribableApis(): { id: string; name: string }[] {
  return publicApis(getCatalog().apis).map((a) => ({ id: a.id, name: a.name }));
}

export function webhookAllowList(): Set<string> {
  return allowListFrom(env().WEBHOOK_ALLOW_HOSTS);
}
