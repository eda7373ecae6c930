import { describe, expect, it } from "vitest";
import { constraintsOf, mergeAllOf, typeLabel } from "./schema";

const doc = {
  components: {
    schemas: {
      Base: { type: "object", required: ["id"], properties: { id: { type: "string", readOnly: true } } },
      Station: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", required: ["name"], properties: { name: { type: "string" } } }] },
    },
  },
};

describe("schema helpers", () => {
  it("merges allOf through $refs, keeping every property and requirement", () => {
    const merged = mergeAllOf(doc.components.schemas.Station, doc);
    expect(Object.keys(merged.properties as object)).toEqual(["id", "name"]);
    expect(merged.required).toEqual(["id", "name"]);
    expect(merged.type).toBe("object");
  });

  it("labels types the way readers expect, for 3.0 and 3.1 nullability", () => {
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Station" } }, doc)).toBe("array of Station");
    expect(typeLabel({ type: ["string", "null"], format: "date-time" }, doc)).toBe("string<date-time> | null");
    expect(typeLabel({ type: "integer", nullable: true }, doc)).toBe("integer | null");
    expect(typeLabel({ oneOf: [{ $ref: "#/components/schemas/Base" }, { type: "string" }] }, doc)).toBe("one of Base, string");
  });

  it("phrases constraints, with 3.0 boolean and 3.1 numeric exclusive bounds", () => {
    expect(constraintsOf({ minimum: 1, maximum: 16 })).toEqual(["≥ 1", "≤ 16"]);
    expect(constraintsOf({ minimum: 0, exclusiveMinimum: true })).toEqual(["> 0"]);
    expect(constraintsOf({ exclusiveMaximum: 90 })).toEqual(["< 90"]);
    expect(constraintsOf({ minLength: 2, maxLength: 2, uniqueItems: true, pattern: "^[A-Z]+$" })).toEqual(["exactly 2 characters", "unique items", "pattern ^[A-Z]+$"]);
  });
});
