// NEXTAUTH_SECRET keys next-auth's CSRF tokens and the hashes of emailed sign-in tokens; every
// instance must use the same one. A deployment served over https must set it (lib/env.ts refuses
// to start otherwise): a secret in the environment stays out of database backups. For the
// zero-configuration default (`npm start`, plain http on this machine) asking for one would be
// the only setup step, so the first start generates 256 random bits and keeps them in
// SystemState; every later start and every instance on the same database reads the same value
// (INSERT … ON CONFLICT DO NOTHING, then read: two instances starting at once agree). A secret
// kept beside the data it protects is weaker, which is acceptable for a local install: sessions
// do not depend on it (they are random tokens stored hashed), and emailed tokens live 10 minutes.
import crypto from "node:crypto";
import type { Db } from "@/lib/db/create-client";

const KEY = "auth.generated-secret";

export async function ensureGeneratedAuthSecret(db: Pick<Db, "$executeRaw" | "systemState">): Promise<string> {
  const candidate = crypto.randomBytes(32).toString("base64url");
  await db.$executeRaw`INSERT INTO "SystemState" ("key", "value", "updatedAt") VALUES (${KEY}, ${candidate}, now()) ON CONFLICT ("key") DO NOTHING`;
  const row = await db.systemState.findUniqueOrThrow({ where: { key: KEY } });
  return row.value;
}
