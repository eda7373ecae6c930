import { describe, expect, it } from "vitest";
import { groupByTag, UNTAGGED } from "./group";
import type { OperationSummary } from "./model";

const op = (slug: string, tags: string[]): OperationSummary => ({ slug, method: "get", path: `/${slug}`, operationId: null, title: slug, tags, deprecated: false, sunset: null });

describe("groupByTag", () => {
  it("keeps the document's tag order, adds undeclared tags, puts untagged operations last", () => {
    const groups = groupByTag({
      tags: [{ name: "B", description: "bee" }, { name: "A", description: null }, { name: "Unused", description: null }],
      operations: [op("a1", ["A"]), op("x", []), op("c1", ["C"]), op("b1", ["B", "A"])],
    });
    expect(groups.map((g) => [g.name, g.operations.map((o) => o.slug)])).toEqual([
      ["B", ["b1"]],
      ["A", ["a1"]],
      ["C", ["c1"]],
      [UNTAGGED, ["x"]],
    ]);
  });
});
