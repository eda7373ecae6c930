// Child process entry: compares two versions' document.json files and writes the cached diff.
// Run by precompute.ts with a time and heap limit, like the ingest children: GitHub-sized pairs
// take a second or two and ~200 MB, and a pathological pair costs one child, never the portal.
import fs from "node:fs";
import { type CachedDiff, ENGINE_VERSION, writeCachedDiff, type VersionHandle } from "./cache";
import { diffDocuments } from "./diff";

export interface DiffJob {
  cacheDir: string;
  from: VersionHandle;
  to: VersionHandle;
  fromFile: string;
  toFile: string;
}

process.once("message", (job: DiffJob) => {
  try {
    const started = performance.now();
    const before = JSON.parse(fs.readFileSync(job.fromFile, "utf8")) as Record<string, unknown>;
    const after = JSON.parse(fs.readFileSync(job.toFile, "utf8")) as Record<string, unknown>;
    const result = diffDocuments(before, after);
    const value: CachedDiff = { engine: ENGINE_VERSION, from: job.from, to: job.to, computedAt: new Date().toISOString(), ms: Math.round(performance.now() - started), result };
    writeCachedDiff(job.cacheDir, value);
    process.send!({ ok: true }, () => process.exit(0));
  } catch (e) {
    process.stderr.write(`diff child failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  }
});
