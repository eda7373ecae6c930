// Search latency on a large real description (GitHub's REST API, from @octokit/openapi):
//   npx tsx scripts/bench-search.ts [--spec <openapi.json>] [--specs <dir>] [--data <dir>] [--rounds N]
// Ingests the description (cached after the first run, like `npm start`), loads its search index
// the way the portal does (lib/search/store.ts), then runs a list of realistic queries through the
// same code the /api/search endpoint runs and prints p50/p95/max latency. `benchSearch()` is
// exported for `npm run bench`.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Viewer } from "../lib/access/viewer";
import { searchCatalog, type SearchHit } from "../lib/search/search";
import { IndexStore } from "../lib/search/store";
import { cacheDirFor, manifestPath, readJson, VERSION_FILES, versionDir } from "../lib/specs/cache";
import { ingestSpecs } from "../lib/specs/ingest";
import type { Catalog } from "../lib/specs/model";

/** What people type: paths and fragments, operationIds, titles, words, schema names, typos, junk. */
export const BENCH_QUERIES = [
  "/repos/{owner}/{repo}/pulls",
  "pulls/{pull_number}",
  "pulls",
  "GET /repos/{owner}/{repo}/issues",
  "/repos/octocat/hello-world/pulls/42",
  "https://api.github.com/repos/octocat/hello-world/commits?per_page=5",
  "/user",
  "/orgs/{org}/actions",
  "repos/get-content",
  "pulls/list",
  "issues/create",
  "create a pull request",
  "list repositories for the authenticated user",
  "get the authenticated user",
  "check runs",
  "workflow runs",
  "actions secrets",
  "deploy keys",
  "branch protection",
  "commit status",
  "rate limit",
  "search code",
  "gist comments",
  "team membership",
  "dependabot alerts",
  "codespaces",
  "copilot seats",
  "releases assets",
  "reactions",
  "webhook deliveries",
  "per_page",
  "pull_number",
  "full-repository",
  "simple-user",
  "pull-request-review-comment",
  "repositroy",
  "colaborator",
  "p",
  "re",
  "rep",
  "zzzzzz",
  "{owner}",
  "}}}{{{///",
  "the quick brown fox jumps over the lazy dog while listing every repository webhook delivery attempt",
  "a".repeat(200),
];

export interface BenchSearchOptions {
  /** A folder laid out like SPECS_DIR. Default: one made under `dataDir` from `spec`. */
  specsDir?: string;
  /** One description file (default: @octokit/openapi's generated/api.github.com.json). */
  spec?: string;
  /** Where the spec cache goes. Default: .test-output/bench-search. */
  dataDir?: string;
  queries?: string[];
  /** Times the whole query list runs after one warm-up round. */
  rounds?: number;
  limit?: number;
  log?: (line: string) => void;
}

export interface BenchSearchResult {
  ingestMs: number;
  /** First search of the version: read search.json and load it into memory. */
  loadMs: number;
  /** search.json on disk, all versions. */
  fileBytes: number;
  /** Estimated heap of the loaded index (lib/search/store.ts). */
  indexBytes: number;
  operations: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  slowest: { query: string; ms: number };
  /** Top hit per query, to see the ranking at a glance. */
  top: { query: string; hit: string }[];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

const describeHit = (h: SearchHit | undefined) => (h ? `${h.method ? `${h.method.toUpperCase()} ` : ""}${h.path ?? h.title} (${h.kind}, ${h.match})` : "(none)");

function prepareSpecsDir(o: BenchSearchOptions, dataDir: string): string {
  if (o.specsDir) return path.resolve(o.specsDir);
  const spec = o.spec ? path.resolve(o.spec) : require.resolve("@octokit/openapi/generated/api.github.com.json", { paths: [process.cwd()] });
  const specsDir = path.join(dataDir, "specs");
  const target = path.join(specsDir, "github", "2022-11-28", "openapi.json");
  if (!fs.existsSync(target) || fs.statSync(target).size !== fs.statSync(spec).size) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(spec, target);
  }
  return specsDir;
}

export async function benchSearch(o: BenchSearchOptions = {}): Promise<BenchSearchResult> {
  const log = o.log ?? console.log;
  const dataDir = path.resolve(o.dataDir ?? ".test-output/bench-search");
  const specsDir = prepareSpecsDir(o, dataDir);
  const cacheDir = cacheDirFor(dataDir);

  let t = performance.now();
  await ingestSpecs({ specsDir, cacheDir, rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 300_000, memoryMb: 4096 });
  const ingestMs = performance.now() - t;
  const catalog = readJson<Catalog>(manifestPath(cacheDir));
  if (!catalog) throw new Error(`no catalog written to ${cacheDir}`);

  const store = new IndexStore(cacheDir);
  const load = (api: Catalog["apis"][number], v: Catalog["apis"][number]["versions"][number]) =>
    store.get({ apiId: api.id, versionId: v.id, contentHash: v.contentHash });
  // An admin viewer, so that a benchmark folder with partner APIs is measured whole.
  const viewer: Viewer = { kind: "user", userId: "bench", isAdmin: true, orgIds: [] };
  const limit = o.limit ?? 20;
  const run = (q: string) => searchCatalog(catalog, viewer, { q, limit }, load);

  t = performance.now();
  run("warm up");
  const loadMs = performance.now() - t;

  const queries = o.queries ?? BENCH_QUERIES;
  const top = queries.map((query) => {
    const r = run(query);
    return { query, hit: describeHit(r.ok ? r.hits[0] : undefined) };
  });
  const samples: { query: string; ms: number }[] = [];
  for (let round = 0; round < (o.rounds ?? 20); round++) {
    for (const query of queries) {
      const start = performance.now();
      run(query);
      samples.push({ query, ms: performance.now() - start });
    }
  }
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const slowest = samples.reduce((a, b) => (b.ms > a.ms ? b : a));
  const result: BenchSearchResult = {
    ingestMs,
    loadMs,
    fileBytes: catalog.apis.reduce(
      (n, a) => n + a.versions.reduce((m, v) => m + (fs.statSync(path.join(versionDir(cacheDir, a.id, v.id), VERSION_FILES.search), { throwIfNoEntry: false })?.size ?? 0), 0),
      0,
    ),
    indexBytes: store.stats().bytes,
    operations: catalog.apis.reduce((n, a) => n + a.versions.reduce((m, v) => m + v.operationCount, 0), 0),
    queries: samples.length,
    p50Ms: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted.at(-1) ?? 0,
    slowest,
    top,
  };
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  log(`search benchmark: ${catalog.apis.length} API(s), ${result.operations} operations, search.json ${(result.fileBytes / 1e6).toFixed(1)} MB, loaded ~${(result.indexBytes / 1e6).toFixed(1)} MB of heap (estimated)`);
  log(`  ingest ${ms(ingestMs)} · first search (load index) ${ms(loadMs)}`);
  log(`  ${result.queries} queries: p50 ${ms(result.p50Ms)} · p95 ${ms(result.p95Ms)} · max ${ms(result.maxMs)} (slowest: ${JSON.stringify(slowest.query.slice(0, 60))})`);
  return result;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  benchSearch({ spec: value("--spec"), specsDir: value("--specs"), dataDir: value("--data"), rounds: value("--rounds") ? Number(value("--rounds")) : undefined })
    .then((r) => {
      if (args.includes("--top")) for (const { query, hit } of r.top) console.log(`  ${JSON.stringify(query.slice(0, 60)).padEnd(64)} → ${hit}`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
