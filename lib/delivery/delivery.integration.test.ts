// Delivery on the real database (PGlite or DATABASE_URL) with a real SMTP server and loopback
// webhook receivers: outbox atomicity (SEC-F4), email headers and one-click unsubscribe
// (SEC-F1), SMTP outage and bounces (SEC-F3, F5 in small), webhook signatures, stable ids and
// retries (SEC-E1/E2/E6), SSRF at delivery (SEC-E3 level 2, E4, E5), subscriptions (SEC-F2).
import type PgBoss from "pg-boss";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newId } from "@/lib/ids";
import { sealSecret } from "@/lib/auth/totp";
import type { MailEnv } from "@/lib/mail/send";
import { testDb } from "@/tests/db";
import { allowListFrom } from "./address-filter";
import { RetryLater, runEmailJob, SOFT_BOUNCE_BUDGET } from "./email-job";
import { deliveryId } from "./ids";
import { enqueueDeliveries, jobsFor, subscribersFor, type OutboxMessage } from "./outbox";
import { QUEUE_SCHEMA, QUEUES, startQueue } from "./queue";
import { confirmSubscription, createEndpoint, redeliver, requestSubscription, rotateEndpointSecret, unsubscribeByToken } from "./subscriptions";
import { startReceiver, startTestSmtp, type TestReceiver, type TestSmtp } from "./test-support";
import { readUnsubscribeToken, unsubscribeToken } from "./tokens";
import { startDeliveryWorkers } from "./worker";
import { runWebhookJob, type WebhookJobContext } from "./webhook-job";
import { newWebhookSecret } from "./webhook-signing";

const db = testDb();
const SECRET = "delivery-test-server-secret-0123456789abcdef";
const run = Date.now().toString(36);
let boss: PgBoss;
let smtp: TestSmtp;
let mail: MailEnv;
let canary: TestReceiver;
let owner: { id: string; email: string };

const addr = (name: string) => `${name}-${run}@example.test`;
const key = (name: string) => `test:${run}:${name}`;
const allow = allowListFrom("127.0.0.2");

beforeAll(async () => {
  boss = await startQueue(inject("databaseUrl"), { max: 2 });
  smtp = await startTestSmtp();
  mail = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: "Portolan <notices@portal.test>", portalUrl: "https://portal.test", TRUSTED_PROXY_HOPS: 0 };
  canary = await startReceiver("127.0.0.1");
  owner = { id: newId("usr"), email: addr("owner") };
  await db.user.create({ data: { id: owner.id, email: owner.email } });
});

afterAll(async () => {
  // Leave nothing for a portal that later runs on this database (CI runs the e2e suite on it):
  // its workers would find these jobs, and a final delivery makes a job a no-op.
  await db.delivery.updateMany({
    where: { status: { in: ["queued", "retrying"] }, OR: [{ idempotencyKey: { startsWith: `test:${run}:` } }, { email: owner.email }] },
    data: { status: "skipped" },
  });
  await boss?.stop({ graceful: false, wait: true });
  await smtp?.stop();
  await canary?.stop();
  // SEC-E3 level 2: nothing ever reached the loopback canary.
  expect(canary.hits).toHaveLength(0);
  await db.$disconnect();
});

const emailMsg = (name: string, to: string, list: string | null = "weather"): OutboxMessage => ({
  idempotencyKey: key(name),
  channel: "email",
  to: { email: to },
  subject: `Notice ${name}`,
  text: `Body of ${name}`,
  listId: { api: list },
});

async function enqueue(messages: OutboxMessage[]) {
  return db.$transaction((tx) => enqueueDeliveries(tx, messages));
}

describe("outbox (SEC-F4)", () => {
  it("a rolled-back publish leaves no delivery and no job; a committed one leaves both", async () => {
    const boom = new Error("publish failed after enqueue");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueDeliveries(tx, [emailMsg("rolled-1", addr("r1")), emailMsg("rolled-2", addr("r2"))]);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await db.delivery.count({ where: { idempotencyKey: { in: [key("rolled-1"), key("rolled-2")] } } })).toBe(0);
    const jobsAfterRollback = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE data->>'deliveryId' NOT IN (SELECT id FROM "Delivery")`);
    expect(jobsAfterRollback[0]!.n).toBe(0);

    const r = await enqueue([emailMsg("committed-1", addr("c1")), emailMsg("committed-2", addr("c2"))]);
    expect(r.queued).toHaveLength(2);
    const jobs = await jobsFor(db, r.queued);
    expect(jobs.map((j) => j.name)).toEqual([QUEUES.email, QUEUES.email]);
    // Clean up: these are not for the email tests below.
    await db.delivery.updateMany({ where: { id: { in: r.queued } }, data: { status: "skipped" } });
  });

  it("the same idempotency key twice is queued once", async () => {
    const a = await enqueue([emailMsg("dup", addr("dup"))]);
    const b = await enqueue([emailMsg("dup", addr("dup"))]);
    expect(a.queued).toHaveLength(1);
    expect(b).toEqual({ queued: [], duplicates: [key("dup")] });
    expect(await jobsFor(db, a.queued)).toHaveLength(1);
    await db.delivery.updateMany({ where: { id: { in: a.queued } }, data: { status: "skipped" } });
  });

  it("refuses a malformed message and rolls the whole transaction back", async () => {
    await expect(enqueue([emailMsg("ok-part", addr("okp")), { ...emailMsg("bad", addr("bad")), channel: "webhook" } as OutboxMessage])).rejects.toThrow();
    expect(await db.delivery.count({ where: { idempotencyKey: key("ok-part") } })).toBe(0);
  });
});

describe("subscribersFor", () => {
  it("confirmed, unsuppressed, matching API and severity; one entry per address; active endpoints", async () => {
    const api = `api-${run}`;
    const mk = (email: string, a: string, severity: string, status = "confirmed") => db.emailSubscription.create({ data: { id: deliveryId("sub"), email, api: a, severity, status } });
    await mk(addr("s-break"), api, "breaking");
    await mk(addr("s-all"), api, "all");
    await mk(addr("s-star"), "*", "breaking");
    await mk(addr("s-both"), api, "all");
    await mk(addr("s-both"), "*", "all");
    await mk(addr("s-pending"), api, "all", "pending");
    await mk(addr("s-supp"), api, "all");
    await db.emailSuppression.create({ data: { email: addr("s-supp"), reason: "hard-bounce" } });
    await mk(addr("s-other"), `other-${run}`, "all");
    const e1 = await db.webhookEndpoint.create({ data: { id: deliveryId("whe"), userId: owner.id, url: "https://example.com/a", apis: [api], severity: "all", secretSealed: "x" } });
    const e2 = await db.webhookEndpoint.create({ data: { id: deliveryId("whe"), userId: owner.id, url: "https://example.com/b", apis: [api], severity: "breaking", secretSealed: "x", disabledAt: new Date() } });

    const breaking = await db.$transaction((tx) => subscribersFor(tx, { api, severity: "breaking" }));
    const mine = (r: typeof breaking) => r.emails.map((e) => e.email).filter((e) => e.endsWith(`${run}@example.test`)).sort();
    expect(mine(breaking)).toEqual([addr("s-all"), addr("s-both"), addr("s-break"), addr("s-star")].sort());
    expect(breaking.emails.find((e) => e.email === addr("s-both"))!.list).toEqual({ api });
    expect(breaking.emails.find((e) => e.email === addr("s-star"))!.list).toEqual({ api: null });
    expect(breaking.webhooks.map((w) => w.endpointId)).toContain(e1.id);
    expect(breaking.webhooks.map((w) => w.endpointId)).not.toContain(e2.id);

    const minor = await db.$transaction((tx) => subscribersFor(tx, { api, severity: "non-breaking" }));
    expect(mine(minor)).toEqual([addr("s-all"), addr("s-both")].sort());

    // One-click unsubscribe from this API's list stops the "all APIs" subscription for it too.
    await unsubscribeByToken(db, SECRET, unsubscribeToken(SECRET, addr("s-both"), api));
    const after = await db.$transaction((tx) => subscribersFor(tx, { api, severity: "breaking" }));
    expect(mine(after)).not.toContain(addr("s-both"));
  });
});

/** The test database, except that `hook` runs (and may throw or wait) before each "mark delivered" write. */
function beforeMarkedDelivered(hook: () => Promise<void>): typeof db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== "delivery") return Reflect.get(target, prop);
      return new Proxy(target.delivery, {
        get(d, p) {
          if (p !== "update") return Reflect.get(d, p);
          return async (args: { data: { status?: string } }) => {
            if (args.data.status === "delivered") await hook();
            return d.update(args as never);
          };
        },
      });
    },
  });
}

describe("email delivery (SEC-F1, F3, F5)", () => {
  it("sends with a stable Message-ID and RFC 8058 headers, each on one line", async () => {
    const to = addr("headers");
    const { queued } = await enqueue([emailMsg("headers", to, "weather")]);
    await runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: 0, retryLimit: 12 });
    const got = smtp.mails.filter((m) => m.to.includes(to));
    expect(got).toHaveLength(1);
    const m = got[0]!;
    expect(m.messageId).toBe(`<${queued[0]}@portal.test>`);
    expect(m.lines["list-unsubscribe-post"]).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const lu = m.lines["list-unsubscribe"]!;
    expect(lu).not.toMatch(/\r|\n/);
    const url = /^List-Unsubscribe: <(https:\/\/portal\.test\/api\/unsubscribe\/([^>]+))>$/.exec(lu);
    expect(url).not.toBeNull();
    const token = url![2]!;
    expect(readUnsubscribeToken(SECRET, token)).toEqual({ email: to, list: "weather" });
    // ≥ 128 bits: the MAC alone is 256.
    expect(Buffer.from(token.split(".")[1]!, "base64url").length).toBeGreaterThanOrEqual(16);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status).toBe("delivered");
    // A second run of the same job (a duplicate after a crash) sends nothing more.
    await runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: 1, retryLimit: 12 });
    expect(smtp.mails.filter((x) => x.to.includes(to))).toHaveLength(1);
  });

  it("a tampered unsubscribe token changes nothing; a real one unsubscribes and later mail is skipped", async () => {
    const to = addr("unsub");
    await db.emailSubscription.create({ data: { id: deliveryId("sub"), email: to, api: "weather", severity: "all", status: "confirmed" } });
    const token = unsubscribeToken(SECRET, to, "weather");
    for (const bad of [token.slice(0, -2) + "AA", token.replace(/^./, "x"), "garbage", `${token}.x`, unsubscribeToken("another-secret-of-sufficient-length-xx", to, "weather")]) {
      await unsubscribeByToken(db, SECRET, bad);
    }
    expect((await db.emailSubscription.findUniqueOrThrow({ where: { email_api: { email: to, api: "weather" } } })).status).toBe("confirmed");
    await unsubscribeByToken(db, SECRET, token);
    expect((await db.emailSubscription.findUniqueOrThrow({ where: { email_api: { email: to, api: "weather" } } })).status).toBe("unsubscribed");
    const { queued } = await enqueue([emailMsg("after-unsub", to, "weather")]);
    await runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: 0, retryLimit: 12 });
    expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(0);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status).toBe("skipped");
  });

  it("SMTP down, then up: retried, delivered once, one Message-ID", async () => {
    const to = addr("outage");
    const { queued } = await enqueue([emailMsg("outage", to)]);
    const port = smtp.port;
    await smtp.stop();
    await expect(runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: 0, retryLimit: 12 })).rejects.toBeInstanceOf(RetryLater);
    let d = await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } });
    expect(d.status).toBe("retrying");
    expect(d.lastError).toMatch(/^smtp (ECONNREFUSED|ECONNECTION|ESOCKET|connection error)/);
    smtp = await startTestSmtp(port, smtp);
    await runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: 1, retryLimit: 12 });
    d = await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } });
    expect(d).toMatchObject({ status: "delivered", attempts: 2 });
    const got = smtp.mails.filter((m) => m.to.includes(to));
    expect(got.map((m) => m.messageId)).toEqual([`<${queued[0]}@portal.test>`]);
    expect(await db.emailSuppression.findUnique({ where: { email: to } })).toBeNull();
  });

  it("a crash between the server's acceptance and our record re-sends with the same Message-ID", async () => {
    const to = addr("crash");
    const { queued } = await enqueue([emailMsg("crash", to)]);
    // A database client whose "mark delivered" fails once: the process died at that moment.
    let crashed = false;
    const crashing = beforeMarkedDelivered(async () => {
      if (crashed) return;
      crashed = true;
      throw new Error("worker killed");
    });
    const leaseMs = 400;
    await expect(runEmailJob({ db: crashing, mail, secret: SECRET, leaseMs }, queued[0]!, { retryCount: 0, retryLimit: 12 })).rejects.toThrow("worker killed");
    // The dead attempt holds the delivery until its lease lapses: a retry before that sends nothing.
    await expect(runEmailJob({ db, mail, secret: SECRET, leaseMs }, queued[0]!, { retryCount: 1, retryLimit: 12 })).rejects.toBeInstanceOf(RetryLater);
    expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(1);
    // pg-boss hands the job out again after its expiry (= the lease): it is sent a second time.
    await new Promise((r) => setTimeout(r, leaseMs + 100));
    await runEmailJob({ db, mail, secret: SECRET, leaseMs }, queued[0]!, { retryCount: 2, retryLimit: 12 });
    const got = smtp.mails.filter((m) => m.to.includes(to));
    expect(got).toHaveLength(2);
    expect(new Set(got.map((m) => m.messageId))).toEqual(new Set([`<${queued[0]}@portal.test>`]));
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status).toBe("delivered");
  });

  it("SEC-F6a: while an attempt waits to record an acceptance, a second job for it sends nothing, in this process or another", async () => {
    const to = addr("overlap");
    const { queued } = await enqueue([emailMsg("overlap", to)]);
    const id = queued[0]!;
    // The database is unreachable for the first attempt's "delivered" write until `reachable`:
    // pg-boss meanwhile expires the job and hands it out again.
    let reachable!: () => void;
    const gate = new Promise<void>((r) => (reachable = r));
    const waiting = beforeMarkedDelivered(() => gate);
    const thisProcess = new Set<string>();
    const first = runEmailJob({ db: waiting, mail, secret: SECRET, inFlight: thisProcess, leaseMs: 60_000 }, id, { retryCount: 0, retryLimit: 12 });
    const t0 = Date.now();
    while (!smtp.mails.some((m) => m.to.includes(to))) {
      if (Date.now() - t0 > 10_000) throw new Error("the first attempt never reached the mail server");
      await new Promise((r) => setTimeout(r, 20));
    }
    await expect(runEmailJob({ db, mail, secret: SECRET, inFlight: thisProcess, leaseMs: 60_000 }, id, { retryCount: 1, retryLimit: 12 })).rejects.toBeInstanceOf(RetryLater);
    await expect(runEmailJob({ db, mail, secret: SECRET, inFlight: new Set(), leaseMs: 60_000 }, id, { retryCount: 1, retryLimit: 12 })).rejects.toBeInstanceOf(RetryLater);
    // On the last retry the job gives up without sending, and the first attempt's record wins.
    await runEmailJob({ db, mail, secret: SECRET, inFlight: new Set(), leaseMs: 60_000 }, id, { retryCount: 12, retryLimit: 12 });
    reachable();
    await first;
    expect(thisProcess.size).toBe(0);
    await runEmailJob({ db, mail, secret: SECRET, inFlight: new Set(), leaseMs: 60_000 }, id, { retryCount: 2, retryLimit: 12 });
    expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect(await db.delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "delivered", attempts: 1, sendingUntil: null });
  });

  it("550 on RCPT suppresses the address at once; nothing further is sent to it", async () => {
    const to = addr("hard");
    smtp.refuse.set(to, { code: 550, message: "5.1.1 No such user here (mailbox secret-internal-detail)" });
    const { queued } = await enqueue([emailMsg("hard-1", to), emailMsg("hard-2", to)]);
    await runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: 0, retryLimit: 12 });
    const d = await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } });
    expect(d.status).toBe("suppressed");
    expect(d.lastError).toBe("smtp 550 5.1.1");
    expect(await db.emailSuppression.findUnique({ where: { email: to } })).toMatchObject({ reason: "hard-bounce", detail: "smtp 550 5.1.1" });
    smtp.refuse.delete(to);
    await runEmailJob({ db, mail, secret: SECRET }, queued[1]!, { retryCount: 0, retryLimit: 12 });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[1] } })).status).toBe("suppressed");
    expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(0);
  });

  it("451 is retried, and suppresses only after the soft-bounce budget", async () => {
    const to = addr("soft");
    smtp.refuse.set(to, { code: 451, message: "4.7.1 Try again later" });
    const { queued } = await enqueue([emailMsg("soft", to)]);
    for (let i = 0; i < SOFT_BOUNCE_BUDGET - 1; i++) {
      await expect(runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: i, retryLimit: 12 })).rejects.toBeInstanceOf(RetryLater);
      expect(await db.emailSuppression.findUnique({ where: { email: to } })).toBeNull();
    }
    await runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: SOFT_BOUNCE_BUDGET - 1, retryLimit: 12 });
    expect(await db.emailSuppression.findUnique({ where: { email: to } })).toMatchObject({ reason: "soft-bounce" });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).attempts).toBe(SOFT_BOUNCE_BUDGET);
    smtp.refuse.delete(to);
  });

  it("through the real workers: a committed enqueue is delivered by pg-boss", async () => {
    const to = addr("worker");
    const workers = await startDeliveryWorkers({ databaseUrl: inject("databaseUrl"), db, mail, secret: SECRET, pollingIntervalSeconds: 0.5, emailWorkers: 1, webhookWorkers: 1 });
    try {
      const { queued } = await enqueue([emailMsg("worker", to)]);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && smtp.mails.filter((m) => m.to.includes(to)).length === 0) await new Promise((r) => setTimeout(r, 200));
      expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(1);
      await expect.poll(async () => (await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status, { timeout: 5000 }).toBe("delivered");
    } finally {
      await workers.stop();
    }
  });
});

describe("several instances (SEC-H5 in small)", () => {
  it("two worker sets on one queue: every message sent exactly once", async () => {
    const url = inject("databaseUrl");
    const opts = { databaseUrl: url, db, mail, secret: SECRET, pollingIntervalSeconds: 0.5, emailWorkers: 2, webhookWorkers: 0 };
    const [a, b] = await Promise.all([startDeliveryWorkers(opts), startDeliveryWorkers(opts)]);
    try {
      const to = Array.from({ length: 30 }, (_, i) => addr(`multi-${i}`));
      const { queued } = await enqueue(to.map((t, i) => emailMsg(`multi-${i}`, t)));
      expect(queued).toHaveLength(30);
      await expect.poll(async () => db.delivery.count({ where: { id: { in: queued }, status: "delivered" } }), { timeout: 45_000, interval: 500 }).toBe(30);
      for (const t of to) expect(smtp.mails.filter((m) => m.to.includes(t))).toHaveLength(1);
      expect(await db.deliveryAttempt.count({ where: { deliveryId: { in: queued } } })).toBe(30);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe("webhook delivery (SEC-E1, E2, E3, E4, E5, E6)", () => {
  let receiver: TestReceiver;
  const ctx = (extra: Partial<WebhookJobContext> = {}): WebhookJobContext => ({ db, secret: SECRET, portalUrl: "https://portal.test", allow, random: () => 0.5, ...extra });

  beforeAll(async () => {
    receiver = await startReceiver("127.0.0.2");
  });
  afterAll(async () => {
    await receiver.stop();
  });

  async function endpointFor(url: string, secret = newWebhookSecret()) {
    const id = deliveryId("whe");
    await db.webhookEndpoint.create({ data: { id, userId: owner.id, url, apis: [], severity: "all", secretSealed: sealSecret(secret, SECRET) } });
    return { id, secret };
  }
  const hook = (name: string, endpointId: string): OutboxMessage => ({
    idempotencyKey: key(name),
    channel: "webhook",
    to: { endpointId },
    subject: `Hook ${name}`,
    text: "",
    event: { type: "deprecation.published", data: { api: "weather", name } },
  });

  it("500 then 200: one webhook-id, fresh signatures that verify, the next attempt queued per schedule", async () => {
    receiver.answers = [(r) => ((r.statusCode = 500), r.end("internal details the portal must not keep")), (r) => r.end("ok")];
    receiver.hits.length = 0;
    const { id: endpointId, secret } = await endpointFor(receiver.url);
    const { queued } = await enqueue([hook("retry", endpointId)]);
    await runWebhookJob(ctx(), queued[0]!);
    let d = await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } });
    expect(d).toMatchObject({ status: "retrying", attempts: 1, lastError: "http 500" });
    expect(d.nextAttemptAt!.getTime() - d.lastAttemptAt!.getTime()).toBe(5000);
    const jobs = await db.$queryRawUnsafe<{ state: string; delay: number }[]>(
      `SELECT state::text, extract(epoch FROM start_after - created_on)::float AS delay FROM ${QUEUE_SCHEMA}.job WHERE data->>'deliveryId' = $1 ORDER BY created_on`,
      queued[0],
    );
    expect(jobs).toHaveLength(2);
    expect(jobs[1]!.delay).toBeGreaterThanOrEqual(4.9);
    await new Promise((r) => setTimeout(r, 1100)); // a later second: a fresh timestamp
    await runWebhookJob(ctx(), queued[0]!);
    d = await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } });
    expect(d).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
    expect(receiver.hits).toHaveLength(2);
    const [a, b] = receiver.hits as [(typeof receiver.hits)[0], (typeof receiver.hits)[0]];
    expect(a.headers["webhook-id"]).toBe(d.messageId);
    expect(b.headers["webhook-id"]).toBe(d.messageId);
    expect(a.headers["webhook-timestamp"]).not.toBe(b.headers["webhook-timestamp"]);
    expect(a.body).toBe(b.body);
    for (const h of receiver.hits) {
      const payload = new Webhook(secret).verify(h.body, h.headers as Record<string, string>);
      expect(payload).toMatchObject({ type: "deprecation.published", data: { api: "weather", name: "retry" } });
    }
    const log = await db.deliveryAttempt.findMany({ where: { deliveryId: queued[0] }, orderBy: { at: "asc" } });
    expect(log.map((l) => [l.code, l.ok])).toEqual([[500, false], [200, true]]);
    expect(JSON.stringify(log)).not.toContain("internal details");
  });

  it("after a rotation both secrets verify; redeliver keeps the webhook-id and is audited", async () => {
    receiver.answers = [(r) => r.end("ok")];
    receiver.hits.length = 0;
    const created = await createEndpoint(db, SECRET, owner.id, { url: receiver.url, apis: [], severity: "all" }, allow);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const newSecret = await rotateEndpointSecret(db, SECRET, owner.id, created.id);
    const { queued } = await enqueue([hook("rotated", created.id)]);
    await runWebhookJob(ctx(), queued[0]!);
    const h = receiver.hits[0]!;
    expect(String(h.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(() => new Webhook(created.secret).verify(h.body, h.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(newSecret!).verify(h.body, h.headers as Record<string, string>)).not.toThrow();

    expect(await redeliver(db, owner.id, queued[0]!)).toBe(true);
    expect(await redeliver(db, newId("usr"), queued[0]!)).toBe(false); // not theirs
    await runWebhookJob(ctx(), queued[0]!);
    expect(receiver.hits).toHaveLength(2);
    expect(receiver.hits[1]!.headers["webhook-id"]).toBe(h.headers["webhook-id"]);
    expect(await db.auditEvent.count({ where: { action: "webhook.redeliver", targetId: queued[0] } })).toBe(1);
  });

  it("410 disables the endpoint after one attempt and emails its owner", async () => {
    receiver.answers = [(r) => ((r.statusCode = 410), r.end())];
    receiver.hits.length = 0;
    const { id: endpointId } = await endpointFor(receiver.url);
    const { queued } = await enqueue([hook("gone", endpointId), hook("gone-2", endpointId)]);
    await runWebhookJob(ctx(), queued[0]!);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({ disabledReason: "gone" });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status).toBe("failed");
    const notice = await db.delivery.findFirst({ where: { email: owner.email, idempotencyKey: { startsWith: `webhook-disabled:${endpointId}` } } });
    expect(notice?.subject).toMatch(/disabled/);
    await runWebhookJob(ctx(), queued[1]!);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[1] } })).status).toBe("skipped");
    expect(receiver.hits).toHaveLength(1);
  });

  it("Retry-After is honoured; an exhausted schedule disables the endpoint", async () => {
    receiver.answers = [(r) => ((r.statusCode = 429), r.setHeader("retry-after", "120"), r.end())];
    const { id: endpointId } = await endpointFor(receiver.url);
    const { queued } = await enqueue([hook("retry-after", endpointId)]);
    await runWebhookJob(ctx(), queued[0]!);
    const d = await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } });
    expect(d.nextAttemptAt!.getTime() - d.lastAttemptAt!.getTime()).toBe(120_000);
    // The tenth failed attempt is the last.
    await db.delivery.update({ where: { id: queued[0] }, data: { attempts: 9 } });
    receiver.answers = [(r) => ((r.statusCode = 503), r.end())];
    await runWebhookJob(ctx(), queued[0]!);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status).toBe("failed");
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({ disabledReason: "failing" });
  });

  it("loopback in every notation is refused at registration and at delivery (canary never hit)", async () => {
    const port = new URL(canary.url).port;
    const hosts = ["127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "user@127.0.0.1"];
    for (const h of hosts) {
      const url = `http://${h}:${port}/hook`;
      const r = await createEndpoint(db, SECRET, owner.id, { url, apis: [], severity: "all" }, allow, async () => ["127.0.0.1"]);
      expect(r.ok, url).toBe(false);
      const { id: endpointId } = await endpointFor(url);
      const { queued } = await enqueue([hook(`canary-${h}`, endpointId)]);
      await runWebhookJob(ctx({ lookup: (_h, cb) => cb(null, [{ address: "127.0.0.1", family: 4 }]) }), queued[0]!);
      const d = await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } });
      expect(d.lastError, url).toMatch(/blocked address|credentials in url/);
    }
    const viaResolver = await createEndpoint(db, SECRET, owner.id, { url: `http://canary.example.test:${port}/`, apis: [], severity: "all" }, allow, async () => ["127.0.0.1"]);
    expect(viaResolver.ok).toBe(false);
  });

  it("DNS rebinding: allowed at registration (127.0.0.2), blocked at delivery when the name now answers 127.0.0.1", async () => {
    const port = new URL(canary.url).port;
    let lookups = 0;
    const answers = ["127.0.0.2", "127.0.0.1"];
    const resolver = async () => [answers[Math.min(lookups++, 1)]!];
    // Another developer (the owner above has hit the per-account endpoint limit by now).
    const dev = await db.user.create({ data: { id: newId("usr"), email: addr("rebinder") } });
    const created = await createEndpoint(db, SECRET, dev.id, { url: `http://rebind.example.test:${port}/hook`, apis: [], severity: "all" }, allow, resolver);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { queued } = await enqueue([hook("rebind", created.id)]);
    await runWebhookJob(ctx({ lookup: (h, cb) => void resolver().then((a) => cb(null, a.map((address) => ({ address, family: 4 })))) }), queued[0]!);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).lastError).toBe("blocked address");
  });

  it("redirects are not followed, slow receivers time out, big bodies are cut", async () => {
    const slow = await startReceiver("127.0.0.2", [() => undefined]); // never answers
    const redirect = await startReceiver("127.0.0.2", [(r) => ((r.statusCode = 302), r.setHeader("location", canary.url), r.end())]);
    const big = await startReceiver("127.0.0.2", [(r) => {
      r.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 120);
      let n = 0;
      const write = () => {
        while (n < 800 && r.write(chunk)) n++;
        if (n < 800) r.once("drain", write);
        else r.end();
      };
      write();
    }]);
    try {
      const cases: [TestReceiver, string, string][] = [
        [redirect, "redirect", "redirect not followed"],
        [slow, "slow", "timeout"],
      ];
      for (const [rcv, name, error] of cases) {
        const { id: endpointId } = await endpointFor(rcv.url);
        const { queued } = await enqueue([hook(name, endpointId)]);
        const t0 = Date.now();
        await runWebhookJob(ctx({ timeoutMs: 1500 }), queued[0]!);
        expect(Date.now() - t0).toBeLessThan(5000);
        expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).lastError).toBe(error);
      }
      const { id: endpointId } = await endpointFor(big.url);
      const { queued } = await enqueue([hook("big", endpointId)]);
      const t0 = Date.now();
      await runWebhookJob(ctx(), queued[0]!);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status).toBe("delivered");
    } finally {
      await Promise.all([slow.stop(), redirect.stop(), big.stop()]);
    }
  });
});

describe("subscriptions (SEC-F2)", () => {
  it("one confirmation mail per address per 24 h, confirm once by POST, expired links refused", async () => {
    const to = addr("optin");
    const sent = () => smtp.mails.filter((m) => m.to.includes(to));
    const apis = new Set(["weather"]);
    expect(await requestSubscription(db, mail, { email: to, api: "weather", severity: "breaking", ip: null }, apis)).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) {
      const again = await requestSubscription(db, mail, { email: to, api: "weather", severity: "breaking", ip: null }, apis);
      expect(again).toMatchObject({ ok: false, reason: "rate-limited" });
    }
    expect(sent()).toHaveLength(1);
    const link = /https:\/\/portal\.test\/subscribe\/confirm\/([A-Za-z0-9_-]+)/.exec(sent()[0]!.text);
    expect(link).not.toBeNull();
    // No notice before confirmation.
    expect((await db.$transaction((tx) => subscribersFor(tx, { api: "weather", severity: "breaking" }))).emails.map((e) => e.email)).not.toContain(to);
    expect(await confirmSubscription(db, link![1])).toBe(true);
    expect(await confirmSubscription(db, link![1])).toBe(false);
    expect((await db.$transaction((tx) => subscribersFor(tx, { api: "weather", severity: "breaking" }))).emails.map((e) => e.email)).toContain(to);

    // Expiry: a link confirmed 49 h later is refused.
    const late = addr("optin-late");
    await requestSubscription(db, mail, { email: late, api: "weather", severity: "all", ip: null }, apis);
    const lateToken = /confirm\/([A-Za-z0-9_-]+)/.exec(smtp.mails.find((m) => m.to.includes(late))!.text)![1]!;
    expect(await confirmSubscription(db, lateToken, Date.now() + 49 * 3600_000)).toBe(false);
    expect(await requestSubscription(db, mail, { email: "not an address", api: "weather", severity: "all", ip: null }, apis)).toMatchObject({ ok: false, reason: "invalid-email" });
    expect(await requestSubscription(db, mail, { email: addr("x"), api: "secret-partner-api", severity: "all", ip: null }, apis)).toMatchObject({ ok: false, reason: "unknown-api" });
  });
});
