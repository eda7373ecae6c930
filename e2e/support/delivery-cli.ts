// Runs in a child process (tsx) for e2e/subscriptions.spec.ts: talks to the e2e portal's database
// through the delivery library, the way the notice publisher will. Never part of the app.
//   npx tsx e2e/support/delivery-cli.ts <data-dir> enqueue-email <email> <api>   → enqueues one notice
//   npx tsx e2e/support/delivery-cli.ts <data-dir> enqueue-webhook <endpointId>  → enqueues one event
//   npx tsx e2e/support/delivery-cli.ts <data-dir> recipients <api>              → JSON of subscribersFor
import fs from "node:fs";
import path from "node:path";
import { createDbClient } from "../../lib/db/create-client";
import { enqueueDeliveries, subscribersFor } from "../../lib/delivery/outbox";

async function main() {
  const [dataDir, cmd, a, b] = process.argv.slice(2);
  const url = process.env.DATABASE_URL || (JSON.parse(fs.readFileSync(path.join(path.resolve(dataDir!), "embedded-db.json"), "utf8")) as { url: string }).url;
  const db = createDbClient(url, { poolSize: 1 });
  try {
    const stamp = Date.now();
    if (cmd === "recipients") {
      const r = await db.$transaction((tx) => subscribersFor(tx, { api: a!, severity: "breaking" }));
      process.stdout.write(JSON.stringify(r));
    } else if (cmd === "enqueue-email") {
      const r = await db.$transaction(async (tx) => {
        const { emails } = await subscribersFor(tx, { api: b!, severity: "breaking" });
        const mine = emails.filter((e) => e.email === a);
        return enqueueDeliveries(
          tx,
          mine.map((e) => ({
            idempotencyKey: `e2e:${stamp}:${e.email}`,
            channel: "email" as const,
            to: { email: e.email },
            listId: e.list,
            subject: "Deprecation: GET /forecast/daily is sunset on 2027-03-01",
            text: "GET /forecast/daily is deprecated. Use GET /forecast with days=N instead.",
          })),
        );
      });
      process.stdout.write(JSON.stringify(r));
    } else if (cmd === "enqueue-webhook") {
      const r = await db.$transaction((tx) =>
        enqueueDeliveries(tx, [
          { idempotencyKey: `e2e:${stamp}:${a}`, channel: "webhook", to: { endpointId: a! }, subject: "Deprecation published", text: "", event: { type: "deprecation.published", data: { api: "weather" } } },
        ]),
      );
      process.stdout.write(JSON.stringify(r));
    } else throw new Error(`unknown command ${cmd}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
