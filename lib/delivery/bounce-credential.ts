// The credential of the mail server that posts bounce reports: `Authorization: Bearer ptl_mail_…`,
// minted with `npm run gateway:credential -- --name <mta> --kind mail` (stored, hashed, beside the
// gateway credentials; the kind in the prefix keeps the two apart).
import type { Db } from "@/lib/db/create-client";
import { parseSecret, sameHash } from "@/lib/keys/format";

/** The credential's id when the header carries a live mail credential, else null. */
export async function mailCredential(db: Pick<Db, "gatewayCredential">, authorization: string | null): Promise<string | null> {
  const parsed = parseSecret(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  if (!parsed || parsed.kind !== "mail") return null;
  const rec = await db.gatewayCredential.findUnique({ where: { hash: parsed.hash }, select: { id: true, hash: true, revokedAt: true } });
  if (!rec || rec.revokedAt || !sameHash(rec.hash, parsed.hash)) return null;
  return rec.id;
}
