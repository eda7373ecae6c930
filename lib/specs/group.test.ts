import { describe, expect, it } from "vitest";
import { groupByTag, UNTAGGED, webhookSiblings } from "./group";
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

describe("webhookSiblings", () => {
  const hook = (name: string) => ({ slug: name, name, method: "post" as const, title: name, deprecated: false });
  const hooks = ["pull-request-opened", "pull-request-closed", "pull-request-review-submitted", "push", "ping"].map(hook);
  it("lists the other actions of the current webhook's event, itself included, in document order", () => {
    expect(webhookSiblings(hooks, "pull-request-closed").map((w) => w.name)).toEqual(["pull-request-opened", "pull-request-closed"]);
    expect(webhookSiblings(hooks, "pull-request-review-submitted").map((w) => w.name)).toEqual(["pull-request-review-submitted"]);
  });
  it("a name without an action part stands alone; an unknown slug has no siblings", () => {
    expect(webhookSiblings(hooks, "push").map((w) => w.name)).toEqual(["push"]);
    expect(webhookSiblings(hooks, "nope")).toEqual([]);
  });
});
