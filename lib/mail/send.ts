// Sends one message: over SMTP (nodemailer) when SMTP_URL is set, into the dev mailbox on a local
// install without SMTP (lib/mail/dev-mailbox.ts), and nowhere otherwise. The recipient must be an
// address that lib/auth/email-address.ts has already normalised; it is handed to nodemailer as
// an address object, never as a string for it to parse.
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/lib/db/create-client";
import type { Env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { devMailboxMode } from "./dev-mailbox";

export interface OutgoingMail {
  /** A normalised address (normalizeEmail). */
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Without angle brackets' worth of surprises: `<local@host>`; the same on every retry of one message. */
  messageId?: string;
  /** Extra header lines, passed as written (never folded: RFC 8058 List-Unsubscribe). */
  headers?: Record<string, string>;
  /**
   * DSN envelope id (RFC 3461 ENVID, sent when the server offers DSN): bounce reports quote it as
   * Original-Envelope-Id, which lib/delivery/bounces.ts matches to the delivery.
   */
  envelopeId?: string;
}

/** How long the dev mailbox keeps a message. */
const DEV_MAIL_RETENTION_MS = 24 * 60 * 60 * 1000;

let transport: { url: string; transporter: Transporter } | undefined;

function smtp(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

export type MailEnv = Pick<Env, "SMTP_URL" | "MAIL_FROM" | "portalUrl" | "TRUSTED_PROXY_HOPS">;

export function canSendMail(env: MailEnv): boolean {
  return Boolean(env.SMTP_URL) || devMailboxMode(env);
}

export async function sendMail(env: MailEnv, db: Pick<Db, "devMail">, mail: OutgoingMail): Promise<void> {
  if (env.SMTP_URL) {
    const result = await smtp(env.SMTP_URL).sendMail({
      from: env.MAIL_FROM,
      to: { name: "", address: mail.to },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.messageId && { messageId: mail.messageId }),
      ...(mail.envelopeId && { dsn: { id: mail.envelopeId, return: "headers" as const, notify: ["failure" as const, "delay" as const] } }),
      ...(mail.headers && { headers: Object.fromEntries(Object.entries(mail.headers).map(([k, v]) => [k, { prepared: true, value: v }])) }),
    });
    const failed = [...(result.rejected ?? []), ...(result.pending ?? [])];
    if (failed.length) throw new Error("the mail server refused the recipient");
    return;
  }
  if (!devMailboxMode(env)) throw new Error("no mail server configured (SMTP_URL)");
  await db.devMail.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - DEV_MAIL_RETENTION_MS) } } });
  await db.devMail.create({ data: { id: newId("msg"), to: mail.to, subject: mail.subject, text: mail.text } });
}
