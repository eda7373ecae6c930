// Reminders before a sunset (issue 6, "Targeted notices"): 90, 30, 7 and 1 days before, the
// owners still calling an affected operation hear about it again. Run every minute by the job
// queue (one run per tick across instances); each threshold is sent once per owner and notice
// (outbox keys), and only the latest threshold crossed since publication is sent, so a portal
// that was down for a month does not send three reminders at once.
import type { Db } from "@/lib/db/create-client";
import { enqueueSunsetReminder } from "./deliveries";

export const REMINDER_DAYS = [90, 30, 7, 1] as const;
const DAY = 86_400_000;

/** The reminder due now: the smallest threshold already reached that came after publication. */
export function dueReminder(n: { sunsetAt: Date | null; publishedAt: Date | null }, now: Date): number | null {
  if (!n.sunsetAt || n.sunsetAt <= now) return null;
  const published = n.publishedAt?.getTime() ?? 0;
  const reached = REMINDER_DAYS.filter((d) => n.sunsetAt!.getTime() - d * DAY <= now.getTime() && n.sunsetAt!.getTime() - d * DAY > published);
  return reached.length ? Math.min(...reached) : null;
}

export async function sendDueReminders(db: Db, opts: { portalUrl: string; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date();
  const notices = await db.deprecationNotice.findMany({ where: { status: "published", sunsetAt: { gt: now, lte: new Date(now.getTime() + 90 * DAY) } } });
  let queued = 0;
  for (const n of notices) {
    const d = dueReminder(n, now);
    if (d === null) continue;
    const r = await db.$transaction((tx) => enqueueSunsetReminder(tx, n, d, { portalUrl: opts.portalUrl, now }));
    queued += r.queued.length;
  }
  return queued;
}
