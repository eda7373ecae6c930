// Email subscriptions without an account (double opt-in), one-click unsubscribe, and the signed-in
// developer's own subscriptions and webhook endpoints. Takes the database as a parameter (like
// lib/rate-limit.ts) so route handlers, pages and tests share it; the callers authenticate.
import { audit } from "@/lib/audit";
import { normalizeEmail } from "@/lib/auth/email-address";
import { sealSecret } from "@/lib/auth/totp";
import type { Db } from "@/lib/db/create-client";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { sendMail, type MailEnv, type OutgoingMail } from "@/lib/mail/send";
import { deliveryId } from "./ids";
import { ALL_APIS } from "./outbox";
import { QUEUES, sendInTransaction } from "./queue";
import { hashToken, newConfirmToken, readUnsubscribeToken } from "./tokens";
import { newWebhookSecret } from "./webhook-signing";
import { checkWebhookUrl, type Resolver } from "./webhook-url";

export const CONFIRM_TTL_MS = 48 * 3600_000;
/** One confirmation mail per address per 24 h (SEC-F2: no mail-bombing a stranger). */
export const CONFIRM_PER_ADDRESS: RateLimitRule = { name: "subscribe-confirm-address", limit: 1, windowSeconds: 24 * 3600 };
/** Subscribe requests per client address per hour. */
export const SUBSCRIBE_PER_IP: RateLimitRule = { name: "subscribe-ip", limit: 20, windowSeconds: 3600 };

export type Severity = "breaking" | "all";
export const SEVERITIES: readonly Severity[] = ["breaking", "all"];

export type SubscribeResult = { ok: true } | { ok: false; reason: "invalid-email" | "unknown-api"; message: string } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export interface SubscribeInput {
  email: unknown;
  /** An API id or "*"; must be one of `allowedApis` (public APIs) or "*". */
  api: string;
  severity: Severity;
  ip: string | null;
}

/**
 * Anyone: records a pending subscription and mails a confirmation link (48 h, once). The answer
 * is the same whether or not the address is already subscribed. An already-confirmed
 * subscription keeps working; asking again only updates nothing until confirmed.
 */
export async function requestSubscription(db: Db, mail: MailEnv, input: SubscribeInput, allowedApis: Set<string>, now = Date.now()): Promise<SubscribeResult> {
  const parsed = normalizeEmail(input.email);
  if (!parsed.ok) return { ok: false, reason: "invalid-email", message: parsed.reason };
  if (input.api !== ALL_APIS && !allowedApis.has(input.api)) return { ok: false, reason: "unknown-api", message: "Choose an API from the list." };
  const email = parsed.email;
  if (input.ip) {
    const byIp = await hitRateLimit(db, SUBSCRIBE_PER_IP, input.ip);
    if (!byIp.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: byIp.retryAfterSeconds };
  }
  const byAddress = await hitRateLimit(db, CONFIRM_PER_ADDRESS, email);
  if (!byAddress.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: byAddress.retryAfterSeconds };

  const { token, hash } = newConfirmToken();
  const existing = await db.emailSubscription.findUnique({ where: { email_api: { email, api: input.api } } });
  if (existing?.status === "confirmed") {
    // Already subscribed: mail nothing new about it (the limit above was still counted).
    return { ok: true };
  }
  const expires = new Date(now + CONFIRM_TTL_MS);
  await db.emailSubscription.upsert({
    where: { email_api: { email, api: input.api } },
    create: { id: deliveryId("sub"), email, api: input.api, severity: input.severity, status: "pending", confirmTokenHash: hash, confirmExpiresAt: expires, confirmSentAt: new Date(now) },
    update: { severity: input.severity, status: "pending", confirmTokenHash: hash, confirmExpiresAt: expires, confirmSentAt: new Date(now) },
  });
  await sendMail(mail, db, confirmationMail(email, `${mail.portalUrl}/subscribe/confirm/${token}`, input.api, input.severity, mail.portalUrl));
  return { ok: true };
}

export function confirmationMail(to: string, url: string, api: string, severity: Severity, portalUrl: string): OutgoingMail {
  const what = `${api === ALL_APIS ? "all APIs" : `the ${api} API`} (${severity === "breaking" ? "breaking changes and deprecations" : "all changes"})`;
  const host = new URL(portalUrl).host;
  const text = [
    `Confirm your subscription to ${what} on Portolan (${host}).`,
    "",
    "Open this link and press the button on the page:",
    url,
    "",
    "The link works once and expires in 48 hours. If you did not ask for this, ignore this message: nothing is sent to you without the button.",
    "",
  ].join("\n");
  return { to, subject: "Confirm your Portolan subscription", text };
}

/** Spends a confirmation token (POST only). Unknown, spent and expired tokens all answer false. */
export async function confirmSubscription(db: Db, token: unknown, now = Date.now()): Promise<boolean> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return false;
  const hash = hashToken(token);
  // One UPDATE spends it: two concurrent POSTs cannot both confirm.
  const n = await db.emailSubscription.updateMany({
    where: { confirmTokenHash: hash, status: "pending", confirmExpiresAt: { gt: new Date(now) } },
    data: { status: "confirmed", confirmedAt: new Date(now), confirmTokenHash: null, confirmExpiresAt: null, unsubscribedAt: null },
  });
  return n.count === 1;
}

/**
 * One-click unsubscribe (RFC 8058). Always "done" to the caller: a tampered token changes nothing
 * and gets the same answer. Records an opt-out row when the address had none for that list
 * (targeted notices respect it too).
 */
export async function unsubscribeByToken(db: Db, serverSecret: string, token: string, now = Date.now()): Promise<void> {
  const who = readUnsubscribeToken(serverSecret, token);
  if (!who) return;
  await db.emailSubscription.upsert({
    where: { email_api: { email: who.email, api: who.list } },
    create: { id: deliveryId("sub"), email: who.email, api: who.list, severity: "all", status: "unsubscribed", unsubscribedAt: new Date(now) },
    update: { status: "unsubscribed", unsubscribedAt: new Date(now), confirmTokenHash: null, confirmExpiresAt: null },
  });
}

// --- Signed-in developers ------------------------------------------------------------------------

/** The account's verified address subscribes directly (its sign-in already proved it). */
export async function setAccountSubscription(db: Db, user: { id: string; email: string }, api: string, severity: Severity | "none"): Promise<void> {
  if (severity === "none") {
    await db.emailSubscription.updateMany({ where: { email: user.email, api }, data: { status: "unsubscribed", unsubscribedAt: new Date() } });
    return;
  }
  await db.emailSubscription.upsert({
    where: { email_api: { email: user.email, api } },
    create: { id: deliveryId("sub"), email: user.email, api, severity, status: "confirmed", confirmedAt: new Date(), userId: user.id },
    update: { severity, status: "confirmed", confirmedAt: new Date(), userId: user.id, unsubscribedAt: null, confirmTokenHash: null, confirmExpiresAt: null },
  });
}

export type EndpointInput = { url: string; apis: string[]; severity: Severity };
export type CreateEndpointResult = { ok: true; id: string; secret: string } | { ok: false; message: string };

export const MAX_ENDPOINTS_PER_USER = 10;

export async function createEndpoint(db: Db, serverSecret: string, userId: string, input: EndpointInput, allow: Set<string>, resolve?: Resolver): Promise<CreateEndpointResult> {
  const check = await checkWebhookUrl(input.url, allow, resolve);
  if (!check.ok) return { ok: false, message: `URL refused: ${check.reason}.` };
  if ((await db.webhookEndpoint.count({ where: { userId } })) >= MAX_ENDPOINTS_PER_USER) return { ok: false, message: `At most ${MAX_ENDPOINTS_PER_USER} endpoints per account.` };
  const secret = newWebhookSecret();
  const id = deliveryId("whe");
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.create({ data: { id, userId, url: check.url.href, apis: input.apis, severity: input.severity, secretSealed: sealSecret(secret, serverSecret) } });
    await audit(tx, { actorUserId: userId, actorKind: "user", action: "webhook.endpoint_created", targetType: "webhook_endpoint", targetId: id, details: { host: check.url.host } });
  });
  return { ok: true, id, secret };
}

/** New secret shown once; the old one keeps signing (second signature) for 24 h. */
export const ROTATION_WINDOW_MS = 24 * 3600_000;

export async function rotateEndpointSecret(db: Db, serverSecret: string, userId: string, endpointId: string): Promise<string | null> {
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const e = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, userId } });
    if (!e) return null;
    await tx.webhookEndpoint.update({
      where: { id: e.id },
      data: { secretSealed: sealSecret(secret, serverSecret), previousSecretSealed: e.secretSealed, previousSecretExpiresAt: new Date(Date.now() + ROTATION_WINDOW_MS) },
    });
    await audit(tx, { actorUserId: userId, actorKind: "user", action: "webhook.secret_rotated", targetType: "webhook_endpoint", targetId: e.id });
    return secret;
  });
}

export async function setEndpointEnabled(db: Db, userId: string, endpointId: string, enabled: boolean): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const n = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, userId }, data: enabled ? { disabledAt: null, disabledReason: null } : { disabledAt: new Date(), disabledReason: "owner" } });
    if (n.count) await audit(tx, { actorUserId: userId, actorKind: "user", action: enabled ? "webhook.endpoint_enabled" : "webhook.endpoint_disabled", targetType: "webhook_endpoint", targetId: endpointId, details: { reason: "owner" } });
    return n.count === 1;
  });
}

export async function deleteEndpoint(db: Db, userId: string, endpointId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const n = await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, userId } });
    if (n.count) await audit(tx, { actorUserId: userId, actorKind: "user", action: "webhook.endpoint_deleted", targetType: "webhook_endpoint", targetId: endpointId });
    return n.count === 1;
  });
}

/** Manual redeliver (audited): the same delivery, the same webhook-id, one new attempt now. */
export async function redeliver(db: Db, userId: string, deliveryIdToRetry: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const d = await tx.delivery.findFirst({ where: { id: deliveryIdToRetry, channel: "webhook", endpoint: { userId } }, select: { id: true, endpointId: true, status: true } });
    if (!d || d.status === "queued" || d.status === "retrying") return false;
    await tx.delivery.update({ where: { id: d.id }, data: { status: "queued", nextAttemptAt: new Date() } });
    await sendInTransaction(tx, QUEUES.webhook, { deliveryId: d.id });
    await audit(tx, { actorUserId: userId, actorKind: "user", action: "webhook.redeliver", targetType: "delivery", targetId: d.id, details: { endpoint: d.endpointId ?? "" } });
    return true;
  });
}

export async function accountSubscriptions(db: Db, user: { id: string; email: string }) {
  const [emails, endpoints] = await Promise.all([
    db.emailSubscription.findMany({ where: { email: user.email }, orderBy: { api: "asc" } }),
    db.webhookEndpoint.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, url: true, apis: true, severity: true, disabledAt: true, disabledReason: true, createdAt: true, previousSecretExpiresAt: true,
        deliveries: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, subject: true, status: true, attempts: true, lastError: true, lastAttemptAt: true, nextAttemptAt: true, createdAt: true, messageId: true } },
      },
    }),
  ]);
  const suppressed = await db.emailSuppression.findUnique({ where: { email: user.email } });
  return { emails, endpoints, suppressed };
}
