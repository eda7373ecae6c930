// Child process entry: loads and normalises ONE description, writes the cache files, reports a
// summary to the parent over IPC, and exits. The parent (ingest.ts) kills it on timeout and
// starts it with a heap limit, so a pathological document costs one child, never the portal.
import path from "node:path";
import { buildSearchIndex } from "../search/build";
import { INGEST_VERSION, sha256File, VERSION_FILES, writeJsonAtomic, type VersionDeps } from "./cache";
import { loadSpec } from "./load";
import { detectFormat, normalize } from "./normalize";
import type { VersionModel } from "./model";
import { countBySeverity } from "./problems";
import { toOpenApi3 } from "./to-openapi3";

export interface ChildJob {
  entryFile: string;
  rootDir: string;
  specsDir: string;
  rulesetPath: string;
  outDir: string;
}

export interface ChildResult {
  ok: boolean;
  errorCount: number;
  warningCount: number;
}

/** Search is an extra: a document it chokes on still renders, and is searched by nothing. */
function writeSearchIndex(outDir: string, document: Record<string, unknown>, model: VersionModel): void {
  try {
    writeJsonAtomic(path.join(outDir, VERSION_FILES.search), buildSearchIndex(document, model));
  } catch (e) {
    process.stderr.write(`search index not built: ${(e as Error).message}\n`);
  }
}

process.once("message", (job: ChildJob) => {
  void (async () => {
    const loaded = await loadSpec(job);
    const document = loaded.document ? await toOpenApi3(loaded.document) : null;
    const model = loaded.document && document ? normalize(document, detectFormat(loaded.document)) : null;
    const deps: VersionDeps = {
      ingestVersion: INGEST_VERSION,
      entryFile: job.entryFile,
      // The ruleset counts as an input: changing a rule must refresh cached problems.
      files: [...loaded.files, job.rulesetPath].map((f) => ({ path: f, sha256: sha256File(f) })),
    };
    if (loaded.document) writeJsonAtomic(path.join(job.outDir, VERSION_FILES.bundle), loaded.document);
    if (document) writeJsonAtomic(path.join(job.outDir, VERSION_FILES.document), document);
    writeJsonAtomic(path.join(job.outDir, VERSION_FILES.model), model);
    if (document && model) writeSearchIndex(job.outDir, document, model);
    writeJsonAtomic(path.join(job.outDir, VERSION_FILES.problems), loaded.problems);
    // deps last: its presence marks the other files as complete.
    writeJsonAtomic(path.join(job.outDir, VERSION_FILES.deps), deps);
    const counts = countBySeverity(loaded.problems);
    const result: ChildResult = { ok: model !== null, errorCount: counts.errors, warningCount: counts.warnings };
    process.send!(result, () => process.exit(0));
  })().catch((e: unknown) => {
    process.stderr.write(`ingest child failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
});
