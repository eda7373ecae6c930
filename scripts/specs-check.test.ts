// `npm run specs:check` end to end: the real script, the real specs folder, the repo's ruleset.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-specs-check-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function specsCheck(specsDir: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/specs-check.ts", "--specs", specsDir], {
    encoding: "utf8",
    // A private cache, so the test never reuses (or spoils) a developer's .data/.
    env: { ...process.env, DATA_DIR: path.join(tmp, `data-${path.basename(specsDir)}`), LOG_LEVEL: "silent" },
    timeout: 170_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("npm run specs:check", () => {
  it("passes on the demo specs", () => {
    const { code, out } = specsCheck(path.resolve("specs"));
    expect(out).toMatch(/ok {4} weather\/v2 \(openapi-3\.1/);
    expect(out).toMatch(/ok {4} weather\/v1 \(swagger-2\.0/);
    expect(out).not.toMatch(/FAILED/);
    // Problems of a multi-file description point at the file they are in, not at the $ref.
    expect(out).toMatch(/^accounts\/v1\/paths\/sim-card-swap\.yaml:\d+:\d+ warning operation-summary /m);
    // The changelog's diffs between consecutive versions are computed at ingest.
    expect(out).toMatch(/ok {4} changes weather v1 → v2/);
    expect(code).toBe(0);
  }, 180_000);

  it("fails with file:line:col on a broken copy, and still loads the other APIs", () => {
    const copy = path.join(tmp, "broken");
    fs.cpSync(path.resolve("specs"), copy, { recursive: true });
    const file = path.join(copy, "weather", "v2", "openapi.yaml");
    const lines = fs.readFileSync(file, "utf8").split("\n");
    // Break the indentation of line 3 (inside `info:`), a typical hand-editing mistake.
    lines[2] = `   ${lines[2]!.trimStart()}\n  oops: [unclosed`;
    fs.writeFileSync(file, lines.join("\n"));
    // A changelog entry naming a version the API does not have: reported, left out, nothing else affected.
    fs.writeFileSync(path.join(copy, "weather", "changelog", "typo.md"), "---\ndate: 2026-01-01\ntitle: Typo\nversion: v3\n---\nText.\n");

    const { code, out } = specsCheck(copy);
    expect(code).toBe(1);
    expect(out).toMatch(/^weather\/v2\/openapi\.yaml:\d+:\d+ error parse \S.*$/m);
    expect(out).toMatch(/FAILED weather\/v2/);
    expect(out).toMatch(/^weather\/changelog\/typo\.md:1:1 error changelog versions: v3 is not a version of this API; entry left out$/m);
    expect(out).toMatch(/ok {4} weather\/v1/);
    expect(out).toMatch(/ok {4} travel\//);
    expect(out).toMatch(/ok {4} accounts\/v1/);
  }, 180_000);
});
