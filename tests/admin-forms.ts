// Shared by the integration tests of the admin's HTML forms (notices, changelog entries): a user
// with a live database session, and a form POST as the browser sends it.
import { hashSessionToken } from "@/lib/auth/session-token";
import type { Db } from "@/lib/db/create-client";
import { newId, randomBase62 } from "@/lib/ids";

export const FORM_ORIGIN = "http://portal.test";

/** A new user of `role` with a one-hour session; returns the user's id and the cookie's token. */
export async function userWithSession(db: Db, role: "admin" | "developer", emailPrefix: string): Promise<{ id: string; token: string }> {
  const user = await db.user.create({ data: { id: newId("usr"), email: `${emailPrefix}-${role}-${Date.now()}@example.test`, role } });
  const token = randomBase62(43);
  await db.session.create({ data: { id: newId("ses"), sessionToken: hashSessionToken(token), userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  return { id: user.id, token };
}

/** A urlencoded form POST to `url` on the portal; `origin` null leaves the Origin header out. */
export function formPost(url: string, fields: Record<string, string | string[]>, origin: string | null = FORM_ORIGIN): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return new Request(`${FORM_ORIGIN}${url}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...(origin && { origin }) }, body });
}
