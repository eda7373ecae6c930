// The REST API for apps, keys and access, called through its route handlers on the real database
// with personal access tokens: another user's or organization's objects are 404 like unknown ones,
// members cannot act as owners, strict bodies refuse extra fields, and a key's secret appears in
// its creation response only (SEC-A1, A3, B2, B4 in part; the full matrix comes with sign-in).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { newId } from "@/lib/ids";
import { mintSecret } from "@/lib/keys/format";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { assertDocumented } from "@/tests/contract";
import { testDb } from "@/tests/db";

vi.mock("server-only", () => ({}));
// Route handlers called outside Next: a request without cookies (anonymous unless a token is sent).
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-apps-"));
const db = testDb();
const tokens: Record<"alice" | "bob" | "carol", string> = { alice: "", bob: "", carol: "" };
let orgId = "";
type Routes = {
  apps: typeof import("@/app/api/v1/apps/route");
  app: typeof import("@/app/api/v1/apps/[appId]/route");
  keys: typeof import("@/app/api/v1/apps/[appId]/keys/route");
  key: typeof import("@/app/api/v1/apps/[appId]/keys/[keyId]/route");
  rotate: typeof import("@/app/api/v1/apps/[appId]/keys/[keyId]/rotate/route");
  usage: typeof import("@/app/api/v1/apps/[appId]/keys/[keyId]/usage/route");
  access: typeof import("@/app/api/v1/apps/[appId]/access/route");
};
let r: Routes;

async function person(name: keyof typeof tokens) {
  const user = await db.user.create({ data: { id: newId("usr"), email: `${name}-${Date.now()}@example.test`, name } });
  const pat = mintSecret("pat");
  await db.personalAccessToken.create({ data: { id: newId("pat"), userId: user.id, name: "test", prefix: pat.prefix, last4: pat.last4, hash: pat.hash } });
  tokens[name] = pat.plaintext;
  return user;
}

function req(who: keyof typeof tokens | null, method: string, body?: unknown, url = "http://portal.test/api/v1/x"): Request {
  return new Request(url, {
    method,
    headers: { ...(who && { authorization: `Bearer ${tokens[who]}` }), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const read = async (res: Response) => ({ status: res.status, body: res.status === 204 ? null : await res.json() });

beforeAll(async () => {
  await ingestSpecs({ specsDir: path.resolve("specs"), cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  process.env.DATA_DIR = root;
  process.env.SPECS_DIR = path.resolve("specs");
  process.env.DATABASE_URL = inject("databaseUrl");
  const alice = await person("alice");
  await person("bob");
  const carol = await person("carol");
  orgId = newId("org");
  await db.organization.create({
    data: { id: orgId, slug: `acme-${Date.now()}`, name: "Acme", memberships: { create: [{ userId: alice.id, role: "owner" }, { userId: carol.id, role: "member" }] } },
  });
  r = {
    apps: await import("@/app/api/v1/apps/route"),
    app: await import("@/app/api/v1/apps/[appId]/route"),
    keys: await import("@/app/api/v1/apps/[appId]/keys/route"),
    key: await import("@/app/api/v1/apps/[appId]/keys/[keyId]/route"),
    rotate: await import("@/app/api/v1/apps/[appId]/keys/[keyId]/rotate/route"),
    usage: await import("@/app/api/v1/apps/[appId]/keys/[keyId]/usage/route"),
    access: await import("@/app/api/v1/apps/[appId]/access/route"),
  };
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("apps, keys and access through /api/v1", () => {
  let appId = "";
  let keyId = "";
  let secret = "";

  it("creates a personal app, grants a public API at once, and puts partner APIs behind a request", async () => {
    const created = await read(await r.apps.POST(req("alice", "POST", { name: "Forecast widget", environment: "production" })));
    expect(created.status).toBe(201);
    appId = created.body.id;
    expect(created.body).toMatchObject({ name: "Forecast widget", owner: { kind: "user" }, apis: [], capability: "manage" });

    expect(await read(await r.access.POST(req("alice", "POST", { apiId: "weather" }), ctx({ appId })))).toEqual({ status: 200, body: { status: "granted", apiId: "weather" } });
    expect((await read(await r.access.POST(req("alice", "POST", { apiId: "travel" }), ctx({ appId })))).status).toBe(400);
    const pending = await read(await r.access.POST(req("alice", "POST", { apiId: "travel", reason: "We sell trips with forecasts." }), ctx({ appId })));
    expect(pending).toMatchObject({ status: 202, body: { status: "pending", apiId: "travel" } });
    // Internal APIs do not exist for apps outside the internal organization, like unknown ones.
    const internal = await read(await r.access.POST(req("alice", "POST", { apiId: "accounts", reason: "x".repeat(20) }), ctx({ appId })));
    const unknown = await read(await r.access.POST(req("alice", "POST", { apiId: "nope", reason: "x".repeat(20) }), ctx({ appId })));
    expect(internal).toEqual(unknown);
    expect(internal.status).toBe(404);
  });

  it("shows a new key's secret once, then only its prefix and last four", async () => {
    const created = await read(await r.keys.POST(req("alice", "POST", { name: "prod", scopes: ["weather:read"] }), ctx({ appId })));
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^ptl_live_[0-9A-Za-z]{36}$/);
    ({ id: keyId, secret } = created.body);
    const listed = await read(await r.keys.GET(req("alice", "GET"), ctx({ appId })));
    expect(listed.body.data[0]).toMatchObject({ id: keyId, display: `ptl_live_…${secret.slice(-4)}`, status: "active", scopes: ["weather:read"] });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    // Scopes cannot reach APIs the app has no grant for (travel is still pending).
    expect((await read(await r.keys.POST(req("alice", "POST", { name: "x", scopes: ["travel:read"] }), ctx({ appId })))).status).toBe(400);
  });

  it("refuses extra fields in bodies (mass assignment)", async () => {
    for (const body of [
      { name: "x", ownerUserId: "usr_x" },
      { name: "x", orgId: orgId, isAdmin: true },
    ]) {
      const res = await read(await r.apps.POST(req("alice", "POST", body)));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
    }
    expect((await read(await r.keys.POST(req("alice", "POST", { name: "x", scopes: ["weather:read"], hash: "0".repeat(64) }), ctx({ appId })))).status).toBe(400);
    expect((await read(await r.rotate.POST(req("alice", "POST", { gracePeriodSeconds: 0, scopes: ["*"] }), ctx({ appId, keyId })))).status).toBe(400);
  });

  it("answers 404 to another user for every operation on the app and its keys, and changes nothing", async () => {
    const before = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    const attempts = [
      () => r.app.GET(req("bob", "GET"), ctx({ appId })),
      () => r.app.PATCH(req("bob", "PATCH", { name: "mine now" }), ctx({ appId })),
      () => r.app.DELETE(req("bob", "DELETE"), ctx({ appId })),
      () => r.keys.GET(req("bob", "GET"), ctx({ appId })),
      () => r.keys.POST(req("bob", "POST", { name: "x", scopes: ["weather:read"] }), ctx({ appId })),
      () => r.key.DELETE(req("bob", "DELETE"), ctx({ appId, keyId })),
      () => r.rotate.POST(req("bob", "POST", { gracePeriodSeconds: 0 }), ctx({ appId, keyId })),
      () => r.usage.GET(req("bob", "GET", undefined, "http://portal.test/x?days=7"), ctx({ appId, keyId })),
      () => r.access.POST(req("bob", "POST", { apiId: "weather" }), ctx({ appId })),
    ];
    const unknownApp = await read(await r.app.GET(req("bob", "GET"), ctx({ appId: newId("app") })));
    // One after another: the embedded database serves one connection's statements at a time.
    for (const res of await Promise.all(attempts.map((a) => a()))) expect(await read(res)).toEqual(unknownApp);
    expect(unknownApp).toEqual({ status: 404, body: { error: { code: "not_found", message: "No such resource." } } });
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).toEqual(before);
    // A key id of one app under another app is unknown too.
    const other = await read(await r.apps.POST(req("bob", "POST", { name: "Bob's" })));
    expect((await read(await r.key.DELETE(req("bob", "DELETE"), ctx({ appId: other.body.id, keyId })))).status).toBe(404);
  });

  it("lets organization members read the org's apps but not act as owners", async () => {
    const orgApp = await read(await r.apps.POST(req("alice", "POST", { name: "Acme backend", orgId })));
    expect(orgApp.body.owner).toMatchObject({ kind: "organization", id: orgId });
    const id = orgApp.body.id;
    expect((await read(await r.app.GET(req("carol", "GET"), ctx({ appId: id })))).body.capability).toBe("read");
    expect((await read(await r.app.PATCH(req("carol", "PATCH", { name: "x" }), ctx({ appId: id })))).status).toBe(403);
    expect((await read(await r.keys.POST(req("carol", "POST", { name: "x", scopes: ["weather:read"] }), ctx({ appId: id })))).status).toBe(403);
    expect((await read(await r.apps.POST(req("carol", "POST", { name: "x", orgId })))).status).toBe(403);
    expect((await read(await r.app.GET(req("bob", "GET"), ctx({ appId: id })))).status).toBe(404);
    expect((await read(await r.apps.POST(req("bob", "POST", { name: "x", orgId })))).status).toBe(404);
  });

  it("rotates with a grace period of 0 and revokes; the secret is stored nowhere", async () => {
    const rotated = await read(await r.rotate.POST(req("alice", "POST", { gracePeriodSeconds: 0 }), ctx({ appId, keyId })));
    expect(rotated.status).toBe(201);
    expect(rotated.body.scopes).toEqual(["weather:read"]);
    const keys = (await read(await r.keys.GET(req("alice", "GET"), ctx({ appId })))).body.data;
    expect(keys.find((k: { id: string }) => k.id === keyId)).toMatchObject({ status: "rotated", replacedById: rotated.body.id });
    const revoked = await read(await r.key.DELETE(req("alice", "DELETE"), ctx({ appId, keyId: rotated.body.id })));
    expect(revoked.body.status).toBe("revoked");

    const dump = JSON.stringify([await db.apiKey.findMany(), await db.auditEvent.findMany(), await db.app.findMany()]);
    for (const s of [secret, rotated.body.secret]) {
      expect(dump).not.toContain(s);
      expect(dump).not.toContain(s.slice(9, 39));
    }
    const actions = (await db.auditEvent.findMany({ where: { targetId: { in: [keyId, rotated.body.id] } } })).map((e) => e.action).sort();
    expect(actions).toEqual(["key.created", "key.revoked", "key.rotated"]);
  });

  it("refuses missing, malformed and revoked tokens", async () => {
    expect((await r.apps.GET(req(null, "GET"))).status).toBe(401);
    const bad = new Request("http://portal.test/api/v1/apps", { headers: { authorization: "Bearer ptl_pat_nope" } });
    expect((await r.apps.GET(bad)).status).toBe(401);
    const revokedPat = mintSecret("pat");
    const user = await db.user.findFirstOrThrow();
    await db.personalAccessToken.create({ data: { id: newId("pat"), userId: user.id, name: "old", prefix: revokedPat.prefix, last4: revokedPat.last4, hash: revokedPat.hash, revokedAt: new Date() } });
    expect((await r.apps.GET(new Request("http://portal.test/api/v1/apps", { headers: { authorization: `Bearer ${revokedPat.plaintext}` } }))).status).toBe(401);
  });

  it("answers as the portal's own OpenAPI description says, every operation and error (contract)", async () => {
    const check = async (method: string, template: string, res: Response | Promise<Response>, status: number) => {
      const { status: got, body } = await read(await res);
      expect(got, `${method} ${template}`).toBe(status);
      assertDocumented(method, template, got, body);
      return body;
    };
    const app = await check("POST", "/apps", r.apps.POST(req("alice", "POST", { name: "Contract", description: "for the contract test" })), 201);
    const id = { appId: app.id };
    await check("GET", "/apps", r.apps.GET(req("alice", "GET")), 200);
    await check("GET", "/apps/{appId}", r.app.GET(req("alice", "GET"), ctx(id)), 200);
    await check("PATCH", "/apps/{appId}", r.app.PATCH(req("alice", "PATCH", { description: null }), ctx(id)), 200);
    await check("POST", "/apps/{appId}/access", r.access.POST(req("alice", "POST", { apiId: "weather" }), ctx(id)), 200);
    await check("POST", "/apps/{appId}/access", r.access.POST(req("alice", "POST", { apiId: "travel", reason: "Contract test reason" }), ctx(id)), 202);
    const key = await check("POST", "/apps/{appId}/keys", r.keys.POST(req("alice", "POST", { name: "c", scopes: ["weather:read"] }), ctx(id)), 201);
    const kid = { ...id, keyId: key.id };
    await check("GET", "/apps/{appId}/keys", r.keys.GET(req("alice", "GET"), ctx(id)), 200);
    await check("GET", "/apps/{appId}/keys/{keyId}/usage", r.usage.GET(req("alice", "GET", undefined, "http://portal.test/x?days=30"), ctx(kid)), 200);
    const rotated = await check("POST", "/apps/{appId}/keys/{keyId}/rotate", r.rotate.POST(req("alice", "POST", {}), ctx(kid)), 201);
    await check("POST", "/apps/{appId}/keys/{keyId}/rotate", r.rotate.POST(req("alice", "POST", {}), ctx(kid)), 409);
    await check("DELETE", "/apps/{appId}/keys/{keyId}", r.key.DELETE(req("alice", "DELETE"), ctx({ ...id, keyId: rotated.id })), 200);
    // Errors share one documented shape.
    await check("GET", "/apps", r.apps.GET(req(null, "GET")), 401);
    await check("POST", "/apps", r.apps.POST(req("alice", "POST", { name: "" })), 400);
    await check("GET", "/apps/{appId}", r.app.GET(req("bob", "GET"), ctx(id)), 404);
    await check("GET", "/apps/{appId}/keys/{keyId}/usage", r.usage.GET(req("alice", "GET", undefined, "http://portal.test/x?days=0"), ctx(kid)), 400);
    await check("DELETE", "/apps/{appId}", r.app.DELETE(req("alice", "DELETE"), ctx(id)), 204);
  });
});
