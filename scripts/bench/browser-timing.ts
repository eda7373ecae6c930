// Time until the operation is visible, cold, in headless Chromium: Portolan's operation page and
// each peer's page, the same operation of the same spec. Each run is a fresh browser context with
// the HTTP cache disabled; targets take turns within a round (their order rotates every round) so
// that a busy moment of the machine does not land on one of them only. The time is taken inside
// the page: from navigation start to the first animation frame at which the operation's heading
// is on screen (browser.ts). A target that crashes or is not visible within the time limit is
// reported as such; after two failures in a row it is not run again. Each run starts once the
// machine is quiet again (quietMachine).
import os from "node:os";
import type { Browser } from "@playwright/test";
import { firstContentfulPaint, freshPage, settle, visibleAt, type TransferTotals } from "./browser";
import { get } from "./http";
import { scriptSources } from "./js-bytes";
import type { Target } from "./peers";
import { median, min } from "./stats";

export interface Failure {
  run: number;
  kind: "timeout" | "crash" | "error";
  message: string;
}

export interface TargetTiming {
  id: string;
  label: string;
  version: string;
  url: string;
  /** Milliseconds of the successful runs, in run order. */
  runs: number[];
  /** First contentful paint of the same runs (anything painted: a spinner counts), for context. */
  fcpRuns: number[];
  failures: Failure[];
  medianMs: number | null;
  minMs: number | null;
  medianFcpMs: number | null;
  /** Transfers of the first successful run, once the network was quiet: script and fetch/xhr (the spec). */
  transfers: Record<string, TransferTotals> | null;
}

/**
 * Fetch a target's page (twice: a page's second answer is the first from the portal's page cache,
 * after which it is served from memory, server/docs-fast-path.cjs) and the files it names once,
 * so no server does first-time work in run 1.
 */
async function warmUp(target: Target): Promise<void> {
  const pageUrl = target.url.split("#")[0]!;
  await get(pageUrl).catch(() => null);
  const page = await get(pageUrl).catch(() => null);
  if (!page) return;
  const html = page.body.toString("utf8");
  const hrefs = [...html.matchAll(/<link\b[^>]*?\shref="([^"]+)"/g)].map((m) => m[1]!);
  for (const src of [...scriptSources(html), ...hrefs]) await get(new URL(src, pageUrl).href).catch(() => null);
  if (!target.id.startsWith("portolan")) await get(new URL("/spec.json", pageUrl).href).catch(() => null);
}

async function runOnce(browser: Browser, target: Target, timeoutMs: number, withTransfers: boolean): Promise<{ ms: number; fcp: number | null; transfers?: Record<string, TransferTotals> } | Failure> {
  try {
    await target.prepare?.();
  } catch (e) {
    return { run: 0, kind: "error", message: (e as Error).message };
  }
  const { context, page, transfers } = await freshPage(browser, target.check);
  let crashed = false;
  page.on("crash", () => (crashed = true));
  const started = Date.now();
  try {
    await page.goto(target.url, { waitUntil: "commit", timeout: timeoutMs });
    const ms = await visibleAt(page, Math.max(1000, timeoutMs - (Date.now() - started)));
    const fcp = await firstContentfulPaint(page);
    if (!withTransfers) return { ms, fcp };
    await settle(page);
    await transfers.settled();
    return { ms, fcp, transfers: structuredClone(transfers.byType()) };
  } catch (e) {
    const message = (e as Error).message.split("\n")[0] ?? String(e);
    const kind = crashed || /crash/i.test(message) ? "crash" : (e as Error).name === "TimeoutError" ? "timeout" : "error";
    return { run: 0, kind, message };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Waits (up to 5 s) until the CPUs have been at least 85% idle for a quarter of a second. A heavy
 * peer's page (Redoc 2 holds a 13 MB spec and a huge DOM) is still being torn down by Chromium
 * after its context closes; on two cores the next run would otherwise pay for that, which adds
 * tens of milliseconds to a page that paints in ~100 ms and next to nothing to one that takes
 * seconds. Every target waits the same way.
 */
async function quietMachine(): Promise<void> {
  const idle = () => os.cpus().reduce((a, c) => ({ idle: a.idle + c.times.idle, total: a.total + c.times.idle + c.times.user + c.times.nice + c.times.sys + c.times.irq }), { idle: 0, total: 0 });
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const a = idle();
    await new Promise((r) => setTimeout(r, 250));
    const b = idle();
    if ((b.idle - a.idle) / Math.max(1, b.total - a.total) >= 0.85) return;
  }
}

export async function measureVisible(browser: Browser, targets: Target[], opts: { runs: number; timeoutMs: number; log: (m: string) => void }): Promise<TargetTiming[]> {
  const results: TargetTiming[] = targets.map((t) => ({ id: t.id, label: t.label, version: t.version, url: t.url, runs: [], fcpRuns: [], failures: [], medianMs: null, minMs: null, medianFcpMs: null, transfers: null }));
  const failuresInARow = new Map<string, number>();
  for (const t of targets) await warmUp(t);
  for (let run = 1; run <= opts.runs; run++) {
    const order = targets.map((_, i) => targets[(i + run - 1) % targets.length]!);
    for (const target of order) {
      const r = results.find((x) => x.id === target.id)!;
      if ((failuresInARow.get(target.id) ?? 0) >= 2) continue;
      await quietMachine();
      const outcome = await runOnce(browser, target, opts.timeoutMs, r.transfers === null);
      failuresInARow.set(target.id, "kind" in outcome ? (failuresInARow.get(target.id) ?? 0) + 1 : 0);
      if ("kind" in outcome) {
        r.failures.push({ ...outcome, run });
        opts.log(`run ${run}/${opts.runs} ${target.label}: ${outcome.kind} (${outcome.message.slice(0, 120)})`);
      } else {
        r.runs.push(outcome.ms);
        if (outcome.fcp !== null) r.fcpRuns.push(outcome.fcp);
        if (outcome.transfers) r.transfers = outcome.transfers;
        opts.log(`run ${run}/${opts.runs} ${target.label}: ${(outcome.ms / 1000).toFixed(2)} s`);
      }
    }
  }
  for (const r of results) {
    r.medianMs = r.runs.length ? median(r.runs) : null;
    r.minMs = r.runs.length ? min(r.runs) : null;
    r.medianFcpMs = r.fcpRuns.length ? median(r.fcpRuns) : null;
  }
  return results;
}
