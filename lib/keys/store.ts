// Creating, rotating and revoking API keys. The plaintext exists only in the return value of
// createApiKey/rotateApiKey (shown once by the caller); the database gets its SHA-256, prefix and
// last four characters. Callers check authorization first (lib/access); every change is audited.
import type { Db } from "@/lib/db/create-client";
import { newId } from "@/lib/ids";
import { audit } from "@/lib/audit";
import { mintSecret } from "./format";

export interface Actor {
  userId: string | null;
  kind: "user" | "system";
  ip?: string | null;
}

export interface NewKey {
  appId: string;
  name: string;
  scopes: string[];
  expiresAt?: Date | null;
  /** Default: by the app's environment (production → live). Try-it keys are always test keys. */
  kind?: "live" | "test";
  /** Why the key exists beyond the owner's wish, recorded in the audit entry ("try-it"). */
  purpose?: "try-it";
}

export interface CreatedKey {
  id: string;
  /** Shown once; never stored or logged. */
  plaintext: string;
  prefix: string;
  last4: string;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Mints a secret for the app's environment and stores its hash; the plaintext is returned only. */
async function insertKey(tx: Tx, environment: "sandbox" | "production", input: NewKey, actor: Actor): Promise<CreatedKey> {
  const secret = mintSecret(input.kind ?? (environment === "production" ? "live" : "test"));
  const id = newId("key");
  await tx.apiKey.create({
    data: {
      id,
      appId: input.appId,
      name: input.name,
      prefix: secret.prefix,
      last4: secret.last4,
      hash: secret.hash,
      scopes: input.scopes,
      expiresAt: input.expiresAt ?? null,
      createdById: actor.userId ?? "system",
    },
  });
  return { id, plaintext: secret.plaintext, prefix: secret.prefix, last4: secret.last4 };
}

export async function createApiKey(db: Db, input: NewKey, actor: Actor): Promise<CreatedKey> {
  return db.$transaction(async (tx) => {
    const app = await tx.app.findUniqueOrThrow({ where: { id: input.appId }, select: { environment: true, orgId: true } });
    const created = await insertKey(tx, app.environment, input, actor);
    const { id, prefix, last4 } = created;
    await audit(tx, {
      actorUserId: actor.userId,
      actorKind: actor.kind,
      action: "key.created",
      targetType: "api_key",
      targetId: id,
      orgId: app.orgId,
      ip: actor.ip,
      details: { appId: input.appId, prefix, last4, scopes: input.scopes, ...(input.purpose ? { purpose: input.purpose, expiresAt: input.expiresAt?.toISOString() ?? null } : {}) },
    });
    return created;
  });
}

/**
 * A new key with the same app, name and scopes; the old one keeps working for `graceSeconds`
 * (0 ends it at once). Scopes are copied, never widened.
 */
export async function rotateApiKey(db: Db, keyId: string, graceSeconds: number, actor: Actor, now = new Date()): Promise<CreatedKey> {
  return db.$transaction(async (tx) => {
    const old = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, include: { app: { select: { environment: true, orgId: true } } } });
    if (old.revokedAt || old.replacedById) throw new Error("key is revoked or already rotated");
    const created = await insertKey(tx, old.app.environment, { appId: old.appId, name: old.name, scopes: old.scopes, expiresAt: old.expiresAt }, actor);
    const { id } = created;
    const graceEnd = new Date(now.getTime() + graceSeconds * 1000);
    const oldEnd = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
    await tx.apiKey.update({ where: { id: keyId }, data: { replacedById: id, expiresAt: oldEnd } });
    await audit(tx, {
      actorUserId: actor.userId,
      actorKind: actor.kind,
      action: "key.rotated",
      targetType: "api_key",
      targetId: keyId,
      orgId: old.app.orgId,
      ip: actor.ip,
      details: { newKeyId: id, oldKeyValidUntil: oldEnd.toISOString(), last4: created.last4 },
    });
    return created;
  });
}

export async function revokeApiKey(db: Db, keyId: string, reason: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.update({
      where: { id: keyId },
      data: { revokedAt: new Date(), revokedReason: reason },
      select: { appId: true, app: { select: { orgId: true } } },
    });
    await audit(tx, {
      actorUserId: actor.userId,
      actorKind: actor.kind,
      action: "key.revoked",
      targetType: "api_key",
      targetId: keyId,
      orgId: key.app.orgId,
      ip: actor.ip,
      details: { reason },
    });
  });
}
