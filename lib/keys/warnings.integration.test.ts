// Key owners are warned once before a key expires and once when a key has sat unused for 90
// days; rotated and revoked keys, and keys in use, get nothing. Warnings go through the outbox.
import { afterAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { testDb } from "@/tests/db";
import { createApiKey, revokeApiKey } from "./store";
import { sendKeyWarnings } from "./warnings";

const db = testDb();
const run = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const DAY = 86_400_000;
const system = { userId: null, kind: "system" as const };
const portalUrl = "http://127.0.0.1:3000";

afterAll(async () => {
  await db.$disconnect();
});

const warningsFor = (keyId: string) => db.delivery.findMany({ where: { idempotencyKey: { startsWith: `key:${keyId}:` } } });

describe("key warnings", () => {
  it("expiring within a week and idle for 90 days: one mail to the owner each; nothing for the rest, nothing twice", async () => {
    const owner = await db.user.create({ data: { id: newId("usr"), email: `keyowner-${run}@example.test` } });
    const app = await db.app.create({ data: { id: newId("app"), name: "Warned app", ownerUserId: owner.id, createdById: owner.id } });
    const now = new Date();
    const key = (name: string, expiresAt: Date | null = null) => createApiKey(db, { appId: app.id, name, scopes: ["weather:read"], expiresAt }, system);

    const soon = await key("soon", new Date(now.getTime() + 3 * DAY));
    const later = await key("later", new Date(now.getTime() + 30 * DAY));
    const forgotten = await key("forgotten");
    const busy = await key("busy");
    const revoked = await key("revoked", new Date(now.getTime() + 2 * DAY));
    const old = new Date(now.getTime() - 120 * DAY);
    await db.apiKey.updateMany({ where: { id: { in: [forgotten.id, busy.id] } }, data: { createdAt: old } });
    await db.apiKey.update({ where: { id: busy.id }, data: { lastUsedAt: new Date(now.getTime() - DAY) } });
    await revokeApiKey(db, revoked.id, "test", system);

    await sendKeyWarnings(db, { portalUrl, now });
    const s = await warningsFor(soon.id);
    const f = await warningsFor(forgotten.id);
    const others = [later, busy, revoked].map((k) => warningsFor(k.id));
    expect(s.map((d) => d.email)).toEqual([owner.email]);
    expect(s[0]!.subject).toMatch(/^Your API key ptl_(live|test)_…\w{4} expires on \d{4}-\d{2}-\d{2}$/);
    expect(s[0]!.text).toContain(`${portalUrl}/account/apps/${app.id}`);
    expect(f.map((d) => d.email)).toEqual([owner.email]);
    expect(f[0]!.subject).toMatch(/has not been used for 90 days$/);
    expect(f[0]!.text).toContain("since it was created on");
    expect((await Promise.all(others)).map((d) => d.length)).toEqual([0, 0, 0]);
    // The secret never appears in a warning: only prefix and last four.
    for (const k of [soon, forgotten]) for (const d of await warningsFor(k.id)) expect(d.text + d.subject).not.toContain(k.plaintext);

    await sendKeyWarnings(db, { portalUrl, now: new Date(now.getTime() + 60_000) });
    expect((await warningsFor(soon.id)).length + (await warningsFor(forgotten.id)).length).toBe(2);
  });
});
