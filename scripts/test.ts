// `npm test`: every suite (Vitest unit + integration, Playwright end-to-end), then one line
// totalling all of them: `N passed, N failed[, N skipped]`. Exits non-zero on any failure,
// including a runner that crashed before reporting (counted as one failure).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const OUT = path.resolve(".test-output");
fs.mkdirSync(OUT, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return r.status ?? 1;
}

function readReport<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function vitest(): Tally {
  const file = path.join(OUT, "vitest.json");
  fs.rmSync(file, { force: true });
  const code = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const r = readReport<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number }>(file);
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  // A test file that fails to load has no failed tests but is a failure.
  const failed = r.numFailedTests + (r.numFailedTests === 0 && code !== 0 ? Math.max(1, r.numFailedTestSuites) : 0);
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
}

function playwright(): Tally {
  const file = path.join(OUT, "playwright.json");
  fs.rmSync(file, { force: true });
  const code = run("npx", ["playwright", "test"]);
  const r = readReport<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] }>(file);
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  const failed = r.stats.unexpected + (r.stats.unexpected === 0 && code !== 0 ? 1 : 0);
  return { passed: r.stats.expected + r.stats.flaky, failed, skipped: r.stats.skipped };
}

const suites = [vitest(), playwright()];
const total = suites.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed > 0 ? 1 : 0);
