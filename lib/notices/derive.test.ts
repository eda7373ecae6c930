// Spec-derived notices from the demo specs (docs/demo-specs.md): Weather v1 is deprecated with a
// sunset, v2 deprecates two operations (x-sunset 2027-06-30) and two parameters; Travel's old
// version is deprecated. Keys are stable, so the sync step can upsert them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import type { DerivedNotice } from "./derive";
import { deriveFromCache } from "./sync-from-cache";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-notices-derive-"));
let notices: DerivedNotice[];
const byKey = (k: string) => notices.find((n) => n.specKey === k);

beforeAll(async () => {
  for (const api of ["weather", "travel"]) fs.cpSync(path.resolve("specs", api), path.join(root, "specs", api), { recursive: true });
  await ingestSpecs({ specsDir: path.join(root, "specs"), cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  notices = deriveFromCache(cacheDirFor(root));
}, 120_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("deriveSpecNotices on the demo specs", () => {
  it("finds exactly the deprecations the specs state", () => {
    expect(notices.map((n) => n.specKey).sort()).toEqual([
      "op:weather:v2 GET /current",
      "op:weather:v2 GET /stations/{stationId}/observations",
      "param:weather:v2 GET /alerts:query:since",
      "param:weather:v2 GET /stations:query:radius",
      "version:travel:2024-11-15",
      "version:weather:v1",
    ]);
  });

  it("dates a deprecated version from api.yaml and points to its successor and the diff", () => {
    const v1 = byKey("version:weather:v1")!;
    expect(v1).toMatchObject({ apiId: "weather", versions: ["v1"], operations: [], title: "Weather API v1 is deprecated" });
    expect(v1.deprecatedAt?.toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(v1.sunsetAt?.toISOString()).toBe("2027-03-31T00:00:00.000Z");
    expect(v1.body).toContain("**2027-03-31**");
    expect(v1.migrationGuide).toContain("(/apis/weather/v2)");
    expect(v1.migrationGuide).toContain("(/apis/weather/diff/v1...v2)");
  });

  it("takes an operation's sunset from x-sunset and its advice from its description", () => {
    const current = byKey("op:weather:v2 GET /current")!;
    expect(current.operations).toEqual(["v2 GET /current"]);
    expect(current.sunsetAt?.toISOString()).toBe("2027-06-30T00:00:00.000Z");
    expect(current.deprecatedAt).toBeNull();
    expect(current.migrationGuide).toContain("use `GET /conditions`");
    expect(current.migrationGuide).toMatch(/\(\/apis\/weather\/v2\/operations\/[^)]+\)/);
  });

  it("names deprecated parameters without deprecating their operation", () => {
    const since = byKey("param:weather:v2 GET /alerts:query:since")!;
    expect(since).toMatchObject({ operations: ["v2 GET /alerts"], sunsetAt: null });
    expect(since.migrationGuide).toContain("use `updatedSince`");
  });

  it("gives the same keys and words on every run", () => {
    expect(deriveFromCache(cacheDirFor(root))).toEqual(notices);
  });
});
