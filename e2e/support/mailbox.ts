// Reading the mail the test SMTP server captured (e2e/support/mail-server.ts).
import fs from "node:fs";
import path from "node:path";
import type { CapturedMail } from "./mail-server";
import { MAIL_DIR } from "./test-servers";

export function mailTo(address: string): CapturedMail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), "utf8")) as CapturedMail)
    .filter((m) => m.envelopeTo.some((a) => a.toLowerCase() === address.toLowerCase()));
}

/** Waits for mail number `count` (1-based) to `address` and returns it. */
export async function waitForMail(address: string, count = 1, timeoutMs = 15_000): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = mailTo(address);
    if (mails.length >= count) return mails[count - 1]!;
    if (Date.now() > deadline) throw new Error(`no mail #${count} to ${address} within ${timeoutMs} ms (have ${mails.length})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The sign-in link in a sign-in mail. */
export function signInLink(mail: CapturedMail): string {
  const m = /https?:\/\/\S+\/auth\/confirm\?\S+/.exec(mail.text);
  if (!m) throw new Error(`no sign-in link in: ${mail.text}`);
  return m[0];
}
