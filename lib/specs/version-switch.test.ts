import { describe, expect, it } from "vitest";
import type { VersionModel } from "./model";
import { equivalentPath } from "./version-switch";

const model = {
  operations: [
    { slug: "getforecast", method: "get", path: "/forecast", operationId: "getForecast", title: "", tags: ["Forecasts"], deprecated: false, sunset: null },
    { slug: "get-stations", method: "get", path: "/stations", operationId: null, title: "", tags: [], deprecated: false, sunset: null },
  ],
  schemaNames: ["Station"],
  webhooks: [{ slug: "alert-issued", name: "alert.issued", method: "post", title: "", deprecated: false }],
} as unknown as VersionModel;

describe("equivalentPath", () => {
  it("keeps the reader on the same operation, by slug or else by method and path", () => {
    expect(equivalentPath({ kind: "operation", slug: "getforecast", method: "get", path: "/x" }, model)).toBe("/operations/getforecast");
    expect(equivalentPath({ kind: "operation", slug: "liststations", method: "get", path: "/stations" }, model)).toBe("/operations/get-stations");
  });
  it("falls back to the overview when the page does not exist in the other version", () => {
    expect(equivalentPath({ kind: "operation", slug: "gethistory", method: "get", path: "/history" }, model)).toBe("");
    expect(equivalentPath({ kind: "schema", name: "Gone" }, model)).toBe("");
    expect(equivalentPath({ kind: "schema", name: "Station" }, model)).toBe("/schemas/Station");
    expect(equivalentPath({ kind: "webhook", slug: "alert-issued" }, model)).toBe("/webhooks/alert-issued");
    expect(equivalentPath({ kind: "webhooks" }, model)).toBe("/webhooks");
    expect(equivalentPath({ kind: "webhooks" }, { ...model, webhooks: [] })).toBe("");
  });
});
