// Server response time and HTML size of operation pages, measured with plain HTTP, one request
// at a time (so the figure is the server's work per page, not queueing):
//   first   the first operation page after start (the portal reads the version's document then)
//   cold    every other sampled page once (its first request)
//   warm    every sampled page again
// HTML bytes: as served (gzip, what `next start` sends), decoded, and brotli (q11) for reference.
import type { OperationSummary, VersionModel } from "@/lib/specs/model";
import { brotliSize, get } from "./http";
import { API_ID, VERSION_ID } from "./portal";
import { max, median, summarize, type Summary } from "./stats";

export interface ServerTiming {
  pages: number;
  firstRequestMs: number;
  cold: Summary;
  warm: Summary;
  htmlBytes: { raw: { p50: number; max: number }; gzip: { p50: number; max: number }; brotli: { p50: number; max: number }; largestUrl: string };
  /** Pages that did not answer 200 or lacked their method and path. */
  failures: { url: string; status: number }[];
}

export function operationUrl(origin: string, op: OperationSummary): string {
  return `${origin}/apis/${API_ID}/${VERSION_ID}/operations/${encodeURIComponent(op.slug)}`;
}

/** `count` operations spread evenly over the API (deterministic), `first` first. */
export function sampleOperations(model: VersionModel, count: number, first?: OperationSummary): OperationSummary[] {
  const ops = model.operations;
  const step = Math.max(1, ops.length / count);
  const picked = new Set<OperationSummary>(first ? [first] : []);
  for (let i = 0; picked.size < Math.min(count, ops.length) && i < ops.length * 2; i++) picked.add(ops[Math.floor(i * step) % ops.length]!);
  return [...picked];
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function measureServer(origin: string, ops: OperationSummary[], log: (m: string) => void): Promise<ServerTiming> {
  const failures: ServerTiming["failures"] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const raw: number[] = [];
  const gz: number[] = [];
  const br: number[] = [];
  let firstRequestMs = NaN;
  let largest = { url: "", bytes: -1 };
  for (const [pass, times] of [["cold", cold], ["warm", warm]] as const) {
    log(`${pass} pass over ${ops.length} operation pages`);
    for (const op of ops) {
      const url = operationUrl(origin, op);
      const res = await get(url);
      // The first page also pays for reading the version's document: reported apart, not as cold.
      if (Number.isNaN(firstRequestMs)) firstRequestMs = res.ms;
      else times.push(res.ms);
      if (pass !== "cold") continue;
      const html = res.body.toString("utf8");
      // The path is HTML-escaped in the page ({ and } are not, but & would be).
      if (res.status !== 200 || !html.includes(escapeHtml(op.path))) failures.push({ url, status: res.status });
      raw.push(res.body.length);
      if (res.body.length > largest.bytes) largest = { url, bytes: res.body.length };
      gz.push(res.encoding === "gzip" ? res.wireBytes : NaN);
      br.push(brotliSize(res.body));
    }
  }
  const sizes = (v: number[]) => ({ p50: median(v), max: max(v) });
  return { pages: ops.length, firstRequestMs, cold: summarize(cold), warm: summarize(warm), htmlBytes: { raw: sizes(raw), gzip: sizes(gz), brotli: sizes(br), largestUrl: largest.url ? new URL(largest.url).pathname : "" }, failures };
}
