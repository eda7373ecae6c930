// A developer's personal feed URL: at most one per user. Creating it again (regenerate) replaces
// the stored hash, so the old URL stops working in the same statement; revoking deletes the row.
// The token is returned once to the caller and never stored or audited in clear.
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db/create-client";
import { newId } from "@/lib/ids";
import { hashFeedToken, isFeedTokenShape, newFeedToken } from "./token";

export interface FeedStatus {
  createdAt: Date;
  lastReadAt: Date | null;
}

export async function personalFeedStatus(db: Db, userId: string): Promise<FeedStatus | null> {
  return db.personalFeed.findUnique({ where: { userId }, select: { createdAt: true, lastReadAt: true } });
}

/** A new secret URL token for `userId`, replacing any earlier one. */
export async function issuePersonalFeed(db: Db, userId: string, ip: string | null = null): Promise<string> {
  const token = newFeedToken();
  const tokenHash = hashFeedToken(token);
  await db.$transaction(async (tx) => {
    const before = await tx.personalFeed.findUnique({ where: { userId }, select: { id: true } });
    const id = newId("pfd");
    await tx.personalFeed.upsert({ where: { userId }, create: { id, userId, tokenHash }, update: { id, tokenHash, createdAt: new Date(), lastReadAt: null } });
    await audit(tx, { actorUserId: userId, actorKind: "user", action: before ? "feed.regenerated" : "feed.created", targetType: "personal_feed", targetId: id, ip });
  });
  return token;
}

export async function revokePersonalFeed(db: Db, userId: string, ip: string | null = null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.personalFeed.findUnique({ where: { userId }, select: { id: true } });
    if (!row) return false;
    await tx.personalFeed.delete({ where: { userId } });
    await audit(tx, { actorUserId: userId, actorKind: "user", action: "feed.revoked", targetType: "personal_feed", targetId: row.id, ip });
    return true;
  });
}

const READ_MARK_MS = 60 * 60_000;

/** The user a feed token belongs to (an enabled user), or null; marks the read at most hourly. */
export async function personalFeedOwner(db: Db, token: string, now = new Date()): Promise<string | null> {
  if (!isFeedTokenShape(token)) return null;
  const row = await db.personalFeed.findUnique({ where: { tokenHash: hashFeedToken(token) }, select: { id: true, userId: true, lastReadAt: true, user: { select: { disabledAt: true } } } });
  if (!row || row.user.disabledAt) return null;
  if (!row.lastReadAt || now.getTime() - row.lastReadAt.getTime() > READ_MARK_MS) {
    await db.personalFeed.updateMany({ where: { id: row.id }, data: { lastReadAt: now } });
  }
  return row.userId;
}
