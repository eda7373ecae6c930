// Test helpers for delivery (not used by the app): a real SMTP server that can refuse chosen
// recipients, and a loopback HTTP receiver that records requests and answers as told.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** Raw header lines as received (key lower-cased → the line as sent, unfolded check possible). */
  lines: Record<string, string>;
  messageId: string;
  /** The DSN envelope id (MAIL FROM … ENVID=), when the client sent one. */
  envelopeId: string | null;
}

export interface TestSmtp {
  port: number;
  mails: ReceivedMail[];
  /** Address → SMTP reply to RCPT TO (e.g. "550 5.1.1 no such user"). */
  refuse: Map<string, { code: number; message: string }>;
  stop(): Promise<void>;
}

export async function startTestSmtp(port = 0, state?: Pick<TestSmtp, "mails" | "refuse">): Promise<TestSmtp> {
  const mails = state?.mails ?? [];
  const refuse = state?.refuse ?? new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    // Offer DSN (RFC 3461) like a real relay, so the envelope id the portal sets is seen.
    hideDSN: false,
    logger: false,
    onRcptTo(address, _session, cb) {
      const r = refuse.get(address.address);
      if (!r) return cb();
      const err = new Error(r.message) as Error & { responseCode: number };
      err.responseCode = r.code;
      cb(err);
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((m) => {
          const lines: Record<string, string> = {};
          for (const l of m.headerLines) lines[l.key] = l.line;
          const dsn = (session.envelope as { dsn?: { envid?: string | null } }).dsn;
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: m.subject ?? "", text: m.text ?? "", lines, messageId: m.messageId ?? "", envelopeId: dsn?.envid ?? null });
          cb();
        })
        .catch((e: Error) => cb(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return { port: actual, mails, refuse, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface ReceivedHook {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface TestReceiver {
  url: string;
  hits: ReceivedHook[];
  /** Answers in order; the last one repeats. */
  answers: ((res: http.ServerResponse) => void)[];
  stop(): Promise<void>;
}

export async function startReceiver(host: string, answers: ((res: http.ServerResponse) => void)[] = [(r) => r.end("ok")]): Promise<TestReceiver> {
  const hits: ReceivedHook[] = [];
  const state = { answers };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const a = state.answers[Math.min(hits.length - 1, state.answers.length - 1)]!;
      a(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/hook`,
    hits,
    get answers() {
      return state.answers;
    },
    set answers(v) {
      state.answers = v;
    },
    stop: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
