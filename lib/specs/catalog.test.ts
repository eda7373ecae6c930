import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverApis, UNVERSIONED } from "./catalog";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-catalog-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const SPEC = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\n";

describe("discoverApis", () => {
  write("maps/v10/openapi.yaml", SPEC);
  write("maps/v2/openapi.json", "{}");
  write("maps/v1/openapi.yml", SPEC);
  write("maps/api.yaml", "visibility: partner\nversions:\n  v1: { lifecycle: deprecated, sunset: 2027-01-31 }\n  v3: { lifecycle: beta }\n");
  write("plain/openapi.yaml", SPEC);
  write("api.github.com.json", "{}");
  write("typo/api.yaml", "visibilty: public\n");
  write("typo/v1/openapi.yaml", SPEC);
  write("empty/v1/notes.txt", "nothing here");
  write("dated/2022-11-28/openapi.yaml", SPEC);
  write("dated/2024-01-05/openapi.yaml", SPEC);
  const { apis } = discoverApis(root);
  const byId = (id: string) => apis.find((a) => a.id === id)!;

  it("orders versions like people read them (v1 < v2 < v10, dates by date)", () => {
    expect(byId("maps").versions.map((v) => v.id)).toEqual(["v1", "v2", "v10"]);
    expect(byId("dated").versions.map((v) => v.id)).toEqual(["2022-11-28", "2024-01-05"]);
  });

  it("applies api.yaml per version and defaults unlisted versions to current", () => {
    const maps = byId("maps");
    expect(maps.meta?.visibility).toBe("partner");
    expect(maps.versions.map((v) => v.meta.lifecycle)).toEqual(["deprecated", "current", "current"]);
    expect(maps.versions[0]!.meta.sunset).toBe("2027-01-31");
    expect(maps.problems.map((p) => p.message)).toEqual(["versions.v3 is listed but has no folder"]);
  });

  it("serves folders without api.yaml as public: a single description, and a loose file", () => {
    expect(byId("plain")).toMatchObject({ hasMetaFile: false, meta: { visibility: "public" } });
    expect(byId("plain").versions.map((v) => v.id)).toEqual([UNVERSIONED]);
    expect(byId("api.github.com").versions.map((v) => v.id)).toEqual([UNVERSIONED]);
  });

  it("withholds an API whose api.yaml has an unknown key, and says which", () => {
    const typo = byId("typo");
    expect(typo.meta).toBeNull();
    expect(typo.problems[0]).toMatchObject({ file: "typo/api.yaml", severity: "error", rule: "catalog" });
    expect(typo.problems[0]!.message).toMatch(/visibilty/);
  });

  it("reports a version folder with no description instead of failing", () => {
    expect(byId("empty").problems.map((p) => p.message)).toEqual([
      'no openapi.yaml, openapi.yml or openapi.json in version folder "v1"',
      "no API description found in this folder",
    ]);
  });
});
