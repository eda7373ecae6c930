import { describe, expect, it } from "vitest";
import { componentSchemaName, deref, effectiveParameters, effectiveSecurity, serverUrlFor } from "./document";

const doc = {
  openapi: "3.1.0",
  security: [{ key: [] }],
  servers: [{ url: "https://{region}.api.example.com/v2", variables: { region: { default: "eu" } } }],
  components: {
    parameters: { Limit: { name: "limit", in: "query", schema: { type: "integer" } }, Loop: { $ref: "#/components/parameters/Loop" } },
    schemas: { "a/b": { type: "string" } },
  },
};

describe("OpenAPI document helpers", () => {
  it("merges path-level parameters, the operation's winning by name and location", () => {
    const params = effectiveParameters(
      doc,
      { parameters: [{ name: "id", in: "path", schema: { type: "string" } }, { name: "q", in: "query", description: "path level" }] },
      { parameters: [{ $ref: "#/components/parameters/Limit" }, { name: "q", in: "query", description: "op level", required: true }, { $ref: "#/components/parameters/Loop" }] },
    );
    expect(params.map((p) => [p.in, p.name, p.required, p.description])).toEqual([
      ["path", "id", true, null],
      ["query", "q", true, "op level"],
      ["query", "limit", false, null],
    ]);
  });

  it("stops on $ref cycles instead of hanging", () => {
    expect(deref(doc, { $ref: "#/components/parameters/Loop" })).toBeUndefined();
  });

  it("uses the document's security unless the operation sets its own (including none)", () => {
    expect(effectiveSecurity(doc, {})).toEqual([[{ scheme: "key", scopes: [] }]]);
    expect(effectiveSecurity(doc, { security: [] })).toEqual([]);
  });

  it("fills server variables with their defaults and decodes schema names", () => {
    expect(serverUrlFor(doc, {}, {})).toBe("https://eu.api.example.com/v2");
    expect(componentSchemaName("#/components/schemas/a~1b")).toBe("a/b");
  });
});
