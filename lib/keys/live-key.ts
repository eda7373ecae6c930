// What verification needs to know about a key, loaded by its hash in one query. Used by the
// gateway server (outside Next.js) and the portal, so it takes the database client as an argument.
import type { Db } from "@/lib/db/create-client";

export interface LiveKeyRecord {
  id: string;
  hash: string;
  prefix: string;
  last4: string;
  scopes: string[];
  expiresAt: number | null;
  revokedAt: number | null;
  app: { id: string; name: string; environment: "sandbox" | "production" };
  owner: { kind: "user" | "organization"; id: string; name: string; disabled: boolean };
  /** APIs the app holds a grant for. */
  grantedApis: string[];
}

export async function loadKeyByHash(db: Db, hash: string): Promise<LiveKeyRecord | null> {
  const k = await db.apiKey.findUnique({
    where: { hash },
    select: {
      id: true,
      hash: true,
      prefix: true,
      last4: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      app: {
        select: {
          id: true,
          name: true,
          environment: true,
          grants: { select: { apiId: true } },
          ownerUser: { select: { id: true, name: true, email: true, disabledAt: true } },
          org: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!k) return null;
  const { app } = k;
  const owner = app.org
    ? { kind: "organization" as const, id: app.org.id, name: app.org.name, disabled: false }
    : { kind: "user" as const, id: app.ownerUser!.id, name: app.ownerUser!.name ?? app.ownerUser!.email, disabled: app.ownerUser!.disabledAt !== null };
  return {
    id: k.id,
    hash: k.hash,
    prefix: k.prefix,
    last4: k.last4,
    scopes: k.scopes,
    expiresAt: k.expiresAt?.getTime() ?? null,
    revokedAt: k.revokedAt?.getTime() ?? null,
    app: { id: app.id, name: app.name, environment: app.environment },
    owner,
    grantedApis: app.grants.map((g) => g.apiId),
  };
}
