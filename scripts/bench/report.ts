// The benchmark's output: a table on stdout, .bench/results.json (everything, for comparisons
// between runs) and .bench/results.md (the tables for the README's Benchmarks section).
import fs from "node:fs";
import type { BenchSearchResult } from "../bench-search";
import type { VerifyBenchResult } from "../bench-verify";
import path from "node:path";
import type { TargetTiming } from "./browser-timing";
import { BENCH_DIR } from "./inputs";
import type { JsBytes } from "./js-bytes";
import type { BenchOperation } from "./peers";
import type { BuildResult, IngestResult } from "./portal";
import type { ServerTiming } from "./server-timing";

/** The issue's bar (issue 4, "What it must show"). */
export const BUDGET = { jsOverEmptyBytes: 20_000, visibleSpeedup: 10 };

export interface PhaseRecord {
  name: string;
  status: "ok" | "skipped" | "failed";
  ms: number;
  error?: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  machine: { cpus: number; loadAvgStart: number[]; loadAvgEnd?: number[]; node: string; platform: string; chromium?: string };
  inputs: { spec: { package: string; version: string; bytes: number; operations: number }; peers: { id: string; name: string; version: string }[] };
  operation: BenchOperation & { portolanUrl?: string };
  options: Record<string, unknown>;
  phases: PhaseRecord[];
  ingest?: IngestResult;
  build?: BuildResult;
  startup?: { ms: number; freshDatabase: boolean; buildWasCurrent: boolean };
  /** Times the portal had ended (not by the benchmark) and was started again. */
  portalRestarts?: number;
  server?: ServerTiming;
  js?: JsBytes;
  visible?: TargetTiming[];
  /** Search latency on the same description (scripts/bench-search.ts). */
  search?: BenchSearchResult;
  /** Key verification load and revocation latency (scripts/bench-verify). */
  verify?: VerifyBenchResult;
  checks?: { name: string; pass: boolean | null; detail: string }[];
}

const s = (ms: number | null | undefined) => (ms == null || Number.isNaN(ms) ? "–" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const kb = (b: number | null | undefined) => (b == null || Number.isNaN(b) ? "–" : `${(b / 1000).toFixed(1)} KB`);

export function checks(r: BenchResults): NonNullable<BenchResults["checks"]> {
  const out: NonNullable<BenchResults["checks"]> = [];
  if (r.verify) {
    const v = r.verify;
    out.push({ name: "Key verification p99 < 5 ms and ≥ 5,000 requests/s (10 connections)", pass: v.latencyMs.p99 < 5 && v.requestsPerSecond >= 5_000, detail: `p99 ${v.latencyMs.p99} ms, ${v.requestsPerSecond} requests/s` });
    out.push({ name: "Revoked key refused by another instance within 1 s", pass: v.revocation.under1s === v.revocation.trials, detail: `${v.revocation.under1s}/${v.revocation.trials} trials, max ${v.revocation.maxMs} ms` });
  }
  if (r.search) out.push({ name: "Search well under 100 ms on the largest spec", pass: r.search.p95Ms < 100, detail: `p95 ${r.search.p95Ms.toFixed(1)} ms` });
  if (r.server) {
    const bad = r.server.failures.length;
    out.push({ name: "Sampled operation pages answer 200 with method and path", pass: bad === 0, detail: `${r.server.pages - bad}/${r.server.pages}` });
  }
  if (r.js) {
    const delta = r.js.operation.http.gzip - r.js.empty.http.gzip;
    const browserDelta = r.js.operation.browser && r.js.empty.browser ? r.js.operation.browser.encoded - r.js.empty.browser.encoded : null;
    const worst = Math.max(delta, browserDelta ?? delta, r.js.sampledMaxGzip - r.js.empty.http.gzip);
    out.push({
      name: `Operation page JS ≤ empty page + ${kb(BUDGET.jsOverEmptyBytes)} (compressed)`,
      pass: worst <= BUDGET.jsOverEmptyBytes,
      detail: `+${kb(delta)} over HTTP${browserDelta === null ? "" : `, +${kb(browserDelta)} in the browser`}`,
    });
  }
  const portolan = r.visible?.find((t) => t.id === "portolan");
  const peers = r.visible?.filter((t) => t.id !== "portolan") ?? [];
  if (portolan && peers.length) {
    const fastest = peers.filter((p) => p.medianMs !== null).sort((a, b) => a.medianMs! - b.medianMs!)[0];
    if (!portolan.medianMs) out.push({ name: `Visible ≥ ${BUDGET.visibleSpeedup}× sooner than the fastest peer`, pass: false, detail: "Portolan did not render" });
    else if (!fastest) out.push({ name: `Visible ≥ ${BUDGET.visibleSpeedup}× sooner than the fastest peer`, pass: true, detail: "no peer rendered within the time limit" });
    else {
      const ratio = fastest.medianMs! / portolan.medianMs;
      out.push({ name: `Visible ≥ ${BUDGET.visibleSpeedup}× sooner than the fastest peer`, pass: ratio >= BUDGET.visibleSpeedup, detail: `${ratio.toFixed(1)}× (${fastest.label} ${s(fastest.medianMs)} vs ${s(portolan.medianMs)}, medians)` });
    }
  }
  return out;
}

type Row = [string, string];

function summaryRows(r: BenchResults): Row[] {
  const rows: Row[] = [];
  if (r.ingest) rows.push([`Ingest (${r.ingest.operations} operations, from scratch)`, s(r.ingest.ms)]);
  if (r.build) rows.push(["`next build`", s(r.build.ms)]);
  if (r.startup) {
    const what = [r.startup.freshDatabase ? "new database" : "existing database", r.startup.buildWasCurrent ? "" : "build included"].filter(Boolean).join(", ");
    rows.push([`\`npm start\` until /healthz answers (${what})`, s(r.startup.ms)]);
  }
  if (r.server) {
    const v = r.server;
    rows.push(["Operation page: first request after start", s(v.firstRequestMs)]);
    rows.push([`Operation pages, first request each: p50 / p95 (${v.cold.n} pages)`, `${s(v.cold.p50)} / ${s(v.cold.p95)}`]);
    rows.push([`Operation pages, again: p50 / p95 (${v.warm.n} pages)`, `${s(v.warm.p50)} / ${s(v.warm.p95)}`]);
    rows.push(["HTML per operation page, p50: raw / gzip / brotli", `${kb(v.htmlBytes.raw.p50)} / ${kb(v.htmlBytes.gzip.p50)} / ${kb(v.htmlBytes.brotli.p50)}`]);
    rows.push([`HTML per operation page, largest (${v.htmlBytes.largestUrl.split("/").pop()}): raw / gzip`, `${kb(v.htmlBytes.raw.max)} / ${kb(v.htmlBytes.gzip.max)}`]);
  }
  if (r.js) {
    const { empty, operation } = r.js;
    rows.push([`JS, empty page: gzip / brotli (${empty.http.scripts} scripts)`, `${kb(empty.http.gzip)} / ${kb(empty.http.brotli)}`]);
    rows.push([`JS, operation page: gzip / brotli (${operation.http.scripts} scripts)`, `${kb(operation.http.gzip)} / ${kb(operation.http.brotli)} (+${kb(operation.http.gzip - empty.http.gzip)} gzip)`]);
    if (empty.browser && operation.browser) {
      rows.push([
        "JS in Chromium (transferred): empty / operation page",
        `${kb(empty.browser.encoded)} / ${kb(operation.browser.encoded)} (+${kb(operation.browser.encoded - empty.browser.encoded)}; decoded ${kb(operation.browser.decoded)})`,
      ]);
    }
  }
  return rows;
}

function visibleRows(r: BenchResults): string[][] {
  return (r.visible ?? []).map((t) => {
    const ok = `${t.runs.length}/${t.runs.length + t.failures.length}`;
    const failure = t.failures.length ? ` (${[...new Set(t.failures.map((f) => f.kind))].join(", ")})` : "";
    const js = t.transfers?.script;
    const spec = (t.transfers?.fetch?.encoded ?? 0) + (t.transfers?.xhr?.encoded ?? 0);
    return [t.label, t.version, s(t.medianMs), s(t.minMs), s(t.medianFcpMs), ok + failure, js ? kb(js.encoded) : "–", spec ? kb(spec) : "–"];
  });
}

const VISIBLE_HEAD = ["", "Version", "Visible (median)", "Min", "First paint (median)", "Runs ok", "JS (compressed)", "Fetch/XHR"];

/** Numbers right-aligned, unless `numeric` is false (then every column reads left to right). */
function markdownTable(head: string[], rows: string[][], numeric = true): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((_, i) => (i === 0 || !numeric ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

function textTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function searchRows(r: BenchResults): Row[] {
  const x = r.search;
  if (!x) return [];
  return [
    [`Search: ${x.queries} queries × rounds on ${x.operations} operations, p50 / p95 / max`, `${x.p50Ms.toFixed(1)} ms / ${x.p95Ms.toFixed(1)} ms / ${x.maxMs.toFixed(1)} ms`],
    ["Search: first query of a version (loads its index)", s(x.loadMs)],
    ["Search index: file / heap", `${kb(x.fileBytes)} / ${kb(x.indexBytes)}`],
  ];
}

function verifyRows(r: BenchResults): Row[] {
  const v = r.verify;
  if (!v) return [];
  return [
    [`Key verification, ${v.connections} connections, ${v.durationS} s (${v.database === "postgresql" ? "PostgreSQL" : "embedded PGlite"}): requests/s`, String(v.requestsPerSecond)],
    ["Key verification latency p50 / p90 / p99 / max", `${v.latencyMs.p50} / ${v.latencyMs.p90} / ${v.latencyMs.p99} / ${v.latencyMs.max} ms (errors ${v.errors}, non-2xx ${v.non2xx})`],
    ["Revoked key refused by another instance: median / max", `${v.revocation.medianMs} ms / ${v.revocation.maxMs} ms (under 1 s in ${v.revocation.under1s}/${v.revocation.trials})`],
  ];
}

function header(r: BenchResults): string {
  const load = (l?: number[]) => (l ? l.map((x) => x.toFixed(2)).join(" ") : "?");
  return (
    `GitHub REST description (${r.inputs.spec.package}@${r.inputs.spec.version}, ${(r.inputs.spec.bytes / 1e6).toFixed(1)} MB, ${r.inputs.spec.operations} operations); ` +
    `operation ${r.operation.method.toUpperCase()} ${r.operation.path} (${r.operation.operationId}). ` +
    `${r.machine.cpus} CPUs, load average ${load(r.machine.loadAvgStart)} at start, ${load(r.machine.loadAvgEnd)} at end; Node ${r.machine.node}` +
    (r.machine.chromium ? `, Chromium ${r.machine.chromium}` : "") +
    `; ${r.startedAt}.`
  );
}

export function toMarkdown(r: BenchResults): string {
  const parts = [`<!-- npm run bench, ${r.startedAt} -->`, header(r), ""];
  const rows = [...summaryRows(r), ...searchRows(r), ...verifyRows(r)];
  if (rows.length) parts.push(markdownTable(["Portolan", "Result"], rows), "");
  if (r.visible?.length) {
    const runs = Math.max(...r.visible.map((t) => t.runs.length + t.failures.length));
    parts.push(`Time until the operation is visible, cold, headless Chromium (${runs} run${runs === 1 ? "" : "s"} each):`, "", markdownTable(VISIBLE_HEAD, visibleRows(r)), "");
  }
  if (r.portalRestarts) parts.push(`The portal ended during this run and was started again ${r.portalRestarts} time(s).`, "");
  const c = r.checks ?? [];
  if (c.length) parts.push(markdownTable(["Check (issue 4)", "Result"], c.map((x) => [x.name, `${x.pass === null ? "–" : x.pass ? "pass" : "**fail**"}: ${x.detail}`]), false), "");
  return parts.join("\n");
}

export function toText(r: BenchResults): string {
  const parts = [header(r), ""];
  const rows = [...summaryRows(r), ...searchRows(r), ...verifyRows(r)];
  if (rows.length) parts.push(textTable(["Portolan", "Result"], rows.map((x) => [x[0].replace(/`/g, ""), x[1]])), "");
  if (r.visible?.length) parts.push("Time until the operation is visible (cold, headless Chromium):", textTable(VISIBLE_HEAD, visibleRows(r)), "");
  if (r.portalRestarts) parts.push(`Note: the portal ended during the run and was started again ${r.portalRestarts} time(s); measurements that were under way then failed.`, "");
  for (const x of r.checks ?? []) parts.push(`${x.pass === null ? "  -  " : x.pass ? "PASS " : "FAIL "} ${x.name}: ${x.detail}`);
  const failed = r.phases.filter((p) => p.status === "failed");
  for (const p of failed) parts.push(`phase ${p.name} FAILED: ${p.error}`);
  return parts.join("\n");
}

export function writeResults(r: BenchResults): { json: string; md: string } {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const json = path.join(BENCH_DIR, "results.json");
  const md = path.join(BENCH_DIR, "results.md");
  fs.writeFileSync(json, JSON.stringify(r, null, 2) + "\n");
  fs.writeFileSync(md, toMarkdown(r));
  return { json, md };
}
