// `npm run admin:grant -- <email>`: makes an existing user a portal admin (they must have signed in
// once). `--revoke <email>` makes them a developer again; `--list` lists admins. Audited as the
// system acting from the command line. Reaches the database like every CLI (server/cli-db.ts).
import { parseArgs } from "node:util";
import { audit } from "@/lib/audit";
import { normalizeEmail } from "@/lib/auth/email-address";
import { runWithCliDatabase } from "@/server/cli-db";

const USAGE = "usage: npm run admin:grant -- <email> | --revoke <email> | --list";

runWithCliDatabase(async (db) => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { revoke: { type: "string" }, list: { type: "boolean" } } });
  const raw = values.revoke ?? positionals[0];
  if (!values.list && (!raw || positionals.length > 1)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const address = raw ? normalizeEmail(raw) : null;
  if (address && !address.ok) {
    console.error(`not a valid email address: ${address.reason}`);
    process.exitCode = 2;
    return;
  }
  if (values.list) {
    for (const u of await db.user.findMany({ where: { role: "admin" }, orderBy: { email: "asc" } })) {
      console.log(`${u.id}  ${u.email}${u.disabledAt ? "  (disabled)" : ""}`);
    }
    return;
  }
  const email = address!.ok ? address!.email : "";
  const role = values.revoke ? "developer" : "admin";
  const outcome = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user) return "missing" as const;
    if (user.role === role) return "unchanged" as const;
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await audit(tx, {
      actorKind: "system",
      action: role === "admin" ? "user.role_granted" : "user.role_revoked",
      targetType: "user",
      targetId: user.id,
      details: { role: "admin", via: "cli" },
    });
    return "changed" as const;
  });
  if (outcome === "missing") {
    console.error(`no user with the email ${email}: they sign in once first (or list the address in ADMIN_EMAILS)`);
    process.exitCode = 1;
  } else if (outcome === "unchanged") {
    console.log(`${email} is already ${role === "admin" ? "an admin" : "not an admin"}`);
  } else {
    console.log(role === "admin" ? `${email} is now a portal admin` : `${email} is no longer a portal admin`);
  }
});
