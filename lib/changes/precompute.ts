// At ingest: the diff between each pair of consecutive loaded versions of every API, computed in
// a child process (diff-child.ts) unless the cache already has it. Pages, feeds and the JSON API
// then only read files. A pair that fails (time or memory limit) is logged and left out; the
// portal computes it on first request instead (store.ts). Never imported by the Next.js app
// (its bundler would try to trace the forked file).
import { fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Catalog } from "@/lib/specs/model";
import { changesDir, diffFile, documentFile } from "./cache";
import { consecutivePairs, handle } from "./pairs";
import type { DiffJob } from "./diff-child";

const CHILD = path.join(__dirname, "diff-child.ts");

export interface PrecomputeOptions {
  cacheDir: string;
  timeoutMs: number;
  memoryMb: number;
}

export interface PrecomputeReport {
  computed: { apiId: string; from: string; to: string; ms: number; ok: boolean }[];
  cached: number;
}

export function runDiffChild(job: DiffJob, timeoutMs: number, memoryMb: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [], { execArgv: ["--import", "tsx", `--max-old-space-size=${memoryMb}`], stdio: ["ignore", "ignore", "ignore", "ipc"] });
    let ok = false;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("message", () => (ok = true));
    child.on("exit", () => {
      clearTimeout(timer);
      resolve(ok);
    });
    child.send(job);
  });
}

/** Diffs of other pairs (asked for once) are kept this long after their last write. */
const KEEP_OTHER_PAIRS_MS = 30 * 24 * 3600_000;

export async function precomputeChanges(catalog: Catalog, o: PrecomputeOptions): Promise<PrecomputeReport> {
  const report: PrecomputeReport = { computed: [], cached: 0 };
  const current = new Set<string>();
  for (const api of catalog.apis) {
    for (const [a, b] of consecutivePairs(api.versions)) {
      const from = handle(api.id, a);
      const to = handle(api.id, b);
      current.add(diffFile(o.cacheDir, from, to));
      if (fs.existsSync(diffFile(o.cacheDir, from, to))) {
        report.cached++;
        continue;
      }
      const started = Date.now();
      const ok = await runDiffChild({ cacheDir: o.cacheDir, from, to, fromFile: documentFile(o.cacheDir, from), toFile: documentFile(o.cacheDir, to) }, o.timeoutMs, o.memoryMb);
      report.computed.push({ apiId: api.id, from: a.id, to: b.id, ms: Date.now() - started, ok });
    }
  }
  pruneOldDiffs(o.cacheDir, current);
  return report;
}

/** Removes cached diffs that are neither current consecutive pairs nor recently asked for. */
function pruneOldDiffs(cacheDir: string, keep: Set<string>): void {
  const dir = changesDir(cacheDir);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (!keep.has(file) && Date.now() - fs.statSync(file).mtimeMs > KEEP_OTHER_PAIRS_MS) fs.rmSync(file, { force: true });
    } catch {
      // Removed by another instance meanwhile.
    }
  }
}
