// Inbound bounce reports (SEC-F3 part C): real RFC 3464 DSNs and RFC 5965 ARF complaints, built
// as an MTA writes them, posted to the route handler on the real database. A mail is first sent
// through the real worker code to a real SMTP server, so the report quotes the Message-ID and
// envelope id the portal really sent.
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { mintSecret } from "@/lib/keys/format";
import { newId } from "@/lib/ids";
import type { MailEnv } from "@/lib/mail/send";
import { assertDocumented } from "@/tests/contract";
import { testDb } from "@/tests/db";
import { parseBounceReport, reportAddress } from "./bounces";
import { runEmailJob } from "./email-job";
import { deliveryId } from "./ids";
import { enqueueDeliveries, subscribersFor } from "./outbox";
import { startTestSmtp, type TestSmtp } from "./test-support";

vi.mock("server-only", () => ({}));

const SECRET = "bounces-test-server-secret-0123456789abcdef";
const PORTAL = "https://portal.test";
const db = testDb();
const run = Date.now().toString(36);
const addr = (n: string) => `${n}-${run}@example.org`;
let smtp: TestSmtp;
let mail: MailEnv;
let route: typeof import("@/app/api/v1/mail/bounces/route");
let credential: string;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.PORTAL_URL = PORTAL;
  process.env.NEXTAUTH_SECRET = SECRET;
  route = await import("@/app/api/v1/mail/bounces/route");
  smtp = await startTestSmtp();
  mail = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: "Portolan <notices@portal.test>", portalUrl: PORTAL, TRUSTED_PROXY_HOPS: 0 };
  const s = mintSecret("mail");
  await db.gatewayCredential.create({ data: { id: newId("gwc"), name: `mta-${run}`, prefix: s.prefix, last4: s.last4, hash: s.hash } });
  credential = s.plaintext;
  return async () => {
    await smtp.stop();
    await db.$disconnect();
  };
});

/** Sends one notice mail to `to` through the real job code; returns the delivery id. */
async function sendNotice(name: string, to: string): Promise<string> {
  const { queued } = await db.$transaction((tx) =>
    enqueueDeliveries(tx, [{ idempotencyKey: `bounce:${run}:${name}`, channel: "email", to: { email: to }, listId: { api: "weather" }, subject: `Notice ${name}`, text: "body" }]),
  );
  await runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: 0, retryLimit: 12 });
  expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status).toBe("delivered");
  return queued[0]!;
}

const sentHeaders = (to: string) => {
  const m = smtp.mails.find((x) => x.to.includes(to))!;
  return Object.values(m.lines).join("\r\n");
};

/** A DSN as Postfix writes one (RFC 3464 + RFC 6522 multipart/report), returning the original's headers. */
function dsn(o: { to: string; action: "failed" | "delayed" | "delivered"; status: string; diagnostic: string; originalHeaders: string; envid?: string; final?: string }): string {
  const b = `dsn-${Math.random().toString(36).slice(2)}`;
  return [
    "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
    "To: notices@portal.test",
    "Subject: Undelivered Mail Returned to Sender",
    "Date: Thu, 26 Nov 2026 10:00:00 +0000",
    `Message-Id: <${b}@mx.example.org>`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${b}"`,
    "",
    "This is a MIME-encapsulated message.",
    "",
    `--${b}`,
    "Content-Description: Notification",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients.",
    "",
    `--${b}`,
    "Content-Description: Delivery report",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.org",
    "X-Postfix-Queue-ID: 4XYZ123",
    ...(o.envid ? [`Original-Envelope-Id: ${o.envid}`] : []),
    "Arrival-Date: Thu, 26 Nov 2026 09:59:58 +0000",
    "",
    `Final-Recipient: rfc822; ${o.final ?? o.to}`,
    `Original-Recipient: rfc822;${o.final ?? o.to}`,
    `Action: ${o.action}`,
    `Status: ${o.status}`,
    "Remote-MTA: dns; mailbox.example.org",
    `Diagnostic-Code: smtp; ${o.diagnostic}`,
    "",
    `--${b}`,
    "Content-Description: Undelivered Message Headers",
    "Content-Type: text/rfc822-headers",
    "",
    o.originalHeaders,
    "",
    `--${b}--`,
    "",
  ].join("\r\n");
}

/** An ARF complaint report (RFC 5965) carrying the original message. */
function arf(o: { to: string; original: string }): string {
  const b = `arf-${Math.random().toString(36).slice(2)}`;
  return [
    "From: <abuse@isp.example>",
    "To: <notices@portal.test>",
    "Subject: FW: Notice",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${b}"`,
    "",
    `--${b}`,
    "Content-Type: text/plain; charset=\"US-ASCII\"",
    "",
    "This is an email abuse report for an email message received from IP 192.0.2.1.",
    "",
    `--${b}`,
    "Content-Type: message/feedback-report",
    "",
    "Feedback-Type: abuse",
    "User-Agent: SomeGenerator/1.0",
    "Version: 1",
    "Original-Mail-From: <notices@portal.test>",
    `Original-Rcpt-To: <${o.to}>`,
    "Arrival-Date: Thu, 26 Nov 2026 10:00:00 +0000",
    "",
    `--${b}`,
    "Content-Type: message/rfc822",
    "Content-Disposition: inline",
    "",
    o.original,
    "",
    "body",
    "",
    `--${b}--`,
    "",
  ].join("\r\n");
}

/** Posts a report to the route handler; every answer must match the portal's OpenAPI description. */
async function post(body: string, auth: string | null = credential): Promise<{ status: number; json(): Promise<unknown> }> {
  const res = await route.POST(new Request(`${PORTAL}/api/v1/mail/bounces`, { method: "POST", headers: { "content-type": "message/rfc822", ...(auth && { authorization: `Bearer ${auth}` }) }, body }));
  const parsed: unknown = await res.json();
  assertDocumented("POST", "/mail/bounces", res.status, parsed);
  return { status: res.status, json: async () => parsed };
}

describe("POST /api/v1/mail/bounces (SEC-F3 C)", () => {
  it("refuses requests without a mail credential, and a gateway credential", async () => {
    const gw = mintSecret("gateway");
    await db.gatewayCredential.create({ data: { id: newId("gwc"), name: `gw-${run}`, prefix: gw.prefix, last4: gw.last4, hash: gw.hash } });
    const body = dsn({ to: addr("x"), action: "failed", status: "5.1.1", diagnostic: "550 5.1.1 unknown", originalHeaders: "Message-ID: <dlv_x@portal.test>" });
    for (const auth of [null, "garbage", gw.plaintext, mintSecret("mail").plaintext]) expect((await post(body, auth)).status, String(auth)).toBe(401);
  });

  it("a 5.x.x DSN (matched by Message-ID) suppresses the address with the diagnostic; nothing more is sent; the owner sees why", async () => {
    const to = addr("c");
    await db.emailSubscription.create({ data: { id: deliveryId("sub"), email: to, api: "weather", severity: "all", status: "confirmed" } });
    const id = await sendNotice("c", to);
    const headers = sentHeaders(to);
    expect(headers).toContain(`Message-ID: <${id}@portal.test>`);
    const res = await post(dsn({ to, action: "failed", status: "5.1.1", diagnostic: "550 5.1.1 <" + to + ">: Recipient address rejected: User unknown in virtual mailbox table", originalHeaders: headers }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ report: "dsn", delivery: id, action: "suppressed", reason: "hard-bounce" });
    const s = await db.emailSuppression.findUniqueOrThrow({ where: { email: to } });
    expect(s).toMatchObject({ reason: "hard-bounce", detail: "dsn 5.1.1; smtp 550" });
    // The remote server's words are not kept.
    expect(JSON.stringify(await db.delivery.findUniqueOrThrow({ where: { id }, include: { attemptLog: true } }))).not.toContain("virtual mailbox");
    expect(await db.auditEvent.count({ where: { action: "mail.suppressed", targetId: id } })).toBe(1);

    // Nothing further: not a subscriber of the next notice, and a queued mail is not sent.
    expect((await db.$transaction((tx) => subscribersFor(tx, { api: "weather", severity: "breaking" }))).emails.map((e) => e.email)).not.toContain(to);
    const { queued } = await db.$transaction((tx) => enqueueDeliveries(tx, [{ idempotencyKey: `bounce:${run}:c2`, channel: "email", to: { email: to }, subject: "again", text: "again" }]));
    await runEmailJob({ db, mail, secret: SECRET }, queued[0]!, { retryCount: 0, retryLimit: 12 });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: queued[0] } })).status).toBe("suppressed");
    expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(1);

    // The owner's view (account page data) carries the reason.
    const { accountSubscriptions } = await import("./subscriptions");
    const user = await db.user.create({ data: { id: newId("usr"), email: to } });
    expect((await accountSubscriptions(db, { id: user.id, email: to })).suppressed).toMatchObject({ reason: "hard-bounce", detail: "dsn 5.1.1; smtp 550" });
  });

  it("matches by the DSN envelope id alone (no returned headers)", async () => {
    const to = addr("envid");
    const id = await sendNotice("envid", to);
    // The portal asked the relay (which offers DSN) to quote the delivery id in any report.
    expect(smtp.mails.find((m) => m.to.includes(to))!.envelopeId).toBe(id);
    const res = await post(dsn({ to, action: "failed", status: "5.2.1", diagnostic: "550 5.2.1 mailbox disabled", originalHeaders: "X-Nothing: here", envid: id }));
    expect(await res.json()).toMatchObject({ delivery: id, action: "suppressed" });
    expect(await db.emailSuppression.findUnique({ where: { email: to } })).toMatchObject({ reason: "hard-bounce", detail: "dsn 5.2.1; smtp 550" });
  });

  it("a 4.x.x delayed DSN is noted, not suppressed", async () => {
    const to = addr("delayed");
    const id = await sendNotice("delayed", to);
    const res = await post(dsn({ to, action: "delayed", status: "4.4.7", diagnostic: "451 4.4.7 try later", originalHeaders: sentHeaders(to) }));
    expect(await res.json()).toEqual({ report: "dsn", delivery: id, action: "noted" });
    expect(await db.emailSuppression.findUnique({ where: { email: to } })).toBeNull();
    expect((await db.deliveryAttempt.findMany({ where: { deliveryId: id } })).map((a) => a.error)).toContain("dsn delayed 4.4.7");
  });

  it("a report about someone else's address, or a Message-ID that is not ours, suppresses nobody", async () => {
    const to = addr("victim");
    const id = await sendNotice("victim", to);
    // The delivery's Message-ID, but a different recipient in the report.
    const other = await post(dsn({ to, final: addr("someone-else"), action: "failed", status: "5.1.1", diagnostic: "550 5.1.1", originalHeaders: sentHeaders(to) }));
    expect(await other.json()).toMatchObject({ delivery: id, action: "none" });
    // A guessed id, another host, no id at all.
    for (const h of [`Message-ID: <dlv_${"A".repeat(20)}@portal.test>`, `Message-ID: <${id}@elsewhere.test>`, "Subject: hi"]) {
      const r = await post(dsn({ to, action: "failed", status: "5.1.1", diagnostic: "550 5.1.1", originalHeaders: h }));
      expect(await r.json()).toEqual({ report: "dsn", delivery: null, action: "none" });
    }
    expect(await db.emailSuppression.findUnique({ where: { email: to } })).toBeNull();
  });

  it("an ARF complaint suppresses the address (reason complaint)", async () => {
    const to = addr("complainer");
    const id = await sendNotice("complainer", to);
    const res = await post(arf({ to, original: sentHeaders(to) }));
    expect(await res.json()).toEqual({ report: "complaint", delivery: id, action: "suppressed", reason: "complaint" });
    expect(await db.emailSuppression.findUnique({ where: { email: to } })).toMatchObject({ reason: "complaint", detail: "arf abuse" });
  });

  it("refuses what is not a report with 400", async () => {
    for (const body of ["not a mail at all", "Subject: hi\r\n\r\nplain mail", "Content-Type: multipart/report; report-type=other; boundary=x\r\n\r\n--x--"]) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_a_report");
    }
  });
});

describe("parsing", () => {
  it("reads several recipient blocks and folded fields", async () => {
    const raw = dsn({ to: "a@example.org", action: "failed", status: "5.7.1", diagnostic: "554 5.7.1\r\n  Message rejected as spam", originalHeaders: "Message-ID:\r\n <dlv_x@portal.test>" });
    const r = await parseBounceReport(raw);
    expect(r).toMatchObject({ kind: "dsn", originalMessageId: "<dlv_x@portal.test>", recipients: [{ finalRecipient: "a@example.org", action: "failed", status: "5.7.1", diagnostic: "smtp 554" }] });
    expect(reportAddress("rfc822; <User@Example.ORG>")).toBe("user@example.org");
    expect(reportAddress("x400; something")).toBeNull();
  });
});
