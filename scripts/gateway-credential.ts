// `npm run gateway:credential -- --name <gateway name>`: creates a credential an API gateway
// presents to the key-verification endpoint, and prints it once (only its hash is stored).
// `--revoke <id>` revokes one; `--list` lists them (prefix and last four characters only).
// `--kind mail` makes a mail-server credential instead (`ptl_mail_…`), for the MTA that posts
// bounce reports to POST /api/v1/mail/bounces; it cannot verify keys, and a gateway's cannot post
// bounces. Both kinds live in the same table.
import { parseArgs } from "node:util";
import { audit } from "@/lib/audit";
import { newId } from "@/lib/ids";
import { maskedSecret, mintSecret } from "@/lib/keys/format";
import { runWithCliDatabase } from "@/server/cli-db";

runWithCliDatabase(async (db) => {
  const { values } = parseArgs({ options: { name: { type: "string" }, kind: { type: "string" }, revoke: { type: "string" }, list: { type: "boolean" } } });
  const kind = values.kind ?? "gateway";
  if (kind !== "gateway" && kind !== "mail") {
    console.error(`--kind must be gateway or mail (got ${JSON.stringify(kind)})`);
    process.exitCode = 2;
    return;
  }
  if (values.list) {
    for (const g of await db.gatewayCredential.findMany({ orderBy: { createdAt: "asc" } })) {
      console.log(`${g.id}  ${maskedSecret(g.prefix, g.last4)}  ${g.name}${g.revokedAt ? "  (revoked)" : ""}`);
    }
  } else if (values.revoke) {
    await db.$transaction(async (tx) => {
      await tx.gatewayCredential.update({ where: { id: values.revoke }, data: { revokedAt: new Date() } });
      await audit(tx, { actorKind: "system", action: "gateway_credential.revoked", targetType: "gateway_credential", targetId: values.revoke });
    });
    console.log(`revoked ${values.revoke}`);
  } else if (values.name) {
    const secret = mintSecret(kind);
    const id = newId("gwc");
    await db.$transaction(async (tx) => {
      await tx.gatewayCredential.create({ data: { id, name: values.name!, prefix: secret.prefix, last4: secret.last4, hash: secret.hash } });
      await audit(tx, { actorKind: "system", action: "gateway_credential.created", targetType: "gateway_credential", targetId: id, details: { name: values.name!, kind, last4: secret.last4 } });
    });
    console.log(`created ${id} (${values.name}). The credential, shown only now:\n\n  ${secret.plaintext}\n`);
  } else {
    console.error("usage: npm run gateway:credential -- --name <name> [--kind gateway|mail] | --list | --revoke <id>");
    process.exitCode = 2;
  }
});
