// Warnings to key owners (issue 5): a key that expires within a week, and a key nobody has used
// for 90 days (a forgotten key is a leak waiting to happen: revoke it or let it be). Sent through
// the outbox (lib/delivery) in the transaction that marks the key as warned, so a warning is
// queued once and never lost. Run by the job queue's periodic task (server/start.ts).
// Rotated keys (whose end is the grace period the owner chose) and revoked keys get nothing.
import { appOwnerEmails, appOwnersSelect } from "@/lib/data/app-owners";
import type { Db } from "@/lib/db/create-client";
import { enqueueDeliveries, type OutboxMessage } from "@/lib/delivery/outbox";
import type { Prisma } from "@/lib/generated/prisma/client";

const DAY = 86_400_000;
export const EXPIRY_WARNING_DAYS = 7;
export const IDLE_DAYS = 90;
/** At most this many keys per run and kind; the next run takes the rest. */
const BATCH = 200;

const keySelect = {
  id: true,
  name: true,
  prefix: true,
  last4: true,
  expiresAt: true,
  lastUsedAt: true,
  createdAt: true,
  app: {
    select: {
      id: true,
      name: true,
      ...appOwnersSelect,
    },
  },
} satisfies Prisma.ApiKeySelect;
type WarnedKey = Prisma.ApiKeyGetPayload<{ select: typeof keySelect }>;

const day = (d: Date) => d.toISOString().slice(0, 10);
const label = (k: WarnedKey) => `${k.prefix}…${k.last4} ("${k.name}", app ${k.app.name})`;

function messages(k: WarnedKey, kind: "expiry" | "idle", portalUrl: string, now: Date): OutboxMessage[] {
  const url = new URL(`/account/apps/${k.app.id}`, portalUrl).href;
  const subject =
    kind === "expiry" ? `Your API key ${k.prefix}…${k.last4} expires on ${day(k.expiresAt!)}` : `Your API key ${k.prefix}…${k.last4} has not been used for ${IDLE_DAYS} days`;
  const text =
    kind === "expiry"
      ? `The key ${label(k)} stops working on ${day(k.expiresAt!)}.\n\nTo keep your app working, rotate it (the new key is shown once; the old one can keep working for a grace period) or create a new key:\n${url}\n`
      : `The key ${label(k)} has not been used ${k.lastUsedAt ? `since ${day(k.lastUsedAt)}` : `since it was created on ${day(k.createdAt)}`}.\n\nA key nobody uses is best revoked: it can only leak. Revoke it, or ignore this message if you still need it:\n${url}\n`;
  // One warning per key and period (the key's flag column stops repeats; this key stops a
  // retried run from queuing twice): its expiry date, or the day of the idle warning.
  const period = kind === "expiry" ? day(k.expiresAt!) : day(now);
  return appOwnerEmails(k.app).map((email) => ({ idempotencyKey: `key:${k.id}:${kind}:${period}:email:${email}`, channel: "email" as const, to: { email }, subject, text }));
}

export async function sendKeyWarnings(db: Db, opts: { portalUrl: string; now?: Date }): Promise<{ expiry: number; idle: number }> {
  const now = opts.now ?? new Date();
  const live = { revokedAt: null, replacedById: null } satisfies Prisma.ApiKeyWhereInput;
  const expiring = await db.apiKey.findMany({
    where: { ...live, expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY) }, expiryWarnedAt: null },
    select: keySelect,
    take: BATCH,
  });
  const idleSince = new Date(now.getTime() - IDLE_DAYS * DAY);
  const idle = await db.apiKey.findMany({
    where: {
      ...live,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      createdAt: { lte: idleSince },
      AND: [{ OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: idleSince } }] }, { OR: [{ idleWarnedAt: null }, { idleWarnedAt: { lte: idleSince } }] }],
    },
    select: keySelect,
    take: BATCH,
  });
  for (const k of expiring) {
    await db.$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: k.id }, data: { expiryWarnedAt: now } });
      await enqueueDeliveries(tx, messages(k, "expiry", opts.portalUrl, now));
    });
  }
  for (const k of idle) {
    await db.$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: k.id }, data: { idleWarnedAt: now } });
      await enqueueDeliveries(tx, messages(k, "idle", opts.portalUrl, now));
    });
  }
  return { expiry: expiring.length, idle: idle.length };
}
