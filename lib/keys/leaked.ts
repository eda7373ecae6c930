// Leaked-key reports (POST /api/v1/keys/leaked), after GitHub's credential-revocation API: anyone
// who finds Portolan keys submits them; live ones are revoked at once and the owners of each
// affected app get one email per report. Strings that are not well-formed keys (bad shape or
// checksum) are dropped before any database query; what the reporter learns is nothing (the
// route answers the same 202 whatever happened).
import crypto from "node:crypto";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db/create-client";
import { log } from "@/lib/log";
import { sendMail, type MailEnv } from "@/lib/mail/send";
import { maskedSecret, parseSecret } from "./format";
import { revokeApiKey } from "./store";
import { leakedKeysMail } from "./leaked-mail";

export const MAX_LEAKED_STRINGS = 1_000;
/** Per client IP (SEC-B8: the 61st report in an hour is refused). */
export const LEAK_REPORT_LIMIT = { name: "leaked-keys-ip", limit: 60, windowSeconds: 3600 };

/** The reporter's address as a keyed hash: enough to correlate reports, useless as an IP list. */
export function reporterHash(ip: string | null, secret = process.env.NEXTAUTH_SECRET ?? ""): string | null {
  if (!ip) return null;
  return "iph_" + crypto.createHmac("sha256", secret).update(ip, "utf8").digest("hex").slice(0, 24);
}

/** Hashes of the strings that are well-formed API keys (live or test), duplicates removed. */
export function leakedKeyHashes(strings: readonly unknown[]): string[] {
  const hashes = new Set<string>();
  for (const s of strings.slice(0, MAX_LEAKED_STRINGS)) {
    const parsed = parseSecret(s);
    if (parsed && (parsed.kind === "live" || parsed.kind === "test")) hashes.add(parsed.hash);
  }
  return [...hashes];
}

export interface LeakReportResult {
  revoked: number;
  mailed: number;
}

/** Revokes every live key among `strings` and tells each affected owner once. */
export async function reportLeakedKeys(db: Db, mailEnv: MailEnv, strings: readonly unknown[], ip: string | null): Promise<LeakReportResult> {
  const hashes = leakedKeyHashes(strings);
  if (hashes.length === 0) return { revoked: 0, mailed: 0 };
  const now = new Date();
  const live = await db.apiKey.findMany({
    where: { hash: { in: hashes }, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: {
      id: true,
      name: true,
      prefix: true,
      last4: true,
      app: { select: { id: true, name: true, orgId: true, ownerUser: { select: { email: true } }, org: { select: { name: true, memberships: { where: { role: { in: ["owner", "admin"] } }, select: { user: { select: { email: true } } } } } } } },
    },
  });
  const ipHash = reporterHash(ip);
  // Recipient → the keys of theirs in this report (one mail each, however many apps).
  const byRecipient = new Map<string, { app: string; key: string; name: string }[]>();
  for (const k of live) {
    await revokeApiKey(db, k.id, "leaked", { userId: null, kind: "system", ip: ipHash });
    await audit(db, { actorKind: "anonymous", action: "key.leaked", targetType: "api_key", targetId: k.id, orgId: k.app.orgId, ip: ipHash, details: { appId: k.app.id, prefix: k.prefix, last4: k.last4 } });
    const recipients = k.app.ownerUser ? [k.app.ownerUser.email] : (k.app.org?.memberships ?? []).map((m) => m.user.email);
    for (const to of new Set(recipients)) {
      const list = byRecipient.get(to) ?? [];
      list.push({ app: k.app.name, key: maskedSecret(k.prefix, k.last4), name: k.name });
      byRecipient.set(to, list);
    }
  }
  let mailed = 0;
  for (const [to, keys] of byRecipient) {
    try {
      await sendMail(mailEnv, db, leakedKeysMail({ to, keys, portalUrl: mailEnv.portalUrl }));
      mailed++;
    } catch (e) {
      log.warn({ err: e instanceof Error ? e.message : String(e) }, "leaked-key notice not sent");
    }
  }
  return { revoked: live.length, mailed };
}
