// Who is asking: the one function pages and route handlers call to learn it. Reads the session
// cookie and the Session table directly (the token's hash; no next-auth round trip, no write),
// once per request (React cache). Server-only, and only for dynamically rendered routes: the
// static docs pages must not read cookies (they are rendered once and served to everyone), so
// public APIs' pages use ANONYMOUS (lib/specs/page-context.ts); restricted APIs' pages call this
// from their dynamic copies under /restricted-apis (proxy.ts routes them there).
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { userViewer } from "@/lib/access/api-access";
import { authCookies } from "@/lib/auth/cookies";
import { adminExpiryOnUse, sessionIsLive } from "@/lib/auth/session-policy";
import { hashSessionToken } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/create-client";
import { env } from "@/lib/env";

export type Viewer =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      isAdmin: boolean;
      orgIds: string[];
      /** Restricted APIs the user's apps (personal or their organizations') hold grants for, and
       * whether they belong to the internal organization (lib/access/api-access.ts). */
      access?: { apis: string[]; internal: boolean };
    };

export const ANONYMOUS: Viewer = Object.freeze({ kind: "anonymous" });

/** The signed-in user behind a session token, or anonymous (unknown, expired, disabled). */
export async function viewerForSessionToken(token: string | undefined | null, database?: Db): Promise<Viewer> {
  if (!token) return ANONYMOUS;
  const client = database ?? db();
  const session = await client.session.findUnique({
    where: { sessionToken: hashSessionToken(token) },
    select: { id: true, createdAt: true, expires: true, user: { select: { id: true, role: true, disabledAt: true } } },
  });
  if (!session || session.user.disabledAt) return ANONYMOUS;
  // Admin sessions are short (12 h at most, 1 h idle); using one moves its idle deadline.
  const isAdmin = session.user.role === "admin";
  const now = new Date();
  if (!sessionIsLive(session, isAdmin, now)) return ANONYMOUS;
  const slid = adminExpiryOnUse(session, isAdmin, now);
  if (slid) await client.session.updateMany({ where: { id: session.id }, data: { expires: slid } });
  return userViewer(client, session.user, env().INTERNAL_ORG_SLUG);
}

export const getViewer = cache(async (): Promise<Viewer> => {
  const token = (await cookies()).get(authCookies(env().portalUrl).sessionToken.name)?.value;
  return viewerForSessionToken(token);
});
