// A user's TOTP second factor: enrolment (secret → first code → recovery codes), checking a code
// (TOTP or one-time recovery code), the step-up that marks the current session, and disabling.
// Built on lib/auth/totp.ts. Every query is scoped to the user id it is given (the caller passes
// the signed-in viewer's). Wrong codes are rate limited per user in PostgreSQL; every outcome
// that matters is audited.
import "server-only";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { bucketKey, hitRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, openSecret, sealSecret, totpUri } from "./totp";

/** Wrong codes allowed per user in a window; the next attempts are refused until it ends. */
export const WRONG_CODE_RULE: RateLimitRule = { name: "second-factor-wrong-code", limit: 5, windowSeconds: 15 * 60 };

export type FactorStatus =
  | { state: "none" }
  | { state: "pending"; secret: string; uri: string }
  | { state: "on"; confirmedAt: Date; recoveryCodesLeft: number };

export type CodeCheck = { ok: true; method: "totp" | "recovery" } | { ok: false; reason: "invalid" | "rate_limited" | "not_enrolled" };

function serverSecret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set; start the portal with `npm start`.");
  return s;
}

export async function secondFactorStatus(userId: string, accountLabel: string): Promise<FactorStatus> {
  const row = await db().secondFactor.findUnique({ where: { userId }, select: { secretSealed: true, confirmedAt: true } });
  if (!row) return { state: "none" };
  if (row.confirmedAt) {
    const recoveryCodesLeft = await db().recoveryCode.count({ where: { userId, usedAt: null } });
    return { state: "on", confirmedAt: row.confirmedAt, recoveryCodesLeft };
  }
  const secret = openSecret(row.secretSealed, serverSecret());
  // A secret sealed under another server secret cannot be read: start over.
  if (!secret) return { state: "none" };
  return { state: "pending", secret, uri: totpUri(accountLabel, secret) };
}

export async function hasConfirmedSecondFactor(userId: string): Promise<boolean> {
  const row = await db().secondFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return !!row?.confirmedAt;
}

/** A new secret waiting for its first code; replaces an unconfirmed one. False when one is on already. */
export async function startEnrolment(userId: string): Promise<boolean> {
  const sealed = sealSecret(newTotpSecret(), serverSecret());
  const existing = await db().secondFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) return false;
  await db().secondFactor.upsert({ where: { userId }, create: { userId, secretSealed: sealed }, update: { secretSealed: sealed, lastUsedStep: null } });
  return true;
}

/**
 * The first code proves the authenticator app holds the secret: the factor is turned on, ten
 * recovery codes are made (returned here only; stored as hashes) and this session counts as
 * stepped up.
 */
export async function confirmEnrolment(userId: string, code: string, sessionHash: string | null, ip: string | null): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: "invalid" | "rate_limited" | "not_enrolled" }> {
  if (await isLimited(userId)) return { ok: false, reason: "rate_limited" };
  const row = await db().secondFactor.findUnique({ where: { userId }, select: { secretSealed: true, confirmedAt: true } });
  if (!row || row.confirmedAt) return { ok: false, reason: "not_enrolled" };
  const secret = openSecret(row.secretSealed, serverSecret());
  const step = secret ? await checkTotp(secret, code, null) : null;
  if (step === null) {
    await wrongCode(userId, "enrol", ip);
    return { ok: false, reason: "invalid" };
  }
  const recoveryCodes = newRecoveryCodes(10);
  const now = new Date();
  const done = await db().$transaction(async (tx) => {
    const { count } = await tx.secondFactor.updateMany({ where: { userId, confirmedAt: null }, data: { confirmedAt: now, lastUsedStep: step } });
    if (!count) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ id: newId("rcv"), userId, hash: hashRecoveryCode(c) })) });
    if (sessionHash) await tx.session.updateMany({ where: { userId, sessionToken: sessionHash }, data: { secondFactorAt: now } });
    await audit(tx, { actorUserId: userId, actorKind: "user", action: "2fa.enrolled", targetType: "user", targetId: userId, ip, details: { recoveryCodes: recoveryCodes.length } });
    return true;
  });
  return done ? { ok: true, recoveryCodes } : { ok: false, reason: "not_enrolled" };
}

/** Checks a TOTP code (never one already used) or spends a recovery code. Counts wrong codes. */
async function checkCode(userId: string, code: string, purpose: string, ip: string | null): Promise<CodeCheck> {
  if (await isLimited(userId)) {
    await auditFailure(userId, purpose, "rate_limited", ip);
    return { ok: false, reason: "rate_limited" };
  }
  const row = await db().secondFactor.findUnique({ where: { userId }, select: { secretSealed: true, confirmedAt: true, lastUsedStep: true } });
  if (!row?.confirmedAt) return { ok: false, reason: "not_enrolled" };
  const input = code.trim();
  if (/^\d[\d\s]{5,7}$/.test(input)) {
    const secret = openSecret(row.secretSealed, serverSecret());
    const step = secret ? await checkTotp(secret, input, row.lastUsedStep) : null;
    if (step !== null) {
      // Only one request can move the step forward: a code raced in twice passes once.
      const { count } = await db().secondFactor.updateMany({
        where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
        data: { lastUsedStep: step },
      });
      if (count) return { ok: true, method: "totp" };
    }
  } else if (input.length >= 8 && input.length <= 20) {
    const { count } = await db().recoveryCode.updateMany({ where: { userId, hash: hashRecoveryCode(input), usedAt: null }, data: { usedAt: new Date() } });
    if (count) return { ok: true, method: "recovery" };
  }
  await wrongCode(userId, purpose, ip);
  return { ok: false, reason: "invalid" };
}

/** Step-up: a good code marks this session's secondFactorAt (admin actions need it recent). */
export async function verifyStepUp(userId: string, code: string, sessionHash: string, ip: string | null): Promise<CodeCheck> {
  const result = await checkCode(userId, code, "step_up", ip);
  if (!result.ok) return result;
  await db().$transaction(async (tx) => {
    await tx.session.updateMany({ where: { userId, sessionToken: sessionHash }, data: { secondFactorAt: new Date() } });
    const left = result.method === "recovery" ? await tx.recoveryCode.count({ where: { userId, usedAt: null } }) : null;
    await audit(tx, { actorUserId: userId, actorKind: "user", action: "2fa.step_up", targetType: "user", targetId: userId, ip, details: { method: result.method, ...(left !== null && { recoveryCodesLeft: left }) } });
  });
  return result;
}

/** Turns the factor off (a current code is required) and forgets every step-up. */
export async function disableSecondFactor(userId: string, code: string, ip: string | null): Promise<CodeCheck> {
  const result = await checkCode(userId, code, "disable", ip);
  if (!result.ok) return result;
  await db().$transaction(async (tx) => {
    await tx.secondFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.session.updateMany({ where: { userId }, data: { secondFactorAt: null } });
    await audit(tx, { actorUserId: userId, actorKind: "user", action: "2fa.disabled", targetType: "user", targetId: userId, ip, details: { method: result.method } });
  });
  return result;
}

/** The current session's last step-up, or null. */
export async function sessionSecondFactorAt(userId: string, sessionHash: string | null): Promise<Date | null> {
  if (!sessionHash) return null;
  const s = await db().session.findUnique({ where: { sessionToken: sessionHash }, select: { userId: true, secondFactorAt: true } });
  return s && s.userId === userId ? s.secondFactorAt : null;
}

// --- Wrong-code limit -----------------------------------------------------------------------------

/** True while the user's wrong codes in this window have reached the limit (read only, no hit). */
async function isLimited(userId: string): Promise<boolean> {
  const b = await db().rateLimitBucket.findUnique({ where: { key: bucketKey(WRONG_CODE_RULE, userId) }, select: { count: true, expiresAt: true } });
  return !!b && b.expiresAt > new Date() && b.count >= WRONG_CODE_RULE.limit;
}

async function wrongCode(userId: string, purpose: string, ip: string | null): Promise<void> {
  await hitRateLimit(db(), WRONG_CODE_RULE, userId);
  await auditFailure(userId, purpose, "invalid", ip);
}

async function auditFailure(userId: string, purpose: string, reason: string, ip: string | null): Promise<void> {
  await audit(db(), { actorUserId: userId, actorKind: "user", action: "2fa.failed", targetType: "user", targetId: userId, ip, details: { purpose, reason } });
}
