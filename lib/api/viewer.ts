// Who is calling the REST API: a personal access token (`Authorization: Bearer ptl_pat_…`), or the
// signed-in session (lib/access/viewer.ts). A token that is present but not valid is refused
// outright rather than falling back to the session.
import "server-only";
import { userViewer } from "@/lib/access/api-access";
import { getViewer, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkSameOrigin } from "@/lib/http/same-origin";
import { parseSecret, sameHash } from "@/lib/keys/format";
import { ApiError, unauthenticated } from "./respond";

export type UserViewer = Extract<Viewer, { kind: "user" }>;

/**
 * Cookie-authenticated writes must come from the portal's own pages (CSRF; SEC-C2, see
 * lib/http/same-origin.ts). Token-authenticated calls carry no ambient cookie.
 */
function assertSameOrigin(req: Request): void {
  const check = checkSameOrigin(req, env().portalUrl);
  if (!check.ok) throw new ApiError(403, "cross_origin", "State-changing requests with a session must come from the portal itself.");
}

export async function apiViewer(req: Request): Promise<Viewer> {
  const auth = req.headers.get("authorization");
  if (!auth) {
    const viewer = await getViewer();
    if (viewer.kind === "user") assertSameOrigin(req);
    return viewer;
  }
  const parsed = parseSecret(auth.replace(/^Bearer\s+/i, ""));
  if (!parsed || parsed.kind !== "pat") throw new ApiError(401, "unauthenticated", "The access token is not valid.");
  const pat = await db().personalAccessToken.findUnique({
    where: { hash: parsed.hash },
    select: { id: true, hash: true, userId: true, expiresAt: true, revokedAt: true },
  });
  const now = new Date();
  if (!pat || !sameHash(pat.hash, parsed.hash) || pat.revokedAt || (pat.expiresAt && pat.expiresAt <= now)) {
    throw new ApiError(401, "unauthenticated", "The access token is not valid.");
  }
  const user = await db().user.findUnique({ where: { id: pat.userId }, select: { id: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt) throw new ApiError(401, "unauthenticated", "The access token is not valid.");
  // Last use, at most once a minute per token, off the request's critical path.
  void db()
    .personalAccessToken.updateMany({ where: { id: pat.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] }, data: { lastUsedAt: now } })
    .catch(() => {});
  return userViewer(db(), user, env().INTERNAL_ORG_SLUG);
}

export async function requireUser(req: Request): Promise<UserViewer> {
  const v = await apiViewer(req);
  if (v.kind !== "user") throw unauthenticated();
  return v;
}
