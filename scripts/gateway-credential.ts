// `npm run gateway:credential -- --name <gateway name>`: creates a credential an API gateway
// presents to the key-verification endpoint, and prints it once (only its hash is stored).
// `--revoke <id>` revokes one; `--list` lists them (prefix and last four characters only).
import { parseArgs } from "node:util";
import { audit } from "@/lib/audit";
import { newId } from "@/lib/ids";
import { maskedSecret, mintSecret } from "@/lib/keys/format";
import { runWithCliDatabase } from "@/server/cli-db";

runWithCliDatabase(async (db) => {
  const { values } = parseArgs({ options: { name: { type: "string" }, revoke: { type: "string" }, list: { type: "boolean" } } });
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
    const secret = mintSecret("gateway");
    const id = newId("gwc");
    await db.$transaction(async (tx) => {
      await tx.gatewayCredential.create({ data: { id, name: values.name!, prefix: secret.prefix, last4: secret.last4, hash: secret.hash } });
      await audit(tx, { actorKind: "system", action: "gateway_credential.created", targetType: "gateway_credential", targetId: id, details: { name: values.name!, last4: secret.last4 } });
    });
    console.log(`created ${id} (${values.name}). The credential, shown only now:\n\n  ${secret.plaintext}\n`);
  } else {
    console.error("usage: npm run gateway:credential -- --name <name> | --list | --revoke <id>");
    process.exitCode = 2;
  }
});
