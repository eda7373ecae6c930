// The outbox: the seam between whoever publishes (deprecation notices, reminders, tests) and
// delivery. `enqueueDeliveries` writes one Delivery row per message AND its pg-boss job in the
// caller's transaction: a rolled-back publish leaves neither (SEC-F4); a committed one has both,
// so there is no "published but never queued" window. Workers (worker.ts) do the sending.
//
// Shape (for the notice publisher):
//   await db.$transaction(async (tx) => {
//     const notice = await tx.notice.update(…published…);
//     const { emails, webhooks } = await subscribersFor(tx, { api: notice.api, severity: "deprecation" });
//     await enqueueDeliveries(tx, [
//       ...emails.map((s) => ({ idempotencyKey: `notice:${notice.id}:email:${s.email}`, channel: "email",
//           to: { email: s.email }, listId: { api: s.list }, subject, text, html })),
//       ...webhooks.map((w) => ({ idempotencyKey: `notice:${notice.id}:webhook:${w.endpointId}`, channel: "webhook",
//           to: { endpointId: w.endpointId }, subject, text, event: { type: "deprecation.published", data } })),
//     ]);
//   });
// The idempotency key is the caller's: the same key twice is queued once (the second is reported
// as a duplicate), so a publish that is retried does not send twice.
import crypto from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliveryId } from "./ids";
import { QUEUE_SCHEMA, QUEUES, sendInTransaction, type QueueName } from "./queue";

export type Tx = Prisma.TransactionClient;

/** A list for List-Unsubscribe: one API, or every API (`null`). */
export interface ListId {
  api: string | null;
}

export interface OutboxMessage {
  /** One per recipient and notice, chosen by the publisher. */
  idempotencyKey: string;
  channel: "email" | "webhook";
  to: { email: string } | { endpointId: string };
  subject: string;
  /** Plain-text body (email); for webhooks a short summary kept in the delivery log. */
  text: string;
  html?: string;
  /** The webhook JSON body: `{ type, timestamp, data }` (timestamp added at send). */
  event?: { type: string; data: unknown };
  /** Email: the list this mail belongs to; adds RFC 8058 List-Unsubscribe headers. */
  listId?: ListId;
}

const MessageSchema = z.discriminatedUnion("channel", [
  z.object({
    idempotencyKey: z.string().min(1).max(300),
    channel: z.literal("email"),
    to: z.object({ email: z.string().min(3).max(320) }).strict(),
    subject: z.string().min(1).max(300),
    text: z.string().min(1).max(200_000),
    html: z.string().max(500_000).optional(),
    event: z.undefined().optional(),
    listId: z.object({ api: z.string().max(100).nullable() }).optional(),
  }),
  z.object({
    idempotencyKey: z.string().min(1).max(300),
    channel: z.literal("webhook"),
    to: z.object({ endpointId: z.string().min(1).max(60) }).strict(),
    subject: z.string().min(1).max(300),
    text: z.string().max(200_000),
    html: z.undefined().optional(),
    event: z.object({ type: z.string().regex(/^[a-z0-9_.-]{1,100}$/), data: z.unknown() }),
    listId: z.undefined().optional(),
  }),
]);

/** "*" in the database stands for "every API" (a unique key cannot hold NULL). */
export const ALL_APIS = "*";
export const listKey = (l: ListId): string => l.api ?? ALL_APIS;

export interface EnqueueResult {
  /** Delivery ids written (one job each). */
  queued: string[];
  /** Idempotency keys that already had a delivery: nothing written for them. */
  duplicates: string[];
}

/**
 * Writes the deliveries and their jobs in `tx` (an interactive transaction: `db.$transaction(async (tx) => …)`).
 * Throws on an invalid message, an unknown webhook endpoint, or a job that could not be queued;
 * the caller's transaction then rolls back whole.
 */
export async function enqueueDeliveries(tx: Tx, messages: OutboxMessage[]): Promise<EnqueueResult> {
  const parsed = messages.map((m) => MessageSchema.parse(m));
  const queued: string[] = [];
  const duplicates: string[] = [];
  for (const m of parsed) {
    const id = deliveryId("dlv");
    // ON CONFLICT DO NOTHING on the idempotency key: a row comes back only when it is new.
    const rows = await tx.delivery.createManyAndReturn({
      skipDuplicates: true,
      select: { id: true },
      data: {
        id,
        idempotencyKey: m.idempotencyKey,
        channel: m.channel,
        email: m.channel === "email" ? m.to.email : null,
        endpointId: m.channel === "webhook" ? m.to.endpointId : null,
        listApi: m.channel === "email" && m.listId ? listKey(m.listId) : null,
        subject: m.subject,
        text: m.text,
        html: m.html ?? null,
        event: m.channel === "webhook" ? (JSON.parse(JSON.stringify(m.event)) as Prisma.InputJsonValue) : undefined,
        // Message-ID (email, built as <id@host> at send) or webhook-id: fixed now, same on every retry.
        messageId: m.channel === "email" ? id : `msg_${crypto.randomBytes(16).toString("base64url")}`,
      },
    });
    if (rows.length === 0) {
      duplicates.push(m.idempotencyKey);
      continue;
    }
    await sendInTransaction(tx, queueFor(m.channel), { deliveryId: id });
    queued.push(id);
  }
  return { queued, duplicates };
}

export const queueFor = (channel: "email" | "webhook"): QueueName => (channel === "email" ? QUEUES.email : QUEUES.webhook);

/** Jobs of our queues for a set of deliveries (tests, admin views). */
export async function jobsFor(tx: Pick<Tx, "$queryRawUnsafe">, deliveryIds: string[]): Promise<{ id: string; name: string; state: string }[]> {
  return tx.$queryRawUnsafe(`SELECT id::text, name, state::text FROM ${QUEUE_SCHEMA}.job WHERE data->>'deliveryId' = ANY($1::text[])`, deliveryIds);
}

// --- Who receives a notice -----------------------------------------------------------------------

/** A change's or notice's weight: subscribers on "breaking" get breaking changes and deprecations. */
export type NoticeSeverity = "breaking" | "deprecation" | "non-breaking" | "documentation";

export interface Recipients {
  /** Confirmed, not suppressed. `list` is the subscription's list, for List-Unsubscribe. */
  emails: { subscriptionId: string; email: string; list: ListId }[];
  /** Active endpoints (not disabled) whose API and severity filters match. */
  webhooks: { endpointId: string; userId: string }[];
}

/**
 * Subscribers of `api` (and of every API); `api: null` (a portal-wide notice) reaches only
 * subscribers of every API. An address subscribed to both the API and to all gets one entry (the
 * API's list). Visibility is the caller's business: only public APIs can be subscribed to
 * anonymously (/subscribe offers nothing else).
 */
export async function subscribersFor(tx: Tx, notice: { api: string | null; severity: NoticeSeverity }): Promise<Recipients> {
  const lists = notice.api ? [notice.api, ALL_APIS] : [ALL_APIS];
  const severities = notice.severity === "breaking" || notice.severity === "deprecation" ? ["breaking", "all"] : ["all"];
  const subs = await tx.emailSubscription.findMany({
    where: { status: "confirmed", api: { in: lists }, severity: { in: severities } },
    select: { id: true, email: true, api: true },
    orderBy: { createdAt: "asc" },
  });
  const suppressed = new Set(
    (await tx.emailSuppression.findMany({ where: { email: { in: [...new Set(subs.map((s) => s.email))] } }, select: { email: true } })).map((s) => s.email),
  );
  // A one-click unsubscribe from this API's list also holds for an "all APIs" subscription of
  // the same address (it asked to hear no more about this API).
  const optedOut = new Set(
    (await tx.emailSubscription.findMany({ where: { status: "unsubscribed", api: notice.api ?? ALL_APIS }, select: { email: true } })).map((s) => s.email),
  );
  const byEmail = new Map<string, Recipients["emails"][number]>();
  for (const s of subs) {
    if (suppressed.has(s.email) || optedOut.has(s.email)) continue;
    const entry = { subscriptionId: s.id, email: s.email, list: { api: s.api === ALL_APIS ? null : s.api } };
    const prev = byEmail.get(s.email);
    if (!prev || (prev.list.api === null && entry.list.api !== null)) byEmail.set(s.email, entry);
  }
  const endpoints = await tx.webhookEndpoint.findMany({
    where: {
      disabledAt: null,
      severity: { in: severities },
      ...(notice.api ? { OR: [{ apis: { has: notice.api } }, { apis: { isEmpty: true } }] } : { apis: { isEmpty: true } }),
    },
    select: { id: true, userId: true },
    orderBy: { createdAt: "asc" },
  });
  return { emails: [...byEmail.values()], webhooks: endpoints.map((e) => ({ endpointId: e.id, userId: e.userId })) };
}
