// Catalog-wide search: who sees what (partner and internal APIs never reach anonymous visitors),
// scoping to one API version, API and version entries, URLs.
import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer";
import type { Catalog, CatalogApi, CatalogVersion } from "../specs/model";
import { normalize } from "../specs/normalize";
import { buildSearchIndex } from "./build";
import { loadIndex, type LoadedIndex } from "./rank";
import { searchCatalog, type SearchRequest } from "./search";

const version = (id: string, extra: Partial<CatalogVersion> = {}): CatalogVersion => ({
  id,
  lifecycle: "current",
  deprecated: null,
  sunset: null,
  status: "ok",
  format: "openapi-3.1",
  title: null,
  operationCount: 1,
  errorCount: 0,
  warningCount: 0,
  contentHash: `hash-${id}`,
  failure: null,
  ...extra,
});

const api = (id: string, name: string, visibility: CatalogApi["visibility"], versions = [version("v1")]): CatalogApi => ({
  id,
  name,
  summary: `${name} for tests`,
  visibility,
  owners: [],
  versions,
  latestVersion: versions.at(-1)!.id,
  catalogErrorCount: 0,
});

/** Every API has /subscriptions/{id}/cancel (like the demo Weather and Accounts APIs) and an op of its own. */
function docFor(apiId: string, versionId: string) {
  const own = `${apiId}Secret${versionId}`;
  return {
    openapi: "3.1.0",
    info: { title: apiId, version: versionId },
    paths: {
      "/subscriptions/{subscriptionId}/cancel": { post: { operationId: `cancelSubscription_${apiId}`, summary: "Cancel a subscription", responses: {} } },
      [`/${apiId}/things`]: { get: { operationId: own, summary: `List ${apiId} things`, description: `Only in ${apiId}.`, responses: {} } },
    },
    components: { schemas: { [`${apiId}Thing`]: { type: "object" } } },
  };
}

const catalog: Catalog = {
  generatedAt: "2026-11-26T00:00:00Z",
  apis: [
    api("weather", "Weather API", "public", [version("v1", { lifecycle: "deprecated" }), version("v2")]),
    api("travel", "Travel Bookings API", "partner"),
    api("accounts", "Accounts API", "internal"),
    api("broken", "Broken Meta API", null),
  ],
};

const indexes = new Map<string, LoadedIndex>();
const loads: string[] = [];
const load = (a: CatalogApi, v: CatalogVersion) => {
  const key = `${a.id}/${v.id}`;
  loads.push(key);
  if (!indexes.has(key)) {
    const doc = docFor(a.id, v.id);
    indexes.set(key, loadIndex(buildSearchIndex(doc, normalize(doc))));
  }
  return indexes.get(key)!;
};

const anonymous: Viewer = { kind: "anonymous" };
const developer: Viewer = { kind: "user", userId: "u1", isAdmin: false, orgIds: ["o1"] };
const admin: Viewer = { kind: "user", userId: "a1", isAdmin: true, orgIds: [] };
const HIDDEN = ["travel", "accounts", "broken"];

const run = (viewer: Viewer, req: Partial<SearchRequest> & { q: string }) => searchCatalog(catalog, viewer, { limit: 50, ...req }, load);
const hitsOf = (viewer: Viewer, req: Partial<SearchRequest> & { q: string }) => {
  const r = run(viewer, req);
  if (!r.ok) throw new Error("not found");
  return r.hits;
};

describe("search visibility", () => {
  it("never returns a partner or internal API's operations, schemas or name to anonymous visitors", () => {
    loads.length = 0;
    const queries = [
      "/subscriptions/{subscriptionId}/cancel",
      "cancel a subscription",
      "/travel/things",
      "travelSecretv1",
      "accountsSecretv1",
      "List accounts things",
      "Only in accounts",
      "travelThing",
      "Travel Bookings API",
      "accounts",
      "broken",
      "things",
      "v1",
    ];
    for (const viewer of [anonymous, developer]) {
      for (const q of queries) {
        const hits = hitsOf(viewer, { q });
        expect(hits.filter((h) => HIDDEN.includes(h.apiId)), `${q}`).toEqual([]);
        expect(JSON.stringify(hits), q).not.toMatch(/travel|accounts|broken/i);
      }
    }
    // Hidden indexes are not even loaded for them.
    expect(loads.filter((k) => HIDDEN.some((h) => k.startsWith(`${h}/`)))).toEqual([]);
  });

  it("finds the public API's copy of a path that hidden APIs share", () => {
    const hits = hitsOf(anonymous, { q: "/subscriptions/{subscriptionId}/cancel" });
    expect(hits.map((h) => `${h.apiId} ${h.method} ${h.path}`)).toEqual(["weather post /subscriptions/{subscriptionId}/cancel"]);
  });

  it("answers not_found for a hidden API, exactly as for an unknown one", () => {
    for (const apiId of [...HIDDEN, "no-such-api"]) {
      expect(run(anonymous, { q: "things", api: apiId })).toEqual({ ok: false, reason: "not_found" });
      expect(run(anonymous, { q: "things", api: apiId, version: "v1" })).toEqual({ ok: false, reason: "not_found" });
    }
    expect(run(anonymous, { q: "things", api: "weather", version: "v9" })).toEqual({ ok: false, reason: "not_found" });
  });

  it("lets portal admins find every API", () => {
    const hits = hitsOf(admin, { q: "/subscriptions/{subscriptionId}/cancel" });
    expect(new Set(hits.map((h) => h.apiId))).toEqual(new Set(["weather", "travel", "accounts", "broken"]));
  });
});

describe("search scope and results", () => {
  it("searches the latest version of each API by default, with links to that version", () => {
    const hits = hitsOf(anonymous, { q: "weatherSecretv2" });
    expect(hits[0]).toMatchObject({ kind: "operation", apiId: "weather", apiName: "Weather API", version: "v2", url: "/apis/weather/v2/operations/weathersecretv2", match: "exact" });
    expect(hitsOf(anonymous, { q: "weatherSecretv1" }).filter((h) => h.kind === "operation" && h.version === "v1")).toEqual([]);
  });

  it("searches one version when scoped, keeping `latest` in links when the scope said latest", () => {
    const r = run(anonymous, { q: "weatherSecretv1", api: "weather", version: "v1" });
    expect(r).toMatchObject({ ok: true, scope: { apiId: "weather", apiName: "Weather API", version: "v1" } });
    expect(r.ok && r.hits[0]).toMatchObject({ version: "v1", url: "/apis/weather/v1/operations/weathersecretv1" });
    const latest = run(anonymous, { q: "weatherThing", api: "weather", version: "latest" });
    expect(latest.ok && latest.hits[0]).toMatchObject({ kind: "schema", url: "/apis/weather/latest/schemas/weatherThing" });
  });

  it("finds APIs by name and versions by id", () => {
    expect(hitsOf(anonymous, { q: "weather" })[0]).toMatchObject({ kind: "api", url: "/apis/weather", match: "exact" }); // its id
    expect(hitsOf(anonymous, { q: "weath" })[0]).toMatchObject({ kind: "api", match: "prefix" });
    expect(hitsOf(anonymous, { q: "weather api" })[0]).toMatchObject({ kind: "api", match: "exact" });
    expect(hitsOf(anonymous, { q: "forecasts" }).some((h) => h.kind === "api")).toBe(false);
    expect(hitsOf(anonymous, { q: "weather v1" })[0]).toMatchObject({ kind: "version", version: "v1", url: "/apis/weather/v1", deprecated: true });
  });

  it("returns no hits for an empty query, and at most `limit`", () => {
    expect(hitsOf(anonymous, { q: "  " })).toEqual([]);
    expect(hitsOf(admin, { q: "things", limit: 2 })).toHaveLength(2);
  });
});
