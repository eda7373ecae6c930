// SEC-B8: the leaked-key report endpoint, through its route handler on the real database. Valid,
// revoked, fake and other tenants' keys all get the identical 202 body; live keys are revoked at
// once; each affected owner gets one email per report; the 61st report in an hour from one IP
// is refused with 429 and Retry-After.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { newId } from "@/lib/ids";
import { mintSecret } from "@/lib/keys/format";
import { createApiKey, revokeApiKey } from "@/lib/keys/store";
import { assertDocumented } from "@/tests/contract";
import { testDb } from "@/tests/db";

vi.mock("server-only", () => ({}));

const db = testDb();
const PEER_HEADER = "x-test-peer";
let route: typeof import("@/app/api/v1/keys/leaked/route");
const run = Date.now();

function report(body: unknown, ip: string, raw?: string): Request {
  return new Request("http://localhost:3000/api/v1/keys/leaked", {
    method: "POST",
    headers: { "content-type": "application/json", [PEER_HEADER]: ip },
    body: raw ?? JSON.stringify(body),
  });
}
const read = async (res: Response) => ({ status: res.status, body: await res.json() });

async function user(name: string) {
  return db.user.create({ data: { id: newId("usr"), email: `${name}-${run}@example.test`, name } });
}
async function app(owner: { userId?: string; orgId?: string }, createdById: string) {
  const id = newId("app");
  await db.app.create({ data: { id, name: `App ${id.slice(-4)}`, environment: "production", ownerUserId: owner.userId ?? null, orgId: owner.orgId ?? null, createdById } });
  return id;
}
const key = (appId: string, name: string) => createApiKey(db, { appId, name, scopes: ["weather:read"] }, { userId: null, kind: "system" });
const mailsTo = (email: string) => db.devMail.count({ where: { to: email } });

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.PORTAL_URL = "http://localhost:3000";
  delete process.env.SMTP_URL;
  // The client IP comes from the peer header that server/peer-address.cjs stamps in production.
  (globalThis as Record<symbol, unknown>)[Symbol.for("portolan.peerHeader")] = PEER_HEADER;
  route = await import("@/app/api/v1/keys/leaked/route");
}, 60_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("portolan.peerHeader")];
  await db.$disconnect();
});

describe("POST /api/v1/keys/leaked", () => {
  it("answers the same 202 for every input, revokes live keys and mails each owner once", async () => {
    const dana = await user("dana");
    const erin = await user("erin");
    const fay = await user("fay"); // org admin
    const gus = await user("gus"); // org member: not told
    const orgId = newId("org");
    await db.organization.create({
      data: { id: orgId, slug: `leak-${run}`, name: "Leak Co", memberships: { create: [{ userId: erin.id, role: "owner" }, { userId: fay.id, role: "admin" }, { userId: gus.id, role: "member" }] } },
    });
    const danaApp = await app({ userId: dana.id }, dana.id);
    const danaApp2 = await app({ userId: dana.id }, dana.id);
    const orgApp = await app({ orgId }, erin.id);
    const live1 = await key(danaApp, "one");
    const live2 = await key(danaApp2, "two");
    const orgKey = await key(orgApp, "org");
    const alreadyRevoked = await key(danaApp, "old");
    await revokeApiKey(db, alreadyRevoked.id, "revoked by its owner", { userId: dana.id, kind: "user" });
    const fake = mintSecret("live").plaintext; // well-formed, in no database
    const badChecksum = live1.plaintext.slice(0, -1) + (live1.plaintext.endsWith("A") ? "B" : "A");

    const answers = [
      await read(await route.POST(report([live1.plaintext, live2.plaintext, live1.plaintext], "10.0.0.1"))),
      await read(await route.POST(report([orgKey.plaintext, fake, badChecksum, "hello", 42, null], "10.0.0.1"))),
      await read(await route.POST(report([alreadyRevoked.plaintext], "10.0.0.1"))),
      await read(await route.POST(report([fake], "10.0.0.1"))),
      await read(await route.POST(report([], "10.0.0.1"))),
    ];
    for (const a of answers) expect(a).toEqual({ status: 202, body: { status: "accepted" } });
    assertDocumented("POST", "/keys/leaked", 202, answers[0]!.body);

    const keys = await db.apiKey.findMany({ where: { id: { in: [live1.id, live2.id, orgKey.id, alreadyRevoked.id] } } });
    for (const k of keys) expect(k.revokedAt, k.name).not.toBeNull();
    expect(keys.filter((k) => k.revokedReason === "leaked").map((k) => k.name).sort()).toEqual(["one", "org", "two"]);

    // Dana's two apps in one report: one mail listing both keys. Org owner and admin: one each.
    expect(await mailsTo(dana.email)).toBe(1);
    const mail = await db.devMail.findFirstOrThrow({ where: { to: dana.email } });
    expect(mail.text).toContain(`ptl_live_…${live1.last4}`);
    expect(mail.text).toContain(`ptl_live_…${live2.last4}`);
    expect(mail.text).not.toContain(live1.plaintext);
    expect(await mailsTo(erin.email)).toBe(1);
    expect(await mailsTo(fay.email)).toBe(1);
    expect(await mailsTo(gus.email)).toBe(0);

    // Audited as leaked, with the reporter's address only as a keyed hash.
    const events = await db.auditEvent.findMany({ where: { action: "key.leaked", targetId: { in: [live1.id, live2.id, orgKey.id] } } });
    expect(events).toHaveLength(3);
    for (const e of events) expect(e.ip).toMatch(/^iph_[0-9a-f]{24}$/);
    // Reporting the same keys again changes nothing and mails no one.
    expect(await read(await route.POST(report([live1.plaintext], "10.0.0.1")))).toEqual(answers[0]);
    expect(await mailsTo(dana.email)).toBe(1);
  });

  it("refuses bodies that are not an array of at most 1,000 strings", async () => {
    expect((await route.POST(report(null, "10.0.0.2", "{not json"))).status).toBe(400);
    expect((await route.POST(report({ keys: [] }, "10.0.0.2"))).status).toBe(400);
    const tooMany = await read(await route.POST(report(Array.from({ length: 1001 }, () => "x"), "10.0.0.2")));
    expect(tooMany.status).toBe(413);
    assertDocumented("POST", "/keys/leaked", 413, tooMany.body);
    expect((await route.POST(report(null, "10.0.0.2", JSON.stringify(["x".repeat(70_000)])))).status).toBe(413);
  });

  it("refuses the 61st report in an hour from one IP with 429 and Retry-After; other IPs go on", async () => {
    const ip = "10.0.0.3";
    for (let i = 0; i < 60; i++) expect((await route.POST(report([], ip))).status, `report ${i + 1}`).toBe(202);
    const refused = await route.POST(report([], ip));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    assertDocumented("POST", "/keys/leaked", 429, await refused.json());
    expect((await route.POST(report([], "10.0.0.4"))).status).toBe(202);
  }, 60_000);
});
