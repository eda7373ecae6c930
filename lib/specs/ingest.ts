// Ingest: discover SPECS_DIR, (re)load every version whose files changed, and write the catalog
// manifest that the portal reads. Run by `npm start` before serving and by `npm run specs:check`.
// A broken, huge or hostile description fails on its own; every other API is still published.
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Env } from "../env";
import type { Visibility } from "./api-meta";
import {
  cacheDirFor,
  combinedHash,
  isCacheFresh,
  manifestPath,
  readJson,
  VERSION_FILES,
  versionDir,
  writeJsonAtomic,
  type VersionDeps,
} from "./cache";
import { entriesFile } from "../changes/cache";
import { readEntries } from "../changes/entries";
import { precomputeChanges, type PrecomputeReport } from "../changes/precompute";
import { discoverApis, type DiscoveredApi, type DiscoveredVersion } from "./catalog";
import type { ChildJob, ChildResult } from "./ingest-child";
import type { Catalog, CatalogApi, CatalogVersion, VersionModel } from "./model";
import { countBySeverity, type SpecProblem } from "./problems";

export interface IngestOptions {
  specsDir: string;
  cacheDir: string;
  rulesetPath: string;
  timeoutMs: number;
  memoryMb: number;
  concurrency?: number;
  /** Ignore the cache and reload everything. */
  force?: boolean;
}

export interface VersionReport {
  apiId: string;
  version: string;
  status: "ok" | "failed";
  fromCache: boolean;
  ms: number;
  problems: SpecProblem[];
  model: VersionModel | null;
  contentHash: string;
}

export interface IngestReport {
  catalog: Catalog;
  versions: VersionReport[];
  /** Problems of the folder layout, api.yaml files and changelog entries. */
  catalogProblems: SpecProblem[];
  /** Diffs between consecutive versions computed (or found cached) for the changelog. */
  changes: PrecomputeReport;
}

const CHILD = path.join(__dirname, "ingest-child.ts");

type ChildOutcome = { result: ChildResult } | { failure: "timeout" | "limits" | "crash"; detail?: string };

function runChild(job: ChildJob, timeoutMs: number, memoryMb: number): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [], {
      execArgv: ["--import", "tsx", `--max-old-space-size=${memoryMb}`],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let result: ChildResult | undefined;
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve({ failure: "timeout" });
    }, timeoutMs);
    child.stderr?.on("data", (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    child.on("message", (m: ChildResult) => (result = m));
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (result) resolve({ result });
      else if (/heap out of memory|Allocation failed/i.test(stderr)) resolve({ failure: "limits" });
      else resolve({ failure: code === null ? "timeout" : "crash", detail: /(\w*Error: [^\n]{0,200})/.exec(stderr)?.[1] });
    });
    child.send(job);
  });
}

const FAILURE_TEXT: Record<"timeout" | "limits" | "crash", (o: IngestOptions) => string> = {
  timeout: (o) => `loading took longer than ${o.timeoutMs / 1000} s and was stopped (huge or pathological document, e.g. a YAML alias bomb?)`,
  limits: (o) => `loading needed more than ${o.memoryMb} MB of memory and was stopped`,
  crash: () => "the loader crashed on this document",
};

async function ingestVersion(api: DiscoveredApi, v: DiscoveredVersion, o: IngestOptions): Promise<VersionReport> {
  const started = Date.now();
  const outDir = versionDir(o.cacheDir, api.id, v.id);
  const depsFile = path.join(outDir, VERSION_FILES.deps);
  let fromCache = !o.force && isCacheFresh(readJson<VersionDeps>(depsFile), v.entryFile);
  if (!fromCache) {
    fs.rmSync(outDir, { recursive: true, force: true });
    const job: ChildJob = { entryFile: v.entryFile, rootDir: v.rootDir, specsDir: o.specsDir, rulesetPath: o.rulesetPath, outDir };
    const outcome = await runChild(job, o.timeoutMs, o.memoryMb);
    if ("failure" in outcome) {
      const { failure, detail } = outcome;
      const problem: SpecProblem = {
        file: path.relative(o.specsDir, v.entryFile).split(path.sep).join("/"),
        line: 1,
        col: 1,
        severity: "error",
        rule: failure,
        message: FAILURE_TEXT[failure](o) + (detail ? ` (${detail})` : ""),
      };
      // Not cached: a failure from a time limit may pass on a less busy machine.
      return { apiId: api.id, version: v.id, status: "failed", fromCache: false, ms: Date.now() - started, problems: [problem], model: null, contentHash: "" };
    }
  }
  const model = readJson<VersionModel>(path.join(outDir, VERSION_FILES.model));
  const problems = readJson<SpecProblem[]>(path.join(outDir, VERSION_FILES.problems)) ?? [];
  const deps = readJson<VersionDeps>(depsFile);
  if (fromCache && !deps) fromCache = false;
  return {
    apiId: api.id,
    version: v.id,
    status: model ? "ok" : "failed",
    fromCache,
    ms: Date.now() - started,
    problems,
    model,
    contentHash: deps ? combinedHash(deps) : "",
  };
}

async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

function latestOf(versions: CatalogVersion[]): string | null {
  const usable = versions.filter((v) => v.status === "ok");
  const newest = (pred: (v: CatalogVersion) => boolean) => usable.filter(pred).at(-1)?.id;
  return newest((v) => v.lifecycle === "current") ?? newest((v) => v.lifecycle !== "retired") ?? usable.at(-1)?.id ?? versions.at(-1)?.id ?? null;
}

function toCatalogApi(api: DiscoveredApi, reports: VersionReport[]): CatalogApi {
  const versions: CatalogVersion[] = api.versions.map((v) => {
    const r = reports.find((x) => x.apiId === api.id && x.version === v.id)!;
    const counts = countBySeverity(r.problems);
    return {
      id: v.id,
      lifecycle: v.meta.lifecycle,
      deprecated: v.meta.deprecated ?? null,
      sunset: v.meta.sunset ?? null,
      released: v.meta.released ?? null,
      status: r.status,
      format: r.model?.format ?? null,
      title: r.model?.title ?? null,
      operationCount: r.model?.operations.length ?? 0,
      errorCount: counts.errors,
      warningCount: counts.warnings,
      contentHash: r.contentHash,
      failure: r.status === "failed" ? (r.problems.find((p) => p.severity === "error") ?? null) : null,
    };
  });
  const latest = latestOf(versions);
  const newestTitle = [...versions].reverse().find((v) => v.title)?.title;
  const visibility: Visibility | null = api.meta ? api.meta.visibility : null;
  return {
    id: api.id,
    name: api.meta?.name ?? newestTitle ?? api.id,
    summary: api.meta?.summary ?? null,
    visibility,
    owners: api.meta?.owners ?? [],
    versions,
    latestVersion: latest,
    catalogErrorCount: countBySeverity(api.problems).errors,
  };
}

/** The ingest options a configuration implies (npm start, specs:check and the bench agree). */
export function ingestOptionsFrom(env: Pick<Env, "specsDir" | "dataDir" | "SPEC_INGEST_TIMEOUT_MS" | "SPEC_INGEST_MEMORY_MB">): IngestOptions {
  return {
    specsDir: env.specsDir,
    cacheDir: cacheDirFor(env.dataDir),
    rulesetPath: path.resolve("redocly.yaml"),
    timeoutMs: env.SPEC_INGEST_TIMEOUT_MS,
    memoryMb: env.SPEC_INGEST_MEMORY_MB,
  };
}

export async function ingestSpecs(o: IngestOptions): Promise<IngestReport> {
  const { apis, problems: rootProblems } = discoverApis(o.specsDir);
  const jobs = apis.flatMap((api) => api.versions.map((v) => ({ api, v })));
  const concurrency = o.concurrency ?? Math.max(1, Math.min(2, os.availableParallelism()));
  const versions = await pool(jobs, concurrency, ({ api, v }) => ingestVersion(api, v, o));
  const catalog: Catalog = {
    generatedAt: new Date().toISOString(),
    apis: apis.map((api) => toCatalogApi(api, versions)),
  };
  // Hand-written changelog entries (specs/<api>/changelog/*.md; loose files have none), then the
  // diffs between consecutive versions, both before the manifest: once readers see a new
  // catalog, its changelog is complete.
  const entryProblems: SpecProblem[] = [];
  for (const api of apis) {
    const own = path.resolve(api.dir) !== path.resolve(o.specsDir);
    const { entries, problems } = own ? readEntries(api.dir, o.specsDir, api.versions.map((v) => v.id)) : { entries: [], problems: [] };
    writeJsonAtomic(entriesFile(o.cacheDir, api.id), entries);
    entryProblems.push(...problems);
  }
  const changes = await precomputeChanges(catalog, { cacheDir: o.cacheDir, timeoutMs: o.timeoutMs, memoryMb: o.memoryMb });
  writeJsonAtomic(manifestPath(o.cacheDir), catalog);
  return { catalog, versions, catalogProblems: [...rootProblems, ...apis.flatMap((a) => a.problems), ...entryProblems], changes };
}
