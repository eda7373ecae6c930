import { fromMarkdown } from "mdast-util-from-markdown";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import type { CatalogApi, CatalogVersion, VersionModel } from "@/lib/specs/model";
import { entriesBetween, operationHistory, releasesOf, timeline } from "./changelog";
import type { ChangelogEntry } from "./entries";
import { pageOf } from "./links";
import { apiChangelogMarkdown, diffMarkdown } from "./markdown";
import type { Change, DiffResult } from "./types";

const version = (id: string, extra: Partial<CatalogVersion> = {}): CatalogVersion => ({
  id, lifecycle: "current", deprecated: null, sunset: null, status: "ok", format: "openapi-3.1", title: null, operationCount: 1, errorCount: 0, warningCount: 0, contentHash: id, failure: null, ...extra,
});
const api = (versions: CatalogVersion[]): CatalogApi => ({ id: "weather", name: "Weather API", summary: null, visibility: "public", owners: [], versions, latestVersion: versions.at(-1)!.id, catalogErrorCount: 0 });
const diff = (changes: Change[], schemaUsers: Record<string, string[]> = {}): DiffResult => ({ changes, schemaUsers, truncated: false });
const entry = (id: string, date: string, versions: string[], severity: ChangelogEntry["severity"] = null): ChangelogEntry => ({ id: `file:${id}`, source: "file", date, title: id, versions, severity, kind: null, operations: [], body: "Text." });

describe("entries of a comparison", () => {
  const four = api([version("v1"), version("v2"), version("v3"), version("v4")]);
  const all = [entry("one", "2024-01-01", ["v1"]), entry("two", "2024-02-01", ["v2"]), entry("three-four", "2024-03-01", ["v3", "v4"]), entry("none", "2024-04-01", ["v9"])];
  const ids = (from: string | null, to: string) => entriesBetween(four, from, to, all).map((e) => e.id);

  it("takes the versions after `from` up to and including `to`, in either order", () => {
    expect(ids("v1", "v3")).toEqual(["file:two", "file:three-four"]);
    expect(ids("v3", "v1")).toEqual(["file:two", "file:three-four"]);
    expect(ids("v3", "v4")).toEqual(["file:three-four"]);
    expect(ids("v2", "v2")).toEqual([]);
  });

  it("without `from`, only the entries about `to`; unknown versions match nothing", () => {
    expect(ids(null, "v1")).toEqual(["file:one"]);
    expect(ids(null, "v4")).toEqual(["file:three-four"]);
  });
});

describe("releases", () => {
  const weather = api([version("v1", { released: "2024-03-12" }), version("v2", { status: "failed", contentHash: "" }), version("v3"), version("2026-01-05")]);
  const diffs: Record<string, DiffResult | undefined> = { "v1 v3": diff([{ severity: "breaking", kind: "k", text: "x" }]) };
  const releases = releasesOf(weather, (a, b) => diffs[`${a.id} ${b.id}`], [entry("a", "2026-02-01", ["v1", "v3"]), entry("b", "2025-05-01", ["v3"]), entry("c", "2024-01-01", ["v2"])]);

  it("pairs each loaded version with the loaded one before it, newest first, skipping failed ones", () => {
    expect(releases.map((r) => `${r.previous?.id ?? "-"} → ${r.version.id}`)).toEqual(["v3 → 2026-01-05", "v1 → v3", "- → v1"]);
    expect(releases[0]!.diffFailed).toBe(true);
    expect(releases[1]!.counts.breaking).toBe(1);
  });

  it("dates a release by api.yaml, a date-named version, or its oldest entry", () => {
    expect(releases.map((r) => r.date)).toEqual(["2026-01-05", "2025-05-01", "2024-03-12"]);
  });

  it("puts an entry with the newest version it names; entries about failed versions only are left out", () => {
    expect(releases[1]!.entries.map((e) => e.id)).toEqual(["file:a", "file:b"]);
    expect(releases.flatMap((r) => r.entries).map((e) => e.id)).not.toContain("file:c");
  });

  it("orders several APIs' releases by date on one timeline", () => {
    const other = releasesOf({ ...api([version("x1", { released: "2025-12-01" })]), id: "other", name: "Other" }, () => undefined, []);
    expect(timeline([...releases, ...other]).map((r) => r.version.id)).toEqual(["2026-01-05", "x1", "v3", "v1"]);
  });
});

describe("operation history", () => {
  const weather = api([version("v1"), version("v2"), version("v3")]);
  const d12 = diff([
    { severity: "breaking", kind: "request-path-parameter-renamed", operation: { method: "get", path: "/users/{userId}" }, previousPath: "/users/{id}", text: "Renamed" },
    { severity: "documentation", kind: "operation-documentation-changed", operation: { method: "get", path: "/users/{userId}" }, text: "Docs" },
    { severity: "breaking", kind: "response-property-type-changed", schema: "User", text: "Type" },
  ], { User: ["GET /users/{userId}"] });
  const d23 = diff([{ severity: "non-breaking", kind: "endpoint-added", operation: { method: "post", path: "/users" }, text: "Added" }]);
  const releases = releasesOf(weather, (a, b) => (a.id === "v1" ? d12 : d23), []);

  it("finds the operation under its old and new path, without documentation edits, and counts schema changes that reach it", () => {
    for (const path of ["/users/{id}", "/users/{userId}", "/users/{other}"]) {
      const h = operationHistory(releases, { method: "get", path });
      expect(h.map((x) => [x.release.version.id, x.changes.map((c) => c.text), x.schemaChanges])).toEqual([["v2", ["Renamed"], 1]]);
    }
    expect(operationHistory(releases, { method: "post", path: "/users" }).map((x) => x.release.version.id)).toEqual(["v3"]);
  });
});

describe("links and Markdown", () => {
  const model = (ops: [string, string, string][], schemas: string[] = []): VersionModel => ({
    format: "openapi-3.1", formatVersion: "3.1.0", title: "W", infoVersion: "1", description: null, servers: [], securitySchemes: [], tags: [], schemaNames: schemas, webhooks: [],
    operations: ops.map(([slug, method, path]) => ({ slug, method: method as "get", path, operationId: slug, title: slug, tags: [], deprecated: false, sunset: null })),
  });
  const from = { apiId: "weather", versionId: "v1", model: model([["getuser", "get", "/users/{id}"]], ["User"]) };
  const to = { apiId: "weather", versionId: "v2", model: model([["getuser2", "get", "/users/{userId}"]]) };
  const renamed: Change = { severity: "breaking", kind: "k", operation: { method: "get", path: "/users/{userId}" }, previousPath: "/users/{id}", text: "Renamed `id` <script>alert(1)</script> [x](javascript:alert(2))" };

  it("links a change to its page in each version that has it", () => {
    expect(pageOf(from, renamed, true)).toBe("/apis/weather/v1/operations/getuser");
    expect(pageOf(to, renamed, false)).toBe("/apis/weather/v2/operations/getuser2");
    const schema: Change = { severity: "breaking", kind: "k", schema: "User", text: "t" };
    expect([pageOf(from, schema, true), pageOf(to, schema, false)]).toEqual(["/apis/weather/v1/schemas/User", null]);
    expect(pageOf(to, { severity: "non-breaking", kind: "api-servers-changed", text: "t" }, false)).toBe("/apis/weather/v2");
  });

  it("renders the diff as Markdown in which change text stays text", () => {
    const md = diffMarkdown("https://p.example", api([version("v1"), version("v2")]), from, to, diff([renamed]));
    const tree = fromMarkdown(md);
    const links: string[] = [];
    visit(tree, "link", (n) => void links.push(n.url));
    expect(links).toEqual(["https://p.example/apis/weather/diff/v1...v2", "https://p.example/apis/weather/v1/operations/getuser.md", "https://p.example/apis/weather/v2/operations/getuser2.md"]);
    expect(md).toContain("### `GET /users/{userId}`");
    expect(md).not.toMatch(/(^|[^\\])<script/);
  });

  it("renders an API changelog with its entries and a link to each diff", () => {
    const weather = api([version("v1"), version("v2", { released: "2026-09-01" })]);
    const md = apiChangelogMarkdown("https://p.example", weather, releasesOf(weather, () => diff([renamed]), [entry("out", "2026-09-01", ["v2"], "breaking")]), null);
    expect(md).toContain("## v2 (2026-09-01)");
    expect(md).toContain("### out (2026-09-01, breaking)");
    expect(md).toContain("[every change from v1 to v2](https://p.example/apis/weather/diff/v1...v2.md)");
    expect(md).toContain("### Breaking changes (1)");
  });
});
