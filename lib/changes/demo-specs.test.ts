// The demo specs (docs/demo-specs.md): every change listed for Weather v1 (Swagger 2.0) → v2
// (OpenAPI 3.1) and Travel 2024-11-15 → 2025-06-01 must be found, with the right severity. The
// descriptions are loaded the way ingest loads them (bundle, then Swagger 2.0 → OpenAPI 3.0).
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "@/lib/specs/load";
import { toOpenApi3 } from "@/lib/specs/to-openapi3";
import { diffDocuments } from "./diff";
import type { Change } from "./types";

let changes: Change[] = [];

async function load(version: string, api = "weather"): Promise<Record<string, unknown>> {
  const rootDir = path.resolve("specs", api, version);
  const loaded = await loadSpec({ entryFile: path.join(rootDir, "openapi.yaml"), rootDir, specsDir: path.resolve("specs"), rulesetPath: path.resolve("redocly.yaml") });
  return toOpenApi3(loaded.document!);
}

beforeAll(async () => {
  changes = diffDocuments(await load("v1"), await load("v2")).changes;
});

/** The changes matching all of `fields` (text as a regular expression). */
function find(fields: { kind?: string; severity?: string; schema?: string; op?: string; text?: RegExp }): Change[] {
  return changes.filter(
    (c) =>
      (!fields.kind || c.kind === fields.kind) &&
      (!fields.severity || c.severity === fields.severity) &&
      (!fields.schema || c.schema === fields.schema) &&
      (!fields.op || (c.operation && `${c.operation.method.toUpperCase()} ${c.operation.path}` === fields.op)) &&
      (!fields.text || fields.text.test(c.text)),
  );
}

const one = (fields: Parameters<typeof find>[0]) => {
  const hits = find(fields);
  expect(hits, JSON.stringify(fields)).toHaveLength(1);
  return hits[0]!;
};

describe("Weather v1 → v2 (docs/demo-specs.md)", () => {
  it("removed operations are breaking", () => {
    one({ op: "GET /history", kind: "api-path-removed-without-deprecation", severity: "breaking" });
    one({ op: "DELETE /subscriptions/{subscriptionId}", kind: "api-removed-without-deprecation", severity: "breaking" });
  });

  it("deprecated operations and parameters are deprecations, with the sunset date", () => {
    expect(one({ op: "GET /current", kind: "endpoint-deprecated", severity: "deprecation" }).text).toContain("2027-06-30");
    one({ op: "GET /stations/{stationId}/observations", kind: "endpoint-deprecated", severity: "deprecation" });
    one({ op: "GET /alerts", kind: "request-parameter-deprecated", text: /`since`/, severity: "deprecation" });
    one({ op: "GET /stations", kind: "request-parameter-deprecated", text: /`radius`/, severity: "deprecation" });
  });

  it("added operations and webhooks are non-breaking", () => {
    for (const op of ["GET /conditions", "GET /regions", "GET /regions/{regionId}", "GET /observations", "GET /subscriptions/{subscriptionId}", "POST /subscriptions/{subscriptionId}/cancel"]) {
      one({ op, kind: "endpoint-added", severity: "non-breaking" });
    }
    one({ kind: "webhook-added", text: /alert\.issued/, severity: "non-breaking" });
    one({ kind: "webhook-added", text: /alert\.cancelled/, severity: "non-breaking" });
  });

  it("1. GET /alerts: query `region` optional → required", () => {
    one({ op: "GET /alerts", kind: "request-parameter-became-required", text: /`region`/, severity: "breaking" });
  });

  it("2. `unknown` removed from Severity: query `severity`, Alert.severity, subscription `severities`", () => {
    one({ op: "GET /alerts", kind: "request-parameter-enum-value-removed", text: /`unknown`.*`severity`/, severity: "breaking" });
    // Alert.severity and Subscription.severities both reference the shared Severity schema: reported on it, per direction.
    one({ schema: "Severity", kind: "response-property-enum-value-removed", text: /`unknown`/, severity: "breaking" });
    one({ schema: "Severity", kind: "request-property-enum-value-removed", text: /`unknown`/, severity: "breaking" });
  });

  it("3. timestamps integer Unix seconds → string date-time", () => {
    const typeChange = /from `integer<int64>` to `string<date-time>`/;
    for (const [schema, property] of [
      ["Observation", "observedAt"],
      ["Forecast", "generatedAt"],
      ["ForecastDay", "sunrise"],
      ["ForecastDay", "sunset"],
      ["CurrentConditions", "observedAt"],
      ["Alert", "effective"],
      ["Alert", "expires"],
      ["Subscription", "createdAt"],
    ]) {
      one({ schema, kind: "response-property-type-changed", text: new RegExp(`\`${property}\`.*${typeChange.source}`), severity: "breaking" });
    }
    for (const name of ["start", "end"]) {
      one({ op: "GET /stations/{stationId}/observations", kind: "request-parameter-type-changed", text: new RegExp(`\`${name}\`.*${typeChange.source}`), severity: "breaking" });
    }
  });

  it("4. GET /forecast: `days` maximum 16 → 10", () => {
    one({ op: "GET /forecast", kind: "request-parameter-max-decreased", text: /`days`.* from 16 to 10/, severity: "breaking" });
  });

  it("5. errors: application/json Error → application/problem+json Problem", () => {
    const removed = find({ kind: "response-media-type-removed", text: /`application\/json`/, severity: "breaking" });
    const added = find({ kind: "response-media-type-added", text: /`application\/problem\+json`/, severity: "non-breaking" });
    expect(removed.length).toBeGreaterThanOrEqual(10);
    expect(added.length).toBe(removed.length);
    expect(removed.map((c) => c.text)).toContain("The 404 response of GET /alerts/{alertId} is no longer sent as `application/json`");
  });

  it("6. POST /subscriptions body: `callbackUrl` renamed `url`; `events` newly required", () => {
    one({ op: "POST /subscriptions", kind: "new-required-request-property", text: /`url`/, severity: "breaking" });
    one({ op: "POST /subscriptions", kind: "new-required-request-property", text: /`events`/, severity: "breaking" });
    one({ op: "POST /subscriptions", kind: "request-property-removed", text: /`callbackUrl`/ });
    // Read back in responses, the old field is gone too.
    one({ schema: "Subscription", kind: "response-required-property-removed", text: /`callbackUrl`/, severity: "breaking" });
  });

  it("7. Alert becomes oneOf StormAlert | HeatAlert | FloodAlert; kind, updatedAt, region, sender now required", () => {
    expect(one({ schema: "Alert", kind: "response-property-one-of-added" }).text).toBe(
      "Schema `Alert` is now one of `StormAlert`, `HeatAlert`, `FloodAlert`, told apart by `kind` (in responses)",
    );
    // What breaks readers: v1's required `event` is gone from every shape.
    one({ schema: "Alert", kind: "response-required-property-removed", text: /`event`/, severity: "breaking" });
    // Fields that are now always present are a promise to readers, not a break.
    for (const name of ["kind", "updatedAt"]) one({ schema: "Alert", kind: "response-required-property-added", text: new RegExp(`\`${name}\``), severity: "non-breaking" });
    for (const name of ["region", "sender"]) one({ schema: "Alert", kind: "response-property-became-required", text: new RegExp(`\`${name}\``), severity: "non-breaking" });
    expect(one({ schema: "Alert", text: /`floodType`/ }).text).toContain("(only in `FloodAlert`)");
  });

  it("8. Station.elevation number → number | null", () => {
    one({ schema: "Station", kind: "response-property-became-nullable", text: /`elevation`/, severity: "breaking" });
  });

  it("reports nothing breaking that the list does not explain", () => {
    const explained = /history|subscriptions\/\{subscriptionId\}|region|unknown|integer<int64>|days|application\/json|url|events|callbackUrl|event`|null|may now be missing|X-RateLimit-Remaining|alertId/;
    expect(find({ severity: "breaking" }).filter((c) => !explained.test(c.text) && !explained.test(c.operation?.path ?? ""))).toEqual([]);
  });
});

describe("Travel 2024-11-15 → 2025-06-01 (docs/demo-specs.md)", () => {
  let travel: Change[] = [];
  beforeAll(async () => {
    travel = diffDocuments(await load("2024-11-15", "travel"), await load("2025-06-01", "travel")).changes;
  });
  const has = (kind: string, severity: string, text: RegExp) => expect(travel.filter((c) => c.kind === kind && c.severity === severity && text.test(c.text)), `${kind} ${text}`).toHaveLength(1);

  it("finds every listed change", () => {
    has("api-removed-without-deprecation", "breaking", /DELETE \/bookings\/\{bookingId\}/);
    has("api-removed-without-deprecation", "breaking", /PUT \/travellers\/\{travellerId\}/);
    has("endpoint-added", "non-breaking", /DELETE \/travellers\/\{travellerId\}/);
    has("endpoint-added", "non-breaking", /POST \/payments\/\{paymentId\}\/refunds/);
    has("response-property-type-changed", "breaking", /`amount` of schema `Money` from `number<double>` to `string`/);
    has("request-property-type-changed", "breaking", /`amount` of schema `Money`/);
    has("request-parameter-became-required", "breaking", /`Idempotency-Key` of POST \/bookings/);
    has("response-property-enum-value-added", "non-breaking", /`requires_action`/);
    expect(travel.filter((c) => c.severity === "breaking")).toHaveLength(5);
  });
});
