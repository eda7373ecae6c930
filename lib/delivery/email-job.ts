// Sends one email delivery (a pg-boss job on QUEUES.email). Outcomes:
// - accepted → "delivered" (a crash before that is recorded re-sends with the same Message-ID);
// - SMTP 5xx (e.g. 550 5.1.1 on RCPT) → hard bounce: the address is suppressed, no retry;
// - SMTP 4xx → soft bounce: retried with pg-boss's backoff; after SOFT_BOUNCE_BUDGET 4xx answers
//   to the same message the address is suppressed;
// - no answer (server down, timeout) → retried with backoff, never suppressed; "failed" when
//   pg-boss's retries are spent.
// Suppressed or unsubscribed addresses are never mailed (checked here, at send time).
//
// One attempt at a time per delivery. pg-boss gives a job back to the queue when its handler runs
// longer than `expireInSeconds` (it races the handler against that timeout and fails the job),
// or when maintenance finds it active that long — but the first handler may still be alive,
// waiting out a database restart to record an acceptance. Two guards keep a second attempt from
// sending while the first may still record it:
// - `inFlight`, a set per process: a job for a delivery this process is already sending waits;
// - a lease on the delivery row (`sendingUntil`, set by the database's clock when the attempt
//   starts, cleared when its outcome is recorded): an attempt in another process waits until
//   the lease lapses. Only an attempt that died (kill -9) or gave up leaves it to lapse, so the
//   one duplicate left is the crash window of SEC-F6 (after acceptance, before the record).
import { sendMail, type MailEnv } from "@/lib/mail/send";
import type { Db } from "@/lib/db/create-client";
import { retryOnConnectionError } from "./db-retry";
import { deliveryId } from "./ids";
import { unsubscribeToken } from "./tokens";

export const SOFT_BOUNCE_BUDGET = 5;

export interface EmailJobContext {
  db: Db;
  mail: MailEnv;
  /** Server secret (NEXTAUTH_SECRET or the generated one): keys unsubscribe links. */
  secret: string;
  /**
   * Fault tests only: runs after the server accepted the message and before we record it (the
   * one window where a crash sends the message twice); scripts/delivery-worker.ts pauses here.
   */
  afterAccepted?: (deliveryId: string) => Promise<void>;
  /** Deliveries this process is sending now (one set per process; see the top of this file). */
  inFlight?: Set<string>;
  /** How long an attempt holds the delivery: pg-boss's expireInSeconds, in ms (default 120 s). */
  leaseMs?: number;
}

export interface JobMeta {
  retryCount: number;
  retryLimit: number;
}

/** Thrown to make pg-boss retry the job (with backoff). */
export class RetryLater extends Error {}

const FINAL = new Set(["delivered", "failed", "suppressed", "skipped"]);

export function unsubscribeUrl(portalUrl: string, token: string): string {
  return `${portalUrl}/api/unsubscribe/${token}`;
}

export function messageIdFor(deliveryMessageId: string, portalUrl: string): string {
  return `<${deliveryMessageId}@${new URL(portalUrl).hostname}>`;
}

export function smtpFailure(e: unknown): { code: number | null; detail: string } {
  const err = e as { responseCode?: unknown; response?: unknown; code?: unknown };
  const code = typeof err.responseCode === "number" ? err.responseCode : null;
  // Keep the enhanced status code (5.1.1), never the server's free text.
  const enhanced = typeof err.response === "string" ? /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(err.response)?.[1] : undefined;
  if (code) return { code, detail: `smtp ${code}${enhanced ? ` ${enhanced}` : ""}` };
  return { code: null, detail: typeof err.code === "string" && /^[A-Z_]{2,40}$/.test(err.code) ? `smtp ${err.code}` : "smtp connection error" };
}

export const DEFAULT_LEASE_MS = 120_000;

export async function runEmailJob(ctx: EmailJobContext, id: string, meta: JobMeta): Promise<void> {
  const inFlight = ctx.inFlight ?? new Set<string>();
  if (inFlight.has(id)) throw new RetryLater("this process is sending this delivery now");
  inFlight.add(id);
  try {
    await attempt(ctx, id, meta);
  } finally {
    inFlight.delete(id);
  }
}

async function attempt(ctx: EmailJobContext, id: string, meta: JobMeta): Promise<void> {
  const { db } = ctx;
  const d = await db.delivery.findUnique({ where: { id } });
  if (!d || d.channel !== "email" || !d.email || FINAL.has(d.status)) return;
  const email = d.email;
  if (!(await takeLease(db, id, ctx.leaseMs ?? DEFAULT_LEASE_MS))) {
    const now = await db.delivery.findUnique({ where: { id }, select: { status: true } });
    if (!now || FINAL.has(now.status)) return;
    if (meta.retryCount >= meta.retryLimit) {
      await db.delivery.update({ where: { id }, data: { status: "failed", lastError: "retries spent while another attempt held the message" } });
      return;
    }
    throw new RetryLater("another attempt holds this delivery");
  }

  let send: boolean;
  try {
    send = await mayStillSend(db, id, email, d.listApi);
  } catch (e) {
    // Nothing was sent: let the retry have the delivery at once (a lease left behind lapses).
    await db.delivery.updateMany({ where: { id }, data: { sendingUntil: null } }).catch(() => undefined);
    throw e;
  }
  if (!send) return;

  const headers: Record<string, string> = {};
  if (d.listApi) {
    const url = unsubscribeUrl(ctx.mail.portalUrl, unsubscribeToken(ctx.secret, email, d.listApi));
    headers["List-Unsubscribe"] = `<${url}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  const started = Date.now();
  try {
    await sendMail(ctx.mail, db, {
      to: email,
      subject: d.subject,
      text: d.text,
      html: d.html ?? undefined,
      messageId: messageIdFor(d.messageId, ctx.mail.portalUrl),
      envelopeId: d.id,
      headers,
    });
  } catch (e) {
    const f = smtpFailure(e);
    const attempts = d.attempts + 1;
    const log = { id: deliveryId("att"), code: f.code, ok: false, error: f.detail, durationMs: Date.now() - started };
    if (f.code !== null && f.code >= 500) {
      await suppress(ctx.db, email, "hard-bounce", f.detail, id, attempts, log);
      return;
    }
    if (f.code !== null && f.code >= 400) {
      const softBounces = 1 + (await db.deliveryAttempt.count({ where: { deliveryId: id, code: { gte: 400, lt: 500 } } }));
      if (softBounces >= SOFT_BOUNCE_BUDGET) {
        await suppress(ctx.db, email, "soft-bounce", f.detail, id, attempts, log);
        return;
      }
    }
    const last = meta.retryCount >= meta.retryLimit;
    await db.delivery.update({
      where: { id },
      data: { status: last ? "failed" : "retrying", attempts, lastError: f.detail, lastAttemptAt: new Date(), sendingUntil: null, attemptLog: { create: log } },
    });
    if (!last) throw new RetryLater(f.detail);
    return;
  }
  await ctx.afterAccepted?.(id);
  // The server has the message: recording that must outlive a database restart, or the retry
  // would send it again (SEC-F6). Only a dead process loses this write.
  const durationMs = Date.now() - started;
  const attemptId = deliveryId("att");
  try {
    await retryOnConnectionError(() =>
      db.delivery.update({
        where: { id },
        data: { status: "delivered", attempts: d.attempts + 1, lastError: null, lastAttemptAt: new Date(), deliveredAt: new Date(), sendingUntil: null, attemptLog: { create: { id: attemptId, code: 250, ok: true, durationMs } } },
      }),
    );
  } catch (e) {
    // The write may have committed before its answer was lost (the retry then trips over the
    // attempt row it created): recorded is recorded.
    const now = await db.delivery.findUnique({ where: { id }, select: { status: true } }).catch(() => null);
    if (now?.status !== "delivered") throw e;
  }
}

/**
 * Takes the delivery for this attempt when no other attempt holds it (no lease, or a lapsed one),
 * by the database's clock so that instances need not agree on the time (in UTC, like every
 * timestamp Prisma writes). False: held elsewhere, or already final.
 */
async function takeLease(db: Db, id: string, leaseMs: number): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Delivery" SET "sendingUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8)
    WHERE id = ${id} AND status IN ('queued', 'retrying') AND ("sendingUntil" IS NULL OR "sendingUntil" <= (now() AT TIME ZONE 'UTC'))`;
  return n === 1;
}

/** False (and the delivery closed) when the address is suppressed or left this list since queueing. */
async function mayStillSend(db: Db, id: string, email: string, listApi: string | null): Promise<boolean> {
  const suppressed = await db.emailSuppression.findUnique({ where: { email } });
  if (suppressed) {
    await db.delivery.update({ where: { id }, data: { status: "suppressed", lastError: `address suppressed (${suppressed.reason})`, sendingUntil: null } });
    return false;
  }
  if (listApi) {
    const out = await db.emailSubscription.findFirst({ where: { email, api: listApi, status: "unsubscribed" }, select: { id: true } });
    if (out) {
      await db.delivery.update({ where: { id }, data: { status: "skipped", lastError: "unsubscribed", sendingUntil: null } });
      return false;
    }
  }
  return true;
}

async function suppress(db: Db, email: string, reason: string, detail: string, id: string, attempts: number, log: { id: string; code: number | null; ok: boolean; error: string; durationMs: number }) {
  await db.$transaction(async (tx) => {
    await tx.emailSuppression.upsert({ where: { email }, create: { email, reason, detail }, update: {} });
    await tx.delivery.update({ where: { id }, data: { status: "suppressed", attempts, lastError: detail, lastAttemptAt: new Date(), sendingUntil: null, attemptLog: { create: log } } });
  });
}
