// Try-it test keys through their route handlers on the real database: which apps are offered, the
// key's shape (ptl_test_, one hour, this API only, "Try-it key", audited, listed, hash only), 404
// for other people's apps and for APIs the caller cannot see, 403 for members, the Origin check
// for session callers, the per-user limit, and every answer checked against the portal's spec.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { generateSessionToken, hashSessionToken } from "@/lib/auth/session-token";
import { newId } from "@/lib/ids";
import { mintSecret } from "@/lib/keys/format";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { assertDocumented } from "@/tests/contract";
import { testDb } from "@/tests/db";

vi.mock("server-only", () => ({}));
// The session cookie a request carries, when a test sets one (the other requests use tokens).
const cookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => (cookie.value ? { value: cookie.value } : undefined) }) }));

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-try-it-"));
const db = testDb();
type Who = "alice" | "bob" | "carol" | "dave";
const tokens = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;
let r: {
  apps: typeof import("@/app/api/v1/apis/[api]/try-it/route");
  mint: typeof import("@/app/api/v1/apps/[appId]/try-it-keys/route");
  newApp: typeof import("@/app/api/v1/apps/route");
  access: typeof import("@/app/api/v1/apps/[appId]/access/route");
  keys: typeof import("@/app/api/v1/apps/[appId]/keys/route");
};

const PORTAL = "http://localhost:3000";
function req(who: Who | null, method: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${PORTAL}/api/v1/x`, {
    method,
    headers: { ...(who && { authorization: `Bearer ${tokens[who]}` }), "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const read = async (res: Response) => ({ status: res.status, headers: res.headers, body: await res.json() });

async function person(who: Who) {
  const user = await db.user.create({ data: { id: newId("usr"), email: `${who}-${Date.now()}@example.test`, name: who } });
  const pat = mintSecret("pat");
  await db.personalAccessToken.create({ data: { id: newId("pat"), userId: user.id, name: "t", prefix: pat.prefix, last4: pat.last4, hash: pat.hash } });
  tokens[who] = pat.plaintext;
  ids[who] = user.id;
}

async function appWith(who: Who, name: string, apis: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const created = await read(await r.newApp.POST(req(who, "POST", { name, ...extra })));
  expect(created.status).toBe(201);
  for (const apiId of apis) expect((await r.access.POST(req(who, "POST", { apiId }), ctx({ appId: created.body.id }))).status).toBe(200);
  return created.body.id;
}

beforeAll(async () => {
  // Two demo APIs are enough: a public one (weather) and a partner one (travel).
  const specs = path.join(root, "specs");
  for (const api of ["weather", "travel"]) fs.cpSync(path.resolve("specs", api), path.join(specs, api), { recursive: true });
  await ingestSpecs({ specsDir: specs, cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  process.env.DATA_DIR = root;
  process.env.SPECS_DIR = specs;
  process.env.PORTAL_URL = PORTAL;
  process.env.DATABASE_URL = inject("databaseUrl");
  for (const who of ["alice", "bob", "carol", "dave"] as const) await person(who);
  r = {
    apps: await import("@/app/api/v1/apis/[api]/try-it/route"),
    mint: await import("@/app/api/v1/apps/[appId]/try-it-keys/route"),
    newApp: await import("@/app/api/v1/apps/route"),
    access: await import("@/app/api/v1/apps/[appId]/access/route"),
    keys: await import("@/app/api/v1/apps/[appId]/keys/route"),
  };
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("Try-it test keys", () => {
  let appId = "";
  let orgAppId = "";

  it("offers the caller's apps that may call the API and that they may create keys for", async () => {
    const anonymous = await read(await r.apps.GET(req(null, "GET"), ctx({ api: "weather" })));
    expect(anonymous.status).toBe(401);
    assertDocumented("GET", "/apis/{api}/try-it", 401, anonymous.body);
    expect((await read(await r.apps.GET(req("alice", "GET"), ctx({ api: "weather" })))).body).toEqual({ data: [] });

    appId = await appWith("alice", "Production widget", ["weather"], { environment: "production" });
    await appWith("alice", "Unrelated", []);
    const org = newId("org");
    await db.organization.create({ data: { id: org, slug: `tryit-${Date.now()}`, name: "Try Co", memberships: { create: [{ userId: ids.alice, role: "owner" }, { userId: ids.carol, role: "member" }] } } });
    orgAppId = await appWith("alice", "Team widget", ["weather"], { orgId: org });

    const offered = await read(await r.apps.GET(req("alice", "GET"), ctx({ api: "weather" })));
    expect(offered.status).toBe(200);
    assertDocumented("GET", "/apis/{api}/try-it", 200, offered.body);
    expect(offered.body.data).toEqual([
      { id: appId, name: "Production widget", environment: "production", owner: "Personal" },
      { id: orgAppId, name: "Team widget", environment: "sandbox", owner: "Try Co" },
    ]);
    // A member reads the team's app but may not create keys for it; a stranger has nothing.
    expect((await read(await r.apps.GET(req("carol", "GET"), ctx({ api: "weather" })))).body).toEqual({ data: [] });
    expect((await read(await r.apps.GET(req("bob", "GET"), ctx({ api: "weather" })))).body).toEqual({ data: [] });
  });

  it("answers 404 for an unknown API and for a partner API the caller cannot see", async () => {
    const unknown = await read(await r.apps.GET(req("alice", "GET"), ctx({ api: "nope" })));
    const partner = await read(await r.apps.GET(req("alice", "GET"), ctx({ api: "travel" })));
    expect(unknown.status).toBe(404);
    assertDocumented("GET", "/apis/{api}/try-it", 404, unknown.body);
    expect(partner).toEqual(unknown);
  });

  it("mints a one-hour ptl_test_ key for this API only, listed, audited, stored as its SHA-256", async () => {
    const before = Date.now();
    const res = await r.mint.POST(req("alice", "POST", { api: "weather" }), ctx({ appId }));
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
    const minted = await read(res);
    expect(minted.status).toBe(201);
    assertDocumented("POST", "/apps/{appId}/try-it-keys", 201, minted.body);
    // A test key even for a production app: Try-it is for trying.
    expect(minted.body.secret).toMatch(/^ptl_test_[0-9A-Za-z]{36}$/);
    expect(minted.body).toMatchObject({ name: "Try-it key", prefix: "ptl_test_", scopes: ["weather:read", "weather:write"], status: "active" });
    const expires = Date.parse(minted.body.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(3_600_000 - 1_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(3_600_000);

    const listed = await read(await r.keys.GET(req("alice", "GET"), ctx({ appId })));
    expect(listed.body.data.map((k: { id: string }) => k.id)).toContain(minted.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(minted.body.secret);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: minted.body.id } });
    expect(row.hash).toBe(crypto.createHash("sha256").update(minted.body.secret).digest("hex"));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "key.created", targetId: minted.body.id } });
    expect(event.actorUserId).toBe(ids.alice);
    expect(event.details).toMatchObject({ purpose: "try-it", scopes: ["weather:read", "weather:write"], prefix: "ptl_test_" });
    expect(JSON.stringify(event)).not.toContain(minted.body.secret);
  });

  it("refuses other people's apps (404 like an unknown app), members (403), APIs without a grant (400) and extra fields", async () => {
    const stolen = await read(await r.mint.POST(req("bob", "POST", { api: "weather" }), ctx({ appId })));
    const missing = await read(await r.mint.POST(req("bob", "POST", { api: "weather" }), ctx({ appId: "app_00000000000000000000" })));
    expect(stolen.status).toBe(404);
    expect(stolen.body).toEqual(missing.body);
    assertDocumented("POST", "/apps/{appId}/try-it-keys", 404, stolen.body);

    const member = await read(await r.mint.POST(req("carol", "POST", { api: "weather" }), ctx({ appId: orgAppId })));
    expect(member.status).toBe(403);
    assertDocumented("POST", "/apps/{appId}/try-it-keys", 403, member.body);

    const noGrant = await read(await r.mint.POST(req("alice", "POST", { api: "travel" }), ctx({ appId })));
    expect(noGrant.status).toBe(404); // travel is a partner API alice cannot see
    const bad = await read(await r.mint.POST(req("alice", "POST", { api: "weather", scopes: ["travel:write"] }), ctx({ appId })));
    expect(bad.status).toBe(400);
    assertDocumented("POST", "/apps/{appId}/try-it-keys", 400, bad.body);
    const anonymous = await read(await r.mint.POST(req(null, "POST", { api: "weather" }), ctx({ appId })));
    expect(anonymous.status).toBe(401);
    const none = await db.apiKey.count({ where: { appId: { in: [appId, orgAppId] }, createdById: { in: [ids.bob, ids.carol] } } });
    expect(none).toBe(0);
  });

  it("a public API the app has not enabled is a clear 400", async () => {
    const other = await appWith("alice", "No grant yet", []);
    const res = await read(await r.mint.POST(req("alice", "POST", { api: "weather" }), ctx({ appId: other })));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/no access to weather/);
  });

  it("with a session, only the portal's own pages may mint (Origin check)", async () => {
    const token = generateSessionToken();
    await db.session.create({ data: { id: newId("ses"), sessionToken: hashSessionToken(token), userId: ids.alice, expires: new Date(Date.now() + 3_600_000) } });
    cookie.value = token;
    try {
      const foreign = await read(await r.mint.POST(req(null, "POST", { api: "weather" }, { origin: "https://evil.example" }), ctx({ appId })));
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe("cross_origin");
      const noOrigin = await r.mint.POST(req(null, "POST", { api: "weather" }), ctx({ appId }));
      expect(noOrigin.status).toBe(403);
      const own = await read(await r.mint.POST(req(null, "POST", { api: "weather" }, { origin: PORTAL }), ctx({ appId })));
      expect(own.status).toBe(201);
      // The offer is a GET: no Origin needed (the console's fetch from a docs page).
      expect((await r.apps.GET(req(null, "GET"), ctx({ api: "weather" }))).status).toBe(200);
    } finally {
      cookie.value = undefined;
    }
  });

  it("limits each user to 20 test keys an hour (429 with Retry-After)", async () => {
    const daves = await appWith("dave", "Dave's", ["weather"]);
    for (let i = 0; i < 20; i++) expect((await r.mint.POST(req("dave", "POST", { api: "weather" }), ctx({ appId: daves }))).status).toBe(201);
    const refused = await read(await r.mint.POST(req("dave", "POST", { api: "weather" }), ctx({ appId: daves })));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    assertDocumented("POST", "/apps/{appId}/try-it-keys", 429, refused.body);
    expect(await db.apiKey.count({ where: { appId: daves } })).toBe(20);
  });
});
