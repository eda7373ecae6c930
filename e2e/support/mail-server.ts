// A real SMTP server for the end-to-end tests (smtp-server): accepts everything, parses each
// message (mailparser) and writes it to MAIL_DIR as JSON with the SMTP envelope, so tests in any
// worker process can read what the portal sent, and to whom it was really addressed.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  /** RCPT TO addresses: where the mail really went. */
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Header lines as sent, by lower-case name (Message-ID, List-Unsubscribe, …). */
  headerLines: Record<string, string>;
  receivedAt: string;
}

export async function startMailServer(opts: { port: number; dir: string }): Promise<{ stop(): Promise<void> }> {
  fs.mkdirSync(opts.dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const captured: CapturedMail = {
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: mail.from?.text ?? "",
            to: Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(", ") : (mail.to?.text ?? ""),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            headerLines: Object.fromEntries(mail.headerLines.map((l) => [l.key, l.line])),
            receivedAt: new Date().toISOString(),
          };
          const file = path.join(opts.dir, `${Date.now()}-${process.pid}-${++n}.json`);
          fs.writeFileSync(`${file}.tmp`, JSON.stringify(captured));
          fs.renameSync(`${file}.tmp`, file);
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve());
  });
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
