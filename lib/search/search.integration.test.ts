// Search end to end on the demo specs: the real ingest (child processes) writes search.json beside
// the other cache files, the index store loads it, and GET /api/search answers from it with the
// visibility rules applied (Travel is partner, Accounts internal: anonymous visitors never see them).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "../access/viewer";
import { cacheDirFor, manifestPath, readJson, VERSION_FILES, versionDir } from "../specs/cache";
import { ingestSpecs } from "../specs/ingest";
import type { Catalog } from "../specs/model";
import { searchCatalog, type SearchHit } from "./search";
import { IndexStore, readIndexFile } from "./store";

vi.mock("server-only", () => ({}));
// Route handlers called outside Next: a request without cookies (anonymous unless a token is sent).
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-search-"));
const cacheDir = cacheDirFor(root);
let catalog: Catalog;
let store: IndexStore;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  await ingestSpecs({ specsDir: path.resolve("specs"), cacheDir, rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  catalog = readJson<Catalog>(manifestPath(cacheDir))!;
  store = new IndexStore(cacheDir);
  process.env.DATA_DIR = root;
  process.env.SPECS_DIR = path.resolve("specs");
}, 180_000);

const anonymous: Viewer = { kind: "anonymous" };
const admin: Viewer = { kind: "user", userId: "admin", isAdmin: true, orgIds: [] };
const search = (viewer: Viewer, q: string, scope: { api?: string; version?: string } = {}): SearchHit[] => {
  const r = searchCatalog(catalog, viewer, { q, limit: 50, ...scope }, (a, v) => store.get({ apiId: a.id, versionId: v.id, contentHash: v.contentHash }));
  return r.ok ? r.hits : [];
};

describe("search on the ingested demo specs", () => {
  it("writes a search index for every version at ingest", () => {
    for (const api of catalog.apis) {
      for (const v of api.versions) expect(fs.existsSync(path.join(versionDir(cacheDir, api.id, v.id), VERSION_FILES.search)), `${api.id}/${v.id}`).toBe(true);
    }
  });

  it("finds operations, webhooks and schemas of the public API", () => {
    expect(search(anonymous, "/alerts")[0]).toMatchObject({ kind: "operation", apiId: "weather", version: "v2", method: "get", url: "/apis/weather/v2/operations/listalerts", match: "exact" });
    expect(search(anonymous, "alerts/{alertId}")[0]).toMatchObject({ path: "/alerts/{alertId}" });
    expect(search(anonymous, "alert.issued")[0]).toMatchObject({ kind: "webhook", url: "/apis/weather/v2/webhooks/alert-issued" });
    expect(search(anonymous, "Region")[0]).toMatchObject({ kind: "schema", url: "/apis/weather/v2/schemas/Region" });
    // The Swagger 2.0 version is searchable when scoped to it.
    expect(search(anonymous, "getForecast", { api: "weather", version: "v1" })[0]).toMatchObject({ version: "v1", url: "/apis/weather/v1/operations/getforecast" });
  });

  it("never shows anonymous visitors the partner Travel API or the internal Accounts API", () => {
    for (const q of ["bookings", "/bookings", "createBooking", "Travel Bookings API", "travel", "sim-cards", "/customers/{customerId}/subscriptions", "Accounts API", "invoices", "/subscriptions/{subscriptionId}/cancel"]) {
      const hits = search(anonymous, q);
      // Public APIs (Weather, the portal's own) may match the words; the hidden ones never.
      expect(hits.filter((h) => h.apiId === "travel" || h.apiId === "accounts"), q).toEqual([]);
    }
    expect(search(admin, "createBooking")[0]).toMatchObject({ apiId: "travel", match: "exact" });
    expect(search(admin, "sim-cards").some((h) => h.apiId === "accounts")).toBe(true);
  });

  it("indexes a cache written before search existed from its document", () => {
    const copy = path.join(root, "old-cache");
    fs.cpSync(versionDir(cacheDir, "weather", "v2"), copy, { recursive: true });
    fs.rmSync(path.join(copy, VERSION_FILES.search));
    const read = readIndexFile(copy);
    expect(read?.file.entries.some((e) => e.slug === "listalerts")).toBe(true);
  });

  it("keeps loaded indexes within its byte budget", () => {
    const small = new IndexStore(cacheDir, 1);
    const weather = catalog.apis.find((a) => a.id === "weather")!;
    for (const v of weather.versions) expect(small.get({ apiId: "weather", versionId: v.id, contentHash: v.contentHash })).not.toBeNull();
    expect(small.stats().versions).toBe(1);
  });
});

describe("GET /api/search", () => {
  const get = async (query: string) => {
    const { GET } = await import("@/app/api/search/route");
    const res = await GET(new Request(`http://portal.test/api/search?${query}`));
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & { results?: SearchHit[] } };
  };

  it("answers results as JSON, never cached for others", async () => {
    const { status, headers, body } = await get("q=%2Falerts");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toContain("no-store");
    expect(body.results![0]).toMatchObject({ method: "get", path: "/alerts", url: "/apis/weather/v2/operations/listalerts" });
    expect(body.scope).toBeNull();
  });

  it("scopes to one API version", async () => {
    const { body } = await get("q=forecast&api=weather&version=v1");
    expect(body.scope).toEqual({ apiId: "weather", apiName: "Weather API", version: "v1" });
    expect(body.results!.length).toBeGreaterThan(0);
    expect(body.results!.every((r) => r.version === "v1" || r.kind === "api")).toBe(true);
  });

  it("rejects bad input with 400 and says why", async () => {
    for (const [query, parameter] of [
      ["", "q"],
      ["q=", "q"],
      ["q=%20%20", "q"],
      [`q=${"a".repeat(201)}`, "q"],
      ["q=x&limit=1000", "limit"],
      ["q=x&limit=abc", "limit"],
      ["q=x&api=..%2F..%2Fetc", "api"],
      ["q=x&version=v1", "version"],
    ] as const) {
      const { status, body } = await get(query);
      expect(status, query).toBe(400);
      expect(body.error, query).toMatchObject({ code: "bad_request", issues: expect.arrayContaining([expect.objectContaining({ parameter })]) });
    }
  });

  it("answers 404 for a hidden API exactly as for an unknown one", async () => {
    const hidden = await get("q=booking&api=travel");
    const unknown = await get("q=booking&api=no-such-api");
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(unknown.body);
  });

  it("caps the number of results", async () => {
    const { body } = await get("q=a&limit=3");
    expect(body.results!.length).toBeLessThanOrEqual(3);
    const { body: all } = await get("q=weather");
    expect(all.results!.length).toBeLessThanOrEqual(20);
  });
});
