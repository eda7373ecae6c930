// Publishing a notice writes its deliveries in the same transaction (SEC-F4): one email per
// person — app owners whose keys called an affected operation (with their calls listed), plus
// subscribers — each with a queued job; nothing for an address that unsubscribed; nothing twice
// when a notice is withdrawn and published again; nothing at all when the outbox refuses.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { jobsFor } from "@/lib/delivery/outbox";
import { deliveryId } from "@/lib/delivery/ids";
import { installQueue } from "@/lib/delivery/queue";
import { newId } from "@/lib/ids";
import { createApiKey } from "@/lib/keys/store";
import { testDb } from "@/tests/db";
import { dueReminder, sendDueReminders } from "./reminders";
import { publishNotice, withdrawNotice, type Actor } from "./store";

vi.mock("server-only", () => ({}));

const db = testDb();
const run = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const API = `dlv${run}`;
const mail = (who: string) => `${who}-${run}@example.test`;
let admin: Actor;
const system = { userId: null, kind: "system" as const };

async function ownerWithUsage(who: string, calls: number): Promise<void> {
  const user = await db.user.create({ data: { id: newId("usr"), email: mail(who) } });
  const app = await db.app.create({ data: { id: newId("app"), name: `${who}'s app`, ownerUserId: user.id, createdById: user.id } });
  const key = await createApiKey(db, { appId: app.id, name: "k", scopes: [`${API}:read`] }, system);
  const today = new Date(new Date().toISOString().slice(0, 10));
  await db.keyUsageDaily.create({ data: { keyId: key.id, day: today, apiId: API, version: "v2", operation: "GET /current", calls } });
}

const subscribe = (email: string, api: string, severity: string, status = "confirmed") =>
  db.emailSubscription.create({ data: { id: deliveryId("sub"), email, api, severity, status } });

async function draft(title: string): Promise<string> {
  const id = newId("ntc");
  await db.deprecationNotice.create({
    data: { id, source: "admin", status: "draft", apiId: API, title, body: "GET /current goes away.", migrationGuide: "Call GET /conditions instead.", operations: ["v2 GET /current"], versions: ["v2"], sunsetAt: new Date("2027-06-30T00:00:00Z") },
  });
  return id;
}

// Other test files share the database (subscribers of every API, webhook endpoints): only this
// file's addresses are asserted on.
const deliveriesOf = (noticeId: string) =>
  db.delivery.findMany({ where: { idempotencyKey: { startsWith: `notice:${noticeId}:` }, email: { endsWith: `-${run}@example.test` } }, orderBy: { email: "asc" } });

beforeAll(async () => {
  await installQueue(inject("databaseUrl"));
  const a = await db.user.create({ data: { id: newId("usr"), email: mail("admin"), role: "admin" } });
  admin = { userId: a.id, isAdmin: true };
  await ownerWithUsage("owner", 42); // also a subscriber: one message, the owner's
  await subscribe(mail("owner"), API, "all");
  await ownerWithUsage("quiet", 7); // unsubscribed from this API: nothing
  await subscribe(mail("quiet"), API, "all", "unsubscribed");
  await subscribe(mail("sub"), API, "breaking");
  await subscribe(mail("docs-only"), API, "all", "pending"); // never confirmed: nothing
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("publishing a notice queues its deliveries in the same transaction", () => {
  it("one email per person: owners with their calls, subscribers; each with a job", async () => {
    const id = await draft("Current conditions endpoint retires");
    await publishNotice(db, id, admin);
    const rows = await deliveriesOf(id);
    expect(rows.map((r) => r.email)).toEqual([mail("owner"), mail("sub")]);
    const owner = rows.find((r) => r.email === mail("owner"))!;
    expect(owner.text).toContain("owner's app");
    expect(owner.text).toMatch(/GET \/current — 42 calls/);
    expect(owner.subject).toBe("Deprecation: Current conditions endpoint retires (sunset 2027-06-30)");
    expect(owner.listApi).toBe(API); // List-Unsubscribe for this API's list
    const sub = rows.find((r) => r.email === mail("sub"))!;
    expect(sub.text).toContain("Call GET /conditions instead.");
    expect(sub.text).not.toContain("calls");
    const jobs = await jobsFor(db, rows.map((r) => r.id));
    expect(jobs).toHaveLength(2);
    expect((await db.auditEvent.count({ where: { action: "notice.published", targetId: id } }))).toBe(1);

    // Withdrawn and published again: the same recipients are not queued twice.
    await withdrawNotice(db, id, admin);
    await publishNotice(db, id, admin);
    expect(await deliveriesOf(id)).toHaveLength(2);
  });

  it("an outbox that refuses a message rolls the whole publication back: no status change, no rows, no audit", async () => {
    const id = await draft("Rolled back");
    // An address the outbox refuses (longer than any valid one) makes enqueueDeliveries throw.
    const bad = await subscribe(`${"x".repeat(330)}-${run}@example.test`, API, "all");
    await expect(publishNotice(db, id, admin)).rejects.toThrow();
    expect((await db.deprecationNotice.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    expect(await deliveriesOf(id)).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { action: "notice.published", targetId: id } })).toBe(0);
    await db.emailSubscription.delete({ where: { id: bad.id } });
    await publishNotice(db, id, admin);
    expect((await deliveriesOf(id)).map((r) => r.email)).toEqual([mail("owner"), mail("sub")]);
  });
});

describe("sunset reminders", () => {
  const DAY = 86_400_000;
  const sunset = new Date("2027-06-30T00:00:00Z");

  it("the latest threshold reached since publication, once; none after the sunset", () => {
    const publishedAt = new Date(sunset.getTime() - 200 * DAY);
    expect(dueReminder({ sunsetAt: sunset, publishedAt }, new Date(sunset.getTime() - 100 * DAY))).toBeNull();
    expect(dueReminder({ sunsetAt: sunset, publishedAt }, new Date(sunset.getTime() - 90 * DAY))).toBe(90);
    expect(dueReminder({ sunsetAt: sunset, publishedAt }, new Date(sunset.getTime() - 20 * DAY))).toBe(30);
    expect(dueReminder({ sunsetAt: sunset, publishedAt }, new Date(sunset.getTime() - 3 * DAY))).toBe(7);
    expect(dueReminder({ sunsetAt: sunset, publishedAt }, new Date(sunset.getTime() - 12 * 3_600_000))).toBe(1);
    expect(dueReminder({ sunsetAt: sunset, publishedAt }, new Date(sunset.getTime() + DAY))).toBeNull();
    // Published 5 days before the sunset: the notice itself was the news; the 1-day reminder follows.
    const late = new Date(sunset.getTime() - 5 * DAY);
    expect(dueReminder({ sunsetAt: sunset, publishedAt: late }, new Date(sunset.getTime() - 4 * DAY))).toBeNull();
    expect(dueReminder({ sunsetAt: sunset, publishedAt: late }, new Date(sunset.getTime() - 0.5 * DAY))).toBe(1);
  });

  it("reaches the owners still calling (the last 7 days), once per threshold", async () => {
    const id = await draft("Reminded");
    await publishNotice(db, id, admin);
    await db.deprecationNotice.update({ where: { id }, data: { publishedAt: new Date(Date.now() - 60 * DAY), sunsetAt: new Date(Date.now() + 20 * DAY) } });
    const reminders = () => db.delivery.findMany({ where: { idempotencyKey: { startsWith: `notice:${id}:reminder:` }, email: { endsWith: `-${run}@example.test` } } });
    await sendDueReminders(db, { portalUrl: "http://127.0.0.1:3000" });
    const sent = await reminders();
    expect(sent.map((r) => r.email)).toEqual([mail("owner")]); // "quiet" unsubscribed; "sub" owns no app
    expect(sent[0]!.idempotencyKey).toContain(":reminder:30:");
    expect(sent[0]!.subject).toMatch(/^Reminder: Reminded stops working in 30 days/);
    expect(sent[0]!.text).toMatch(/GET \/current — 42 calls/);
    await sendDueReminders(db, { portalUrl: "http://127.0.0.1:3000" });
    expect(await reminders()).toHaveLength(1);
  });
});
