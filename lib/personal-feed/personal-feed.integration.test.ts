// Personal feed URLs on the real database, through the route handlers: a developer's feed lists
// the changelog and deprecation notices of the APIs their apps (and their organizations' apps)
// hold grants for or call, partner APIs included; another user's APIs never; a revoked grant or
// a removed membership drops an API at once; regenerate/revoke/disable end the old URL with the
// same 404 as a made-up one; the token is stored only as a hash and audited without it.
// The demo Weather spec is copied as "pfwx" (public), Travel as "pfpartner" and "pfother" (partner).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { newId } from "@/lib/ids";
import { createApiKey } from "@/lib/keys/store";
import { syncSpecNoticesFromCache } from "@/lib/notices/sync-from-cache";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { testDb } from "@/tests/db";
import { issuePersonalFeed, revokePersonalFeed } from "./store";
import { hashFeedToken } from "./token";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-pfeed-"));
const db = testDb();
const stamp = Date.now();
let alice = "";
let bob = "";
let orgId = "";
let alicePersonalApp = "";
const system = { userId: null, kind: "system" as const };

type Route = { GET: (req: Request, ctx: { params: Promise<{ token: string }> }) => Promise<Response> };
let atomRoute: Route;
let jsonRoute: Route;
let rssRoute: Route;
const get = (route: Route, token: string) => route.GET(new Request(`http://portal.test/feeds/me/${token}/x`), { params: Promise.resolve({ token }) });

/** API ids the feed's items link to. */
async function apisIn(res: Response): Promise<string[]> {
  expect(res.status).toBe(200);
  const feed = parseAtomFeed(await res.text());
  const ids = (feed.entries ?? []).map((e) => /\/apis\/([^/#]+)\//.exec(e.links?.[0]?.href ?? e.id ?? "")?.[1] ?? "?");
  return [...new Set(ids)].sort();
}

beforeAll(async () => {
  fs.cpSync(path.resolve("specs/weather"), path.join(root, "specs/pfwx"), { recursive: true });
  fs.cpSync(path.resolve("specs/travel"), path.join(root, "specs/pfpartner"), { recursive: true });
  fs.cpSync(path.resolve("specs/travel"), path.join(root, "specs/pfother"), { recursive: true });
  await ingestSpecs({ specsDir: path.join(root, "specs"), cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  process.env.DATA_DIR = root;
  process.env.SPECS_DIR = path.join(root, "specs");
  process.env.DATABASE_URL = inject("databaseUrl");
  await syncSpecNoticesFromCache(db, cacheDirFor(root));
  alice = (await db.user.create({ data: { id: newId("usr"), email: `pf-alice-${stamp}@example.test` } })).id;
  bob = (await db.user.create({ data: { id: newId("usr"), email: `pf-bob-${stamp}@example.test` } })).id;
  orgId = (await db.organization.create({ data: { id: newId("org"), slug: `pf-${stamp}`, name: "PF Org", memberships: { create: [{ userId: alice, role: "member" }] } } })).id;
  alicePersonalApp = (await db.app.create({ data: { id: newId("app"), name: "Alice's", ownerUserId: alice, createdById: alice, grants: { create: [{ apiId: "pfwx" }] } } })).id;
  await db.app.create({ data: { id: newId("app"), name: "Org app", orgId, createdById: alice, grants: { create: [{ apiId: "pfpartner" }] } } });
  await db.app.create({ data: { id: newId("app"), name: "Bob's", ownerUserId: bob, createdById: bob, grants: { create: [{ apiId: "pfother" }, { apiId: "pfwx" }] } } });
  atomRoute = (await import("@/app/feeds/me/[token]/atom.xml/route")) as Route;
  jsonRoute = (await import("@/app/feeds/me/[token]/feed.json/route")) as Route;
  rssRoute = (await import("@/app/feeds/me/[token]/rss.xml/route")) as Route;
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("personal feed", () => {
  let token = "";

  it("lists the APIs of the user's own and organizations' apps, partner included, and never another user's", async () => {
    token = await issuePersonalFeed(db, alice, "127.0.0.1");
    expect(token).toMatch(/^pfeed_[0-9A-Za-z]{43}$/);
    const row = await db.personalFeed.findUniqueOrThrow({ where: { userId: alice } });
    expect(row.tokenHash).toBe(hashFeedToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const res = await get(atomRoute, token);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(await apisIn(res)).toEqual(["pfpartner", "pfwx"]);

    // Changelog entries (the Weather files), releases and deprecation notices are all there.
    const feed = parseAtomFeed(await (await get(atomRoute, token)).text());
    const titles = (feed.entries ?? []).map((e) => String(typeof e.title === "object" && e.title ? ((e.title as { value?: string }).value ?? "") : (e.title ?? "")));
    expect(titles.some((t) => t.startsWith("Deprecation · Travel Bookings API"))).toBe(true);
    expect(titles.some((t) => t.startsWith("Deprecation · Weather"))).toBe(true);
    expect(titles.some((t) => /^Weather API v2: \d+ breaking changes$/.test(t))).toBe(true);

    const json = parseJsonFeed(await (await get(jsonRoute, token)).text());
    expect(json.items?.length).toBe(feed.entries?.length);
    expect(json.items?.some((i) => i.url?.includes("/apis/pfother/"))).toBe(false);
    const rssRes = await get(rssRoute, token);
    expect(rssRes.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(rssRes.headers.get("cache-control")).toBe("private, no-store");
    const rss = parseRssFeed(await rssRes.text());
    expect(rss.items?.length).toBe(feed.entries?.length);
    expect(rss.items?.map((i) => i.title)).toEqual(titles);

    // Bob's own feed has his APIs and none of Alice's partner API.
    const bobs = await issuePersonalFeed(db, bob);
    expect(await apisIn(await get(atomRoute, bobs))).toEqual(["pfother", "pfwx"]);
  });

  it("counts APIs the user's keys called in 90 days, but only while the user may see them", async () => {
    const key = await createApiKey(db, { appId: alicePersonalApp, name: "k", scopes: [] }, system);
    const today = new Date(new Date().toISOString().slice(0, 10));
    await db.keyUsageDaily.createMany({
      data: [
        { keyId: key.id, day: today, apiId: "pfother", version: "2025-06-01", operation: "GET /flights", calls: 3 },
        { keyId: key.id, day: new Date(today.getTime() - 120 * 86_400_000), apiId: "pfother", version: "2025-06-01", operation: "GET /flights", calls: 3 },
      ],
    });
    // Called, but no grant: a partner API Alice may not see stays out.
    expect(await apisIn(await get(atomRoute, token))).toEqual(["pfpartner", "pfwx"]);
    await db.apiGrant.create({ data: { appId: alicePersonalApp, apiId: "pfother" } });
    expect(await apisIn(await get(atomRoute, token))).toEqual(["pfother", "pfpartner", "pfwx"]);
    // The grant revoked: gone at the next read.
    await db.apiGrant.delete({ where: { appId_apiId: { appId: alicePersonalApp, apiId: "pfother" } } });
    expect(await apisIn(await get(atomRoute, token))).toEqual(["pfpartner", "pfwx"]);
  });

  it("drops an organization's APIs as soon as the user leaves it", async () => {
    await db.membership.delete({ where: { orgId_userId: { orgId, userId: alice } } });
    expect(await apisIn(await get(atomRoute, token))).toEqual(["pfwx"]);
  });

  it("regenerate and revoke end the old URL with the same 404 as a made-up or malformed token", async () => {
    const made = await get(atomRoute, `pfeed_${"A".repeat(43)}`);
    const malformed = await get(atomRoute, "nope");
    const fresh = await issuePersonalFeed(db, alice);
    const old = await get(atomRoute, token);
    const reference = { status: made.status, body: await made.text(), headers: [...made.headers.entries()] };
    expect(reference.status).toBe(404);
    for (const r of [old, malformed, await get(jsonRoute, token), await get(rssRoute, token)]) {
      expect({ status: r.status, body: await r.text(), headers: [...r.headers.entries()] }).toEqual(reference);
    }
    expect((await get(atomRoute, fresh)).status).toBe(200);
    expect(await revokePersonalFeed(db, alice)).toBe(true);
    const revoked = await get(atomRoute, fresh);
    expect({ status: revoked.status, body: await revoked.text() }).toEqual({ status: 404, body: reference.body });
    expect(await db.personalFeed.count({ where: { userId: alice } })).toBe(0);

    const events = await db.auditEvent.findMany({ where: { actorUserId: alice, action: { startsWith: "feed." } }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["feed.created", "feed.regenerated", "feed.revoked"]);
    expect(JSON.stringify(events)).not.toMatch(/pfeed_/);
  });

  it("a disabled user's feed answers 404", async () => {
    const t = await issuePersonalFeed(db, bob);
    expect((await get(atomRoute, t)).status).toBe(200);
    await db.user.update({ where: { id: bob }, data: { disabledAt: new Date() } });
    expect((await get(atomRoute, t)).status).toBe(404);
  });
});
