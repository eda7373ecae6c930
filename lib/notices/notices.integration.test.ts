// Deprecation notices on the real database: the spec sync is idempotent, admin actions are for
// admins and audited, the reach counts come from KeyUsageDaily, the gateway headers endpoint and
// the key-verification answer share their values, and a brownout reaches a running gateway
// server within a second (NOTIFY portolan_notices). The demo Weather spec is copied as API "wx"
// so other test files' answers for "weather" are not affected; Travel as "wxpartner" (partner).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { newId } from "@/lib/ids";
import { mintSecret } from "@/lib/keys/format";
import { createApiKey } from "@/lib/keys/store";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { startGatewayServer, type GatewayServer } from "@/server/gateway";
import { assertDocumented } from "@/tests/contract";
import { testDb } from "@/tests/db";
import { noticeAudience } from "./audience";
import { deprecationEntries } from "./gateway-headers";
import { buildLiveIndex, loadLiveNotices } from "./live-index";
import { addBrownout, createDraft, NoticeInputSchema, NoticeNotFound, publishNotice, removeBrownout, withdrawNotice, type Actor } from "./store";
import { syncSpecNoticesFromCache } from "./sync-from-cache";
import { createCatalogReader } from "@/lib/specs/catalog-reader";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-notices-"));
const db = testDb();
let admin: Actor;
let developer: Actor;
let gw: GatewayServer;
let gatewaySecret = "";
let keySecret = "";
let adminNotice = "";
const system = { userId: null, kind: "system" as const };
const DAY = 86_400_000;
const utcDay = (offset: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + offset));

beforeAll(async () => {
  fs.cpSync(path.resolve("specs/weather"), path.join(root, "specs/wx"), { recursive: true });
  fs.cpSync(path.resolve("specs/travel"), path.join(root, "specs/wxpartner"), { recursive: true });
  await ingestSpecs({ specsDir: path.join(root, "specs"), cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  process.env.DATA_DIR = root;
  process.env.SPECS_DIR = path.join(root, "specs");
  process.env.DATABASE_URL = inject("databaseUrl");
  const a = await db.user.create({ data: { id: newId("usr"), email: `notice-admin-${Date.now()}@example.test`, role: "admin" } });
  const d = await db.user.create({ data: { id: newId("usr"), email: `notice-dev-${Date.now()}@example.test` } });
  admin = { userId: a.id, isAdmin: true, ip: "127.0.0.1" };
  developer = { userId: d.id, isAdmin: false };
}, 120_000);

afterAll(async () => {
  await gw?.stop();
  await db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("spec notices sync", () => {
  it("creates the spec's notices once, published, and changes nothing on a second run", async () => {
    const first = await syncSpecNoticesFromCache(db, cacheDirFor(root));
    expect(first.created).toBeGreaterThanOrEqual(6);
    const rows = await db.deprecationNotice.findMany({ where: { source: "spec", apiId: { in: ["wx", "wxpartner"] } } });
    expect(rows.map((r) => r.specKey).sort()).toEqual([
      "op:wx:v2 GET /current",
      "op:wx:v2 GET /stations/{stationId}/observations",
      "param:wx:v2 GET /alerts:query:since",
      "param:wx:v2 GET /stations:query:radius",
      "version:wx:v1",
      "version:wxpartner:2024-11-15",
    ]);
    expect(rows.every((r) => r.status === "published" && r.publishedAt)).toBe(true);
    // A second instance starting at the same time, then a restart: no new rows, no updates.
    const [again, concurrent] = await Promise.all([syncSpecNoticesFromCache(db, cacheDirFor(root)), syncSpecNoticesFromCache(db, cacheDirFor(root))]);
    expect(again).toEqual({ created: 0, updated: 0, withdrawn: 0 });
    expect(concurrent).toEqual({ created: 0, updated: 0, withdrawn: 0 });
    expect(await db.deprecationNotice.count({ where: { source: "spec", apiId: { in: ["wx", "wxpartner"] } } })).toBe(6);
  });
});

describe("admin notices", () => {
  const input = NoticeInputSchema.parse({ title: "GET /forecast moves to /forecasts", operations: ["v2 GET /forecast"], versions: ["v2"], sunsetAt: "2027-01-15", migrationGuide: "Call `GET /forecasts`." });

  it("are for admins only: anyone else gets NoticeNotFound, as for an unknown notice", async () => {
    await expect(createDraft(db, developer, "wx", input)).rejects.toBeInstanceOf(NoticeNotFound);
    adminNotice = await createDraft(db, admin, "wx", input);
    await expect(publishNotice(db, adminNotice, developer)).rejects.toBeInstanceOf(NoticeNotFound);
    await expect(withdrawNotice(db, adminNotice, developer)).rejects.toBeInstanceOf(NoticeNotFound);
    expect((await db.deprecationNotice.findUniqueOrThrow({ where: { id: adminNotice } })).status).toBe("draft");
  });

  it("publish and withdraw are audited in their transaction", async () => {
    await publishNotice(db, adminNotice, admin);
    await publishNotice(db, adminNotice, admin); // a second click does nothing
    const published = await db.deprecationNotice.findUniqueOrThrow({ where: { id: adminNotice } });
    expect(published.status).toBe("published");
    expect(published.publishedAt).not.toBeNull();
    const draftToWithdraw = await createDraft(db, admin, "wx", NoticeInputSchema.parse({ title: "Oops" }));
    await addBrownout(db, draftToWithdraw, admin, { startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + DAY + 60_000) });
    await withdrawNotice(db, draftToWithdraw, admin);
    expect(await db.brownout.count({ where: { noticeId: draftToWithdraw } })).toBe(0);
    const events = await db.auditEvent.findMany({ where: { targetId: { in: [adminNotice, draftToWithdraw] } }, orderBy: { at: "asc" } });
    expect(events.map((e) => `${e.targetId === adminNotice ? "A" : "B"} ${e.action}`)).toEqual(["A notice.created", "A notice.published", "B notice.created", "B notice.brownout_scheduled", "B notice.withdrawn"]);
    expect(events.every((e) => e.actorUserId === admin.userId && e.actorKind === "user" && e.ip === "127.0.0.1")).toBe(true);
  });
});

describe("noticeAudience", () => {
  it("counts apps, owners and calls of the affected operations over 90 days", async () => {
    const alice = await db.user.create({ data: { id: newId("usr"), email: `alice-${Date.now()}@example.test` } });
    const owner = await db.user.create({ data: { id: newId("usr"), email: `owner-${Date.now()}@example.test` } });
    const orgAdmin = await db.user.create({ data: { id: newId("usr"), email: `orgadmin-${Date.now()}@example.test` } });
    const member = await db.user.create({ data: { id: newId("usr"), email: `member-${Date.now()}@example.test` } });
    const org = await db.organization.create({ data: { id: newId("org"), slug: `wx-${Date.now()}`, name: "Wx Org", memberships: { create: [{ userId: owner.id, role: "owner" }, { userId: orgAdmin.id, role: "admin" }, { userId: member.id, role: "member" }] } } });
    const personal = await db.app.create({ data: { id: newId("app"), name: "Personal", ownerUserId: alice.id, createdById: alice.id } });
    const team = await db.app.create({ data: { id: newId("app"), name: "Team", orgId: org.id, createdById: owner.id } });
    const idle = await db.app.create({ data: { id: newId("app"), name: "Idle", ownerUserId: alice.id, createdById: alice.id } });
    const k1 = await createApiKey(db, { appId: personal.id, name: "k", scopes: [] }, system);
    const k2 = await createApiKey(db, { appId: team.id, name: "k", scopes: [] }, system);
    const k3 = await createApiKey(db, { appId: idle.id, name: "k", scopes: [] }, system);
    const row = (keyId: string, offset: number, operation: string, calls: number, version = "v2") => ({ keyId, day: utcDay(offset), apiId: "wx", version, operation, calls });
    await db.keyUsageDaily.createMany({
      data: [
        row(k1.id, 0, "GET /forecast", 20),
        row(k1.id, -1, "GET /forecast", 10),
        row(k1.id, -89, "GET /forecast", 1),
        row(k1.id, -90, "GET /forecast", 1000), // 91 days ago: outside the window
        row(k1.id, 0, "GET /alerts", 7), // another operation
        row(k2.id, -3, "GET /forecast", 5),
        row(k3.id, -2, "GET /forecast", 99, "v1"), // another version
      ],
    });
    const notice = await db.deprecationNotice.findUniqueOrThrow({ where: { id: adminNotice } });
    const reach = await noticeAudience(db, notice, { days: 90 });
    expect(reach.totals).toEqual({ apps: 2, owners: 3, calls: 36 });
    expect(reach.apps).toEqual([
      { appId: personal.id, name: "Personal", owners: [alice.email], calls: [{ operation: "v2 GET /forecast", calls: 31 }], total: 31 },
      { appId: team.id, name: "Team", owners: [orgAdmin.email, owner.email].sort(), calls: [{ operation: "v2 GET /forecast", calls: 5 }], total: 5 },
    ]);
    // A version-wide notice reaches every operation of the version.
    const whole = await noticeAudience(db, { apiId: "wx", versions: ["v1"], operations: [] }, { days: 90 });
    expect(whole.totals).toEqual({ apps: 1, owners: 1, calls: 99 });
  });
});

describe("gateway headers", () => {
  it("lists versions and operations with the same values as key verification, admin notices included", async () => {
    const reader = createCatalogReader(() => cacheDirFor(root));
    const wx = reader.getCatalog().apis.filter((a) => a.id === "wx");
    const entries = deprecationEntries(wx, reader.getVersionModel, buildLiveIndex(await loadLiveNotices(db), new Date()));
    const published = (await db.deprecationNotice.findUniqueOrThrow({ where: { id: adminNotice } })).publishedAt!;
    const find = (version: string, path: string | null) => entries.find((e) => e.version === version && (e.operation?.path ?? null) === path);
    expect(find("v1", null)?.headers).toEqual({ Deprecation: `@${Date.UTC(2026, 8, 1) / 1000}`, Sunset: "Wed, 31 Mar 2027 00:00:00 GMT" });
    expect(find("v2", "/current")?.headers).toEqual({ Sunset: "Wed, 30 Jun 2027 00:00:00 GMT" });
    expect(find("v2", "/forecast")).toMatchObject({
      operation: { method: "GET", path: "/forecast" },
      headers: { Deprecation: `@${Math.floor(published.getTime() / 1000)}`, Sunset: "Fri, 15 Jan 2027 00:00:00 GMT" },
      notices: [adminNotice],
    });
    // Deprecated parameters do not deprecate their operation.
    expect(find("v2", "/alerts")).toBeUndefined();
    expect(entries.filter((e) => e.version === "v1")).toHaveLength(1);
  });

  it("GET /api/v1/deprecations answers anonymous callers with public APIs only", async () => {
    const route = await import("@/app/api/v1/deprecations/route");
    const res = await route.GET(new Request("http://portal.test/api/v1/deprecations"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const body = await res.json();
    assertDocumented("get", "/deprecations", 200, body);
    const apis = new Set(body.deprecations.map((d: { api: string }) => d.api));
    expect(apis.has("wx")).toBe(true);
    expect(apis.has("wxpartner")).toBe(false);
    expect(body.deprecations.find((d: { version: string; operation: { path: string } | null }) => d.version === "v2" && d.operation?.path === "/forecast").headers.Sunset).toBe("Fri, 15 Jan 2027 00:00:00 GMT");
    const hidden = await route.GET(new Request("http://portal.test/api/v1/deprecations?api=wxpartner"));
    const unknown = await route.GET(new Request("http://portal.test/api/v1/deprecations?api=nope"));
    expect([hidden.status, unknown.status]).toEqual([404, 404]);
    const hiddenBody = await hidden.text();
    expect(hiddenBody).toBe(await unknown.text());
    assertDocumented("get", "/deprecations", 404, JSON.parse(hiddenBody));
    expect((await route.GET(new Request("http://portal.test/api/v1/deprecations?x=1"))).status).toBe(400);
  });
});

describe("brownouts in key verification", () => {
  beforeAll(async () => {
    const user = await db.user.create({ data: { id: newId("usr"), email: `brown-${Date.now()}@example.test`, name: "Brown" } });
    const app = await db.app.create({ data: { id: newId("app"), name: "Brownout app", ownerUserId: user.id, createdById: user.id, grants: { create: [{ apiId: "wx" }] } } });
    keySecret = (await createApiKey(db, { appId: app.id, name: "k", scopes: ["wx:read"] }, system)).plaintext;
    const g = mintSecret("gateway");
    gatewaySecret = g.plaintext;
    await db.gatewayCredential.create({ data: { id: newId("gwc"), name: "notices test", prefix: g.prefix, last4: g.last4, hash: g.hash } });
    // On PostgreSQL the notice cache lives a minute here, so only the notification can make the
    // brownout visible within a second; embedded PGlite does not deliver notifications across
    // connections, and there the default 500 ms TTL is what bounds it.
    const postgres = inject("databaseKind") === "postgresql";
    gw = await startGatewayServer({ port: 0, host: "127.0.0.1", databaseUrl: inject("databaseUrl"), dataDir: root, usageFlushMs: 60_000, ...(postgres && { noticeTtlMs: 60_000 }) });
  });

  const verify = async (path: string) =>
    (await fetch(`${gw.url}/api/v1/keys/verify`, { method: "POST", headers: { authorization: `Bearer ${gatewaySecret}` }, body: JSON.stringify({ key: keySecret, api: "wx", method: "GET", path }) })).json();
  const authRequest = (path: string) => fetch(`${gw.url}/api/v1/keys/verify/auth-request`, { headers: { "x-portolan-gateway": gatewaySecret, "x-portolan-api": "wx", "x-api-key": keySecret, "x-original-method": "GET", "x-original-uri": path } });
  async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return Date.now() - start;
  }

  it("tells the gateway to refuse the notice's operations during the window, on every instance within a second", async () => {
    const before = await verify("/v2/forecast");
    expect(before).toMatchObject({ valid: true, headers: { Sunset: "Fri, 15 Jan 2027 00:00:00 GMT" } });
    expect(before.brownout).toBeUndefined();
    const ends = new Date(Date.now() + 10 * 60_000);
    const brownout = await addBrownout(db, adminNotice, admin, { startsAt: new Date(Date.now() - 1000), endsAt: ends });
    const took = await within(1000, async () => (await verify("/v2/forecast")).brownout !== undefined);
    expect(took).toBeLessThan(1000);
    const during = await verify("/v2/forecast");
    expect(during.brownout).toEqual({ until: ends.toISOString(), notice: adminNotice });
    assertDocumented("post", "/keys/verify", 200, during);
    // Other operations are untouched.
    expect((await verify("/v2/alerts")).brownout).toBeUndefined();
    const refused = await authRequest("/v2/forecast");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-portolan-brownout")).toBe(ends.toISOString());
    expect(refused.headers.get("sunset")).toBe("Fri, 15 Jan 2027 00:00:00 GMT");
    expect((await authRequest("/v2/alerts")).status).toBe(200);

    await removeBrownout(db, adminNotice, brownout, admin);
    await within(1000, async () => (await verify("/v2/forecast")).brownout === undefined);
    expect((await authRequest("/v2/forecast")).status).toBe(200);
  });

  it("ignores windows that have not started", async () => {
    await addBrownout(db, adminNotice, admin, { startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + DAY + 60_000) });
    await new Promise((r) => setTimeout(r, 1200));
    // (On PostgreSQL the insert's notification already cleared the cache.)
    expect((await verify("/v2/forecast")).brownout).toBeUndefined();
  });
});
