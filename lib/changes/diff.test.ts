import { describe, expect, it } from "vitest";
import { diffDocuments } from "./diff";
import { BREAKING, DEPRECATION, doc, NON_BREAKING, type Fixture } from "./fixtures/catalogue";
import { RULES } from "./rules";

const found = (f: Fixture) =>
  diffDocuments(f.before, f.after)
    .changes.filter((c) => c.severity !== "documentation")
    .map((c) => `${c.severity} ${c.kind}`)
    .sort();

describe("breaking-change catalogue: one pair per kind", () => {
  it.each(BREAKING.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(found(f)).toEqual([...f.expect].sort());
  });
});

describe("non-breaking pairs report nothing breaking", () => {
  it.each(NON_BREAKING.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const kinds = found(f);
    expect(kinds).toEqual([...f.expect].sort());
    expect(kinds.filter((k) => k.startsWith("breaking"))).toEqual([]);
  });
});

describe("deprecations", () => {
  it.each(DEPRECATION.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(found(f)).toEqual([...f.expect].sort());
  });
});

describe("the engine", () => {
  it("names every kind it can emit in the rule table", () => {
    for (const f of [...BREAKING, ...NON_BREAKING, ...DEPRECATION]) {
      for (const c of diffDocuments(f.before, f.after).changes) expect(RULES[c.kind], c.kind).toBeDefined();
    }
  });

  it("says what changed in plain language, with the operation and a location", () => {
    const f = BREAKING.find((x) => x.name === "removed query parameter")!;
    const [change] = diffDocuments(f.before, f.after).changes;
    expect(change).toEqual({
      severity: "breaking",
      kind: "request-parameter-removed",
      operation: { method: "get", path: "/pets" },
      location: "/paths/~1pets/get/parameters/query/units",
      text: "Removed required query parameter `units` from GET /pets",
    });
  });

  it("reports a change inside a shared schema once, with the operations that use it", () => {
    const Status = (values: string[]) => ({ type: "string", enum: values });
    const spec = (values: string[]) =>
      doc(
        {
          "/a": { get: { responses: { "200": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Box" } } } } } } },
          "/b": { get: { responses: { "200": { description: "", content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Box" } } } } } } } },
        },
        { schemas: { Box: { type: "object", properties: { status: { $ref: "#/components/schemas/Status" } } }, Status: Status(values) } },
      );
    const result = diffDocuments(spec(["x", "y"]), spec(["x"]));
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ schema: "Status", kind: "response-property-enum-value-removed", text: "Removed enum value `y` from schema `Status` (in responses)" });
    expect(result.schemaUsers).toEqual({ Status: ["GET /a", "GET /b"] });
  });

  it("stops at its work budget instead of running away", () => {
    const deep = (n: number): Record<string, unknown> => (n === 0 ? { type: "string" } : { type: "object", properties: { a: deep(n - 1), b: deep(n - 1) } });
    const result = diffDocuments(
      doc({ "/x": { get: { responses: { "200": { description: "", content: { "application/json": { schema: deep(14) } } } } } } }),
      doc({ "/x": { get: { responses: { "200": { description: "", content: { "application/json": { schema: deep(14) } } } } } } }),
      { limit: 1000 },
    );
    expect(result.truncated).toBe(true);
  });
});
