// A user's own sessions: listed on the account page, ended one by one or all at once. Every query
// is scoped to the user it is given; the caller passes the signed-in viewer's id.
import "server-only";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";

export interface SessionSummary {
  id: string;
  createdAt: Date;
  expires: Date;
  current: boolean;
}

export async function listSessions(userId: string, currentHash: string | null): Promise<SessionSummary[]> {
  const rows = await db().session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, expires: true, sessionToken: true },
  });
  return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, expires: r.expires, current: r.sessionToken === currentHash }));
}

/** Ends one of the user's sessions ("all": every one). Returns how many ended. */
export async function endSessions(userId: string, which: string, ip: string | null): Promise<number> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: which === "all" ? { userId } : { userId, id: which } });
    if (count) {
      await audit(tx, { actorUserId: userId, actorKind: "user", action: which === "all" ? "auth.signout_everywhere" : "auth.session_ended", targetType: "user", targetId: userId, ip, details: { sessions: count } });
    }
    return count;
  });
}
