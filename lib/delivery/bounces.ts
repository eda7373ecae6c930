// Inbound bounce reports (SEC-F3): RFC 3464 delivery status notifications and RFC 5965 (ARF)
// complaint reports, piped by the mail server to POST /api/v1/mail/bounces.
//
// Matching a report to a delivery, without VERP: every notice mail carries a per-delivery id that
// nobody can guess (`dlv_` + ~119 random bits), sent twice: as the Message-ID `<dlv_…@portal-host>`,
// which DSNs and ARF reports return in the original's headers (text/rfc822-headers or
// message/rfc822), and as the DSN envelope id (ENVID, `Original-Envelope-Id:`) where the relay
// supports the DSN extension. A DSN recipient block counts only when its Final-Recipient (or
// Original-Recipient) is the delivery's own address, so a report cannot suppress anyone else.
//
// Outcomes: Action failed + Status 5.x.x → hard bounce (address suppressed, reason "hard-bounce",
// detail "dsn 5.1.1; smtp 550"); Action delayed or a 4.x.x status → noted in the delivery log,
// never suppressed (the soft-bounce budget counts SMTP answers only); complaint (any
// Feedback-Type) → suppressed, reason "complaint". Suppressed addresses get nothing further
// (email-job.ts and subscribersFor check the suppression list).
import { simpleParser, type Attachment } from "mailparser";
import type { Db } from "@/lib/db/create-client";
import { audit } from "@/lib/audit";
import { deliveryId as newDeliveryId } from "./ids";

export interface DsnRecipient {
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: string;
  status: string | null;
  /** Diagnostic type and codes only ("smtp 550"), never the remote server's text. */
  diagnostic: string | null;
}

export type BounceReport =
  | { kind: "dsn"; envelopeId: string | null; originalMessageId: string | null; recipients: DsnRecipient[] }
  | { kind: "complaint"; feedbackType: string; originalMessageId: string | null; originalRecipient: string | null };

export class BounceParseError extends Error {}

/** Header-style fields of one block ("Name: value", folded lines joined), names lower-cased. */
export function parseFields(block: string): Map<string, string> {
  const out = new Map<string, string>();
  const unfolded = block.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ");
  for (const line of unfolded.split("\n")) {
    const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (m && !out.has(m[1]!.toLowerCase())) out.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return out;
}

/** Blocks separated by blank lines (RFC 3464 §2.1: per-message fields, then one per recipient). */
function blocks(text: string): string[] {
  return text.replace(/\r\n/g, "\n").split(/\n[ \t]*\n/).map((b) => b.trim()).filter(Boolean);
}

/** "rfc822; User@Example.org" → "user@example.org" (null for other address types or garbage). */
export function reportAddress(value: string | undefined): string | null {
  if (!value) return null;
  const m = /^(rfc822|utf-8)\s*;\s*<?([^<>\s;]+@[^<>\s;]+)>?$/i.exec(value.trim());
  return m ? m[2]!.toLowerCase() : value.includes(";") ? null : /^<?([^<>\s]+@[^<>\s]+)>?$/.exec(value.trim())?.[1]?.toLowerCase() ?? null;
}

function diagnostic(value: string | undefined): string | null {
  if (!value) return null;
  const m = /^([A-Za-z0-9-]{1,20})\s*;\s*(\d{3})?/.exec(value.trim());
  if (!m) return null;
  return `${m[1]!.toLowerCase()}${m[2] ? ` ${m[2]}` : ""}`;
}

/** The Message-ID in the first header block of a returned message or its headers. */
function messageIdIn(text: string): string | null {
  const head = text.replace(/\r\n/g, "\n").split(/\n[ \t]*\n/)[0] ?? "";
  return parseFields(head).get("message-id")?.match(/<[^<>\s]{1,250}>/)?.[0] ?? null;
}

const ORIGINAL_TYPES = new Set(["text/rfc822-headers", "message/rfc822", "message/global", "message/global-headers"]);

function originalMessageId(attachments: Attachment[], raw: string): string | null {
  for (const a of attachments) if (ORIGINAL_TYPES.has(a.contentType.toLowerCase())) {
    const id = messageIdIn(a.content.toString("utf8"));
    if (id) return id;
  }
  // mailparser folds an inline message/rfc822 part into the text. That part cannot be base64
  // (RFC 2046 §5.2.1), so its headers are readable in the raw message: after the part's own
  // header block comes the original's.
  const m = /^Content-Type:[ \t]*message\/(?:rfc822|global)\b[^]*?\r?\n\r?\n/im.exec(raw);
  return m ? messageIdIn(raw.slice(m.index + m[0].length)) : null;
}

/** Parses a raw report message (MIME split by mailparser; the report fields by us). */
export async function parseBounceReport(raw: Buffer | string): Promise<BounceReport> {
  const text = Buffer.isBuffer(raw) ? raw.toString("utf8") : raw;
  let mail;
  try {
    mail = await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true, skipTextLinks: true, skipTextToHtml: true, skipImageLinks: true });
  } catch {
    throw new BounceParseError("the body is not a readable mail message");
  }
  const ct = mail.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  if (ct?.value?.toLowerCase() !== "multipart/report") throw new BounceParseError("not a report: the message must be multipart/report (RFC 6522)");
  const reportType = ct.params?.["report-type"]?.toLowerCase();
  const part = (type: string) => mail.attachments.find((a) => a.contentType.toLowerCase() === type);

  if (reportType === "delivery-status") {
    const status = part("message/delivery-status") ?? part("message/global-delivery-status");
    if (!status) throw new BounceParseError("no message/delivery-status part");
    const [perMessage, ...perRecipient] = blocks(status.content.toString("utf8"));
    const msgFields = parseFields(perMessage ?? "");
    const recipients = perRecipient.map((b): DsnRecipient => {
      const f = parseFields(b);
      const st = f.get("status")?.match(/^([245])\.\d{1,3}\.\d{1,3}/)?.[0] ?? null;
      return { finalRecipient: reportAddress(f.get("final-recipient")), originalRecipient: reportAddress(f.get("original-recipient")), action: (f.get("action") ?? "").toLowerCase(), status: st, diagnostic: diagnostic(f.get("diagnostic-code")) };
    });
    if (recipients.length === 0) throw new BounceParseError("the delivery-status part has no recipient fields");
    const envid = msgFields.get("original-envelope-id")?.trim() ?? null;
    return { kind: "dsn", envelopeId: envid, originalMessageId: originalMessageId(mail.attachments, text), recipients };
  }
  if (reportType === "feedback-report") {
    const fb = part("message/feedback-report");
    if (!fb) throw new BounceParseError("no message/feedback-report part");
    const f = parseFields(fb.content.toString("utf8"));
    const feedbackType = (f.get("feedback-type") ?? "").toLowerCase();
    if (!/^[a-z-]{1,40}$/.test(feedbackType)) throw new BounceParseError("the feedback report has no Feedback-Type");
    return { kind: "complaint", feedbackType, originalMessageId: originalMessageId(mail.attachments, text), originalRecipient: reportAddress(f.get("original-rcpt-to")) };
  }
  throw new BounceParseError(`unsupported report-type ${JSON.stringify(reportType ?? "")} (delivery-status or feedback-report)`);
}

export interface BounceOutcome {
  /** The delivery the report is about; null when no delivery of ours matches. */
  delivery: string | null;
  /** What was done: suppressed (hard bounce or complaint), noted (delay), or nothing. */
  action: "suppressed" | "noted" | "none";
  reason?: "hard-bounce" | "complaint";
}

const DELIVERY_ID = /^dlv_[0-9A-Za-z]{20}$/;

/** Finds the delivery a report is about: the envelope id first, then our Message-ID. */
async function findDelivery(db: Db, portalHost: string, report: BounceReport) {
  const candidates: string[] = [];
  if (report.kind === "dsn" && report.envelopeId && DELIVERY_ID.test(report.envelopeId)) candidates.push(report.envelopeId);
  const mid = report.originalMessageId ? /^<(dlv_[0-9A-Za-z]{20})@([^<>]+)>$/.exec(report.originalMessageId) : null;
  if (mid && mid[2]!.toLowerCase() === portalHost.toLowerCase()) candidates.push(mid[1]!);
  for (const id of candidates) {
    const d = await db.delivery.findUnique({ where: { id }, select: { id: true, email: true, channel: true } });
    if (d?.channel === "email" && d.email) return { id: d.id, email: d.email };
  }
  return null;
}

/** Applies a parsed report: suppresses on a hard bounce or complaint, notes a delay. */
export async function applyBounceReport(db: Db, portalUrl: string, report: BounceReport): Promise<BounceOutcome> {
  const d = await findDelivery(db, new URL(portalUrl).hostname, report);
  if (!d) return { delivery: null, action: "none" };
  const email = d.email.toLowerCase();

  if (report.kind === "complaint") {
    // ARF's Original-Rcpt-To is optional; when present it must be the delivery's address.
    if (report.originalRecipient && report.originalRecipient !== email) return { delivery: d.id, action: "none" };
    await suppress(db, d, "complaint", `arf ${report.feedbackType}`);
    return { delivery: d.id, action: "suppressed", reason: "complaint" };
  }
  const mine = report.recipients.filter((r) => r.finalRecipient === email || r.originalRecipient === email);
  const failed = mine.find((r) => r.action === "failed" && r.status?.startsWith("5."));
  if (failed) {
    await suppress(db, d, "hard-bounce", `dsn ${failed.status}${failed.diagnostic ? `; ${failed.diagnostic}` : ""}`);
    return { delivery: d.id, action: "suppressed", reason: "hard-bounce" };
  }
  const transient = mine.find((r) => r.action === "delayed" || r.status?.startsWith("4."));
  if (transient) {
    const detail = `dsn ${transient.action || "report"} ${transient.status ?? ""}`.trim();
    await db.deliveryAttempt.create({ data: { id: newDeliveryId("att"), deliveryId: d.id, code: null, ok: false, error: detail, durationMs: 0 } });
    return { delivery: d.id, action: "noted" };
  }
  return { delivery: d.id, action: "none" };
}

async function suppress(db: Db, d: { id: string; email: string }, reason: "hard-bounce" | "complaint", detail: string) {
  await db.$transaction(async (tx) => {
    // A complaint outranks an earlier soft bounce; an existing hard bounce or complaint stays.
    const existing = await tx.emailSuppression.findUnique({ where: { email: d.email } });
    if (!existing) await tx.emailSuppression.create({ data: { email: d.email, reason, detail } });
    else if (existing.reason === "soft-bounce") await tx.emailSuppression.update({ where: { email: d.email }, data: { reason, detail } });
    await tx.delivery.update({ where: { id: d.id }, data: { status: "failed", lastError: `${reason === "complaint" ? "complaint" : "bounced"}: ${detail}`, attemptLog: { create: { id: newDeliveryId("att"), code: null, ok: false, error: detail, durationMs: 0 } } } });
    await audit(tx, { actorKind: "system", action: "mail.suppressed", targetType: "delivery", targetId: d.id, details: { reason, detail } });
  });
}
