import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEntry, readEntries, splitFrontMatter } from "./entries";

const VERSIONS = ["v1", "v2"];
const entry = (front: string, body = "Some text.") => `---\n${front}\n---\n${body}\n`;

describe("changelog entry files", () => {
  it("reads a valid entry", () => {
    const { entry: e, problems } = parseEntry(
      "2026-09-01-v2.md",
      entry("date: 2026-09-01\ntitle: v2 is out\nversions: [v2]\nseverity: breaking\nkind: version-released\noperations:\n  - GET /alerts\n  - 'post /subscriptions/{id}/cancel'", "**Hello**"),
      VERSIONS,
    );
    expect(problems).toEqual([]);
    expect(e).toEqual({
      id: "file:2026-09-01-v2",
      source: "file",
      date: "2026-09-01",
      title: "v2 is out",
      versions: ["v2"],
      severity: "breaking",
      kind: "version-released",
      operations: [
        { method: "get", path: "/alerts" },
        { method: "post", path: "/subscriptions/{id}/cancel" },
      ],
      body: "**Hello**\n",
    });
  });

  it("accepts `version` for one version, CRLF line ends and a byte-order mark", () => {
    const { entry: e } = parseEntry("a.md", "\uFEFF---\r\ndate: 2026-01-02\r\ntitle: T\r\nversion: v1\r\n---\r\nBody\r\n", VERSIONS);
    expect(e).toMatchObject({ versions: ["v1"], date: "2026-01-02", body: "Body\n", severity: null, kind: null, operations: [] });
  });

  it.each([
    ["no front matter", "# Just Markdown\n", /no front matter/],
    ["unclosed front matter", "---\ndate: 2026-01-01\n", /no front matter/],
    ["invalid YAML", entry("date: 2026-01-01\ntitle: [unclosed\nversion: v1"), /invalid YAML/],
    ["a bad date", entry("date: 1 Sept 2026\ntitle: T\nversion: v1"), /date: must be a date written YYYY-MM-DD/],
    ["an unknown field", entry("date: 2026-01-01\ntitle: T\nversion: v1\nauthor: me"), /Unrecognized key.*author/],
    ["no version", entry("date: 2026-01-01\ntitle: T"), /exactly one of `version` or `versions`/],
    ["both version and versions", entry("date: 2026-01-01\ntitle: T\nversion: v1\nversions: [v2]"), /exactly one of/],
    ["an unknown version", entry("date: 2026-01-01\ntitle: T\nversion: v9"), /v9 is not a version of this API/],
    ["a bad severity", entry("date: 2026-01-01\ntitle: T\nversion: v1\nseverity: major"), /severity/],
    ["a bad operation", entry("date: 2026-01-01\ntitle: T\nversion: v1\noperations: [alerts]"), /"alerts" is not written "METHOD \/path"/],
    ["no body", entry("date: 2026-01-01\ntitle: T\nversion: v1", ""), /no text below the front matter/],
    ["a YAML alias bomb", entry(`a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ndate: 2026-01-01\ntitle: T\nversion: v1`), /invalid YAML|Unrecognized/],
  ])("reports %s as a problem, never a crash", (_name, text, message) => {
    const out = parseEntry("x.md", text, VERSIONS);
    expect(out.entry).toBeUndefined();
    expect(out.problems.length).toBeGreaterThan(0);
    expect(out.problems.map((p) => p.message).join("\n")).toMatch(message);
    expect(out.problems.every((p) => p.severity === "error" && p.rule === "changelog" && p.message.endsWith("entry left out"))).toBe(true);
  });

  it("points YAML errors at the line in the file", () => {
    const out = parseEntry("x.md", "---\ndate: 2026-01-01\ntitle: T\noperations: [GET /a/{id}]\n---\nBody\n", VERSIONS);
    expect(out.problems[0]).toMatchObject({ line: 4 });
  });

  it("splits front matter only at a line of three dashes", () => {
    expect(splitFrontMatter("---\na: 1\n---\nbody --- here\n---\nmore")).toEqual({ yaml: "a: 1\n", body: "body --- here\n---\nmore", bodyLine: 4 });
    expect(splitFrontMatter("---\na: 1\n----\nbody")).toBeNull();
  });
});

describe("readEntries", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-entries-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("returns the valid entries newest first and a problem per invalid file, with its path", () => {
    const api = path.join(dir, "weather");
    fs.mkdirSync(path.join(api, "changelog"), { recursive: true });
    fs.writeFileSync(path.join(api, "changelog", "old.md"), entry("date: 2025-01-01\ntitle: Old\nversion: v1"));
    fs.writeFileSync(path.join(api, "changelog", "new.md"), entry("date: 2026-01-01\ntitle: New\nversion: v2"));
    fs.writeFileSync(path.join(api, "changelog", "bad.md"), entry("title: No date\nversion: v2"));
    fs.writeFileSync(path.join(api, "changelog", "notes.txt"), "not an entry");
    const { entries, problems } = readEntries(api, dir, VERSIONS);
    expect(entries.map((e) => e.title)).toEqual(["New", "Old"]);
    expect(problems.map((p) => `${p.file} ${p.severity}`)).toEqual(["weather/changelog/bad.md error", "weather/changelog/notes.txt warning"]);
  });

  it("is empty for an API without a changelog folder", () => {
    expect(readEntries(path.join(dir, "none"), dir, VERSIONS)).toEqual({ entries: [], problems: [] });
  });
});
