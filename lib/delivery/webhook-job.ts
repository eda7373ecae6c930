// One webhook attempt (a pg-boss job on QUEUES.webhook). The next attempt, when one is due, is a
// new job queued in the same transaction that records this one, at the schedule's time
// (schedule.ts), so the schedule survives restarts and runs on any instance. Outcomes:
// 2xx → delivered; 410 → endpoint disabled; anything else → retry per schedule (or Retry-After);
// schedule spent → delivery failed, endpoint disabled, owner emailed (through the outbox).
// The webhook-id is the delivery's, fixed at enqueue: the same on every attempt and redelivery.
import { openSecret } from "@/lib/auth/totp";
import type { Db } from "@/lib/db/create-client";
import { audit } from "@/lib/audit";
import { retryOnConnectionError } from "./db-retry";
import { deliveryId } from "./ids";
import { enqueueDeliveries } from "./outbox";
import { QUEUES, sendInTransaction } from "./queue";
import { nextWebhookDelayMs, parseRetryAfter } from "./schedule";
import { postWebhook, type LookupFn } from "./webhook-http";
import { signWebhook } from "./webhook-signing";

export interface WebhookJobContext {
  db: Db;
  secret: string;
  portalUrl: string;
  /** WEBHOOK_ALLOW_HOSTS (tests only). */
  allow: Set<string>;
  lookup?: LookupFn;
  timeoutMs?: number;
  now?: () => number;
  random?: () => number;
}

const FINAL = new Set(["delivered", "failed", "suppressed", "skipped"]);

/** The exact bytes sent and signed: the same on every attempt (timestamp = when it was queued). */
export function webhookBody(d: { event: unknown; createdAt: Date }): string {
  const e = (d.event ?? {}) as { type?: string; data?: unknown };
  return JSON.stringify({ type: e.type, timestamp: d.createdAt.toISOString(), data: e.data ?? null });
}

/** Current secret, plus the previous one while a rotation's window is open. */
export function signingSecrets(endpoint: { secretSealed: string; previousSecretSealed: string | null; previousSecretExpiresAt: Date | null }, serverSecret: string, now: number): string[] {
  const out: string[] = [];
  const current = openSecret(endpoint.secretSealed, serverSecret);
  if (current) out.push(current);
  if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt.getTime() > now) {
    const prev = openSecret(endpoint.previousSecretSealed, serverSecret);
    if (prev) out.push(prev);
  }
  return out;
}

export async function runWebhookJob(ctx: WebhookJobContext, id: string): Promise<void> {
  const now = ctx.now ?? Date.now;
  const { db } = ctx;
  const d = await db.delivery.findUnique({ where: { id }, include: { endpoint: true } });
  if (!d || d.channel !== "webhook" || FINAL.has(d.status)) return;
  const endpoint = d.endpoint;
  if (!endpoint || endpoint.disabledAt) {
    await db.delivery.update({ where: { id }, data: { status: "skipped", lastError: "endpoint disabled" } });
    return;
  }
  const secrets = signingSecrets(endpoint, ctx.secret, now());
  if (secrets.length === 0) {
    await db.delivery.update({ where: { id }, data: { status: "failed", lastError: "endpoint secret unreadable (server secret changed?)" } });
    return;
  }
  const body = webhookBody(d);
  const result = await postWebhook({
    url: endpoint.url,
    body,
    headers: { ...signWebhook(secrets, d.messageId, body, now()) },
    allow: ctx.allow,
    lookup: ctx.lookup,
    timeoutMs: ctx.timeoutMs,
  });
  const attempts = d.attempts + 1;
  const log = { id: deliveryId("att"), code: result.status, ok: result.ok, error: result.error ?? null, durationMs: result.durationMs };
  const at = new Date(now());

  if (result.ok) {
    // The receiver has it: this record must outlive a database restart (or the retry re-sends).
    await retryOnConnectionError(() =>
      db.delivery.update({ where: { id }, data: { status: "delivered", attempts, lastError: null, lastAttemptAt: at, deliveredAt: at, nextAttemptAt: null, attemptLog: { create: log } } }),
    );
    return;
  }
  if (result.status === 410) {
    await db.$transaction(async (tx) => {
      await tx.delivery.update({ where: { id }, data: { status: "failed", attempts, lastError: "http 410: endpoint disabled", lastAttemptAt: at, nextAttemptAt: null, attemptLog: { create: log } } });
      await disableEndpoint(tx, endpoint, "gone", at);
    });
    return;
  }
  const delay = nextWebhookDelayMs(attempts, parseRetryAfter(result.retryAfter, now()), ctx.random);
  await db.$transaction(async (tx) => {
    if (delay === null) {
      await tx.delivery.update({ where: { id }, data: { status: "failed", attempts, lastError: result.error ?? "failed", lastAttemptAt: at, nextAttemptAt: null, attemptLog: { create: log } } });
      await disableEndpoint(tx, endpoint, "failing", at);
      return;
    }
    const next = new Date(at.getTime() + delay);
    await tx.delivery.update({ where: { id }, data: { status: "retrying", attempts, lastError: result.error ?? "failed", lastAttemptAt: at, nextAttemptAt: next, attemptLog: { create: log } } });
    await sendInTransaction(tx, QUEUES.webhook, { deliveryId: id }, { startAfter: Math.ceil(delay / 1000) });
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Disables an endpoint, audits it, and (once) emails its owner through the outbox. */
async function disableEndpoint(tx: Tx, endpoint: { id: string; userId: string; url: string }, reason: "gone" | "failing", at: Date) {
  const changed = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, disabledAt: null }, data: { disabledAt: at, disabledReason: reason } });
  if (changed.count === 0) return;
  await audit(tx, { actorKind: "system", action: "webhook.endpoint_disabled", targetType: "webhook_endpoint", targetId: endpoint.id, details: { reason } });
  const owner = await tx.user.findUnique({ where: { id: endpoint.userId }, select: { email: true } });
  if (!owner?.email) return;
  const why = reason === "gone" ? "it answered 410 Gone" : "every attempt of a delivery failed for about three days";
  await enqueueDeliveries(tx, [
    {
      idempotencyKey: `webhook-disabled:${endpoint.id}:${at.toISOString()}`,
      channel: "email",
      to: { email: owner.email },
      subject: "Portolan: a webhook endpoint was disabled",
      text: `Your webhook endpoint ${endpoint.url} was disabled because ${why}.\n\nFix the receiver, then enable it again under Account → Subscriptions, where the delivery log shows each attempt.`,
    },
  ]);
}
