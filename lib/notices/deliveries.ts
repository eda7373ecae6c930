// What publishing a notice sends, written to the outbox in the publishing transaction
// (lib/delivery/outbox.ts): one email per person and one webhook per endpoint.
//
// Who: the owners of every app whose keys called an affected operation in the last 90 days
// (noticeAudience: from the usage the key verification records), even if they never subscribed,
// with their own calls listed; every confirmed subscriber of the API (or of all APIs) whose
// filter takes deprecations; every active webhook endpoint likewise. An owner who is also a
// subscriber gets the owner's message, once. An address that unsubscribed from the API (or
// from everything) gets nothing, targeted or not; suppressed addresses are skipped at send.
import type { Prisma } from "@/lib/generated/prisma/client";
import { ALL_APIS, enqueueDeliveries, subscribersFor, type EnqueueResult, type OutboxMessage } from "@/lib/delivery/outbox";
import { noticeAudience, type AppReach } from "./audience";
import { noticePath } from "./urls";

type Tx = Prisma.TransactionClient;

export const TARGET_DAYS = 90;

export interface PublishedNotice {
  id: string;
  apiId: string;
  title: string;
  body: string;
  migrationGuide: string;
  versions: string[];
  operations: string[];
  deprecatedAt: Date | null;
  sunsetAt: Date | null;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function noticeText(n: PublishedNotice, url: string): string {
  const lines = [`${n.title}`, "", `API: ${n.apiId}${n.versions.length ? ` (versions ${n.versions.join(", ")})` : ""}`];
  if (n.deprecatedAt) lines.push(`Deprecated: ${day(n.deprecatedAt)}`);
  if (n.sunsetAt) lines.push(`Stops working (sunset): ${day(n.sunsetAt)}`);
  if (n.operations.length) lines.push("", "Affected operations:", ...n.operations.map((o) => `  ${o}`));
  if (n.body.trim()) lines.push("", n.body.trim());
  if (n.migrationGuide.trim()) lines.push("", "How to migrate:", n.migrationGuide.trim());
  lines.push("", `Details: ${url}`);
  return lines.join("\n");
}

function ownerText(apps: AppReach[], days: number): string {
  const lines = ["", `Your apps called affected operations in the last ${days} days:`];
  for (const a of apps) {
    lines.push(`  ${a.name}:`);
    for (const c of a.calls) lines.push(`    ${c.operation} — ${c.calls.toLocaleString("en")} call${c.calls === 1 ? "" : "s"}`);
  }
  return lines.join("\n");
}

/** Addresses that unsubscribed from this API or from every API. */
async function optedOut(tx: Tx, apiId: string, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await tx.emailSubscription.findMany({ where: { email: { in: emails }, api: { in: [apiId, ALL_APIS] }, status: "unsubscribed" }, select: { email: true } });
  return new Set(rows.map((r) => r.email));
}

/** Owners (email → their apps that called the notice's operations in the last `days` days), opted-out ones removed. */
async function callingOwners(tx: Tx, n: PublishedNotice, days: number, now?: Date): Promise<Map<string, AppReach[]>> {
  const audience = await noticeAudience(tx, n, { days, now });
  const appsByOwner = new Map<string, AppReach[]>();
  for (const app of audience.apps) for (const owner of app.owners) appsByOwner.set(owner, [...(appsByOwner.get(owner) ?? []), app]);
  for (const email of await optedOut(tx, n.apiId, [...appsByOwner.keys()])) appsByOwner.delete(email);
  return appsByOwner;
}

const urlOf = (n: PublishedNotice, portalUrl: string) => new URL(noticePath(n.apiId, n.id), portalUrl).href;

export async function enqueueNoticeDeliveries(tx: Tx, n: PublishedNotice, opts: { portalUrl: string; now?: Date }): Promise<EnqueueResult> {
  const url = urlOf(n, opts.portalUrl);
  const subject = `Deprecation: ${n.title}${n.sunsetAt ? ` (sunset ${day(n.sunsetAt)})` : ""}`;
  const text = noticeText(n, url);

  const appsByOwner = await callingOwners(tx, n, TARGET_DAYS, opts.now);
  const { emails, webhooks } = await subscribersFor(tx, { api: n.apiId, severity: "deprecation" });
  const listOf = new Map(emails.map((s) => [s.email, s.list]));

  const messages: OutboxMessage[] = [];
  for (const [email, apps] of appsByOwner) {
    messages.push({ idempotencyKey: `notice:${n.id}:email:${email}`, channel: "email", to: { email }, listId: listOf.get(email) ?? { api: n.apiId }, subject, text: text + "\n" + ownerText(apps, TARGET_DAYS) });
  }
  for (const s of emails) {
    if (appsByOwner.has(s.email)) continue;
    messages.push({ idempotencyKey: `notice:${n.id}:email:${s.email}`, channel: "email", to: { email: s.email }, listId: s.list, subject, text });
  }
  const data = { id: n.id, api: n.apiId, title: n.title, versions: n.versions, operations: n.operations, deprecatedAt: day(n.deprecatedAt), sunsetAt: day(n.sunsetAt), url };
  for (const w of webhooks) {
    messages.push({ idempotencyKey: `notice:${n.id}:webhook:${w.endpointId}`, channel: "webhook", to: { endpointId: w.endpointId }, subject, text: subject, event: { type: "deprecation.published", data } });
  }
  return enqueueDeliveries(tx, messages);
}

/** Owners whose keys called the notice's operations in the last `STILL_CALLING_DAYS` days. */
export const STILL_CALLING_DAYS = 7;

/**
 * A reminder before the sunset (`daysLeft`: 90, 30, 7 or 1) to the owners still calling the
 * affected operations. One per owner, notice and threshold (the outbox key).
 */
export async function enqueueSunsetReminder(tx: Tx, n: PublishedNotice, daysLeft: number, opts: { portalUrl: string; now?: Date }): Promise<EnqueueResult> {
  const owners = await callingOwners(tx, n, STILL_CALLING_DAYS, opts.now);
  const when = daysLeft === 1 ? "tomorrow" : `in ${daysLeft} days`;
  const subject = `Reminder: ${n.title} stops working ${when} (${day(n.sunsetAt)})`;
  const text = noticeText(n, urlOf(n, opts.portalUrl));
  const messages: OutboxMessage[] = [...owners].map(([email, apps]) => ({
    idempotencyKey: `notice:${n.id}:reminder:${daysLeft}:email:${email}`,
    channel: "email",
    to: { email },
    listId: { api: n.apiId },
    subject,
    text: `Your apps still call operations that stop working ${when}.\n\n${text}\n${ownerText(apps, STILL_CALLING_DAYS)}`,
  }));
  return enqueueDeliveries(tx, messages);
}
