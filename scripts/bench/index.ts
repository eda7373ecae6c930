// npm run bench [-- options]: Portolan on GitHub's REST description, against Redoc, Swagger UI
// and Scalar (issue 4, "Benchmark"). Prints a table; writes .bench/results.json and
// .bench/results.md (for the README's Benchmarks section). Everything it needs lives in .bench/
// (git-ignored): the pinned packages, the specs folder, the DATA_DIR, logs.
//
// Phases, in order (each can be skipped; later ones use what earlier ones left in .bench/):
//   ingest    fresh DATA_DIR, ingest the description from scratch (timed)
//   build     `next build`, forced (timed); the app is then served with `npm start`
//   server    server response time and HTML bytes of operation pages (plain HTTP)
//   js        JavaScript per operation page vs the empty page /bench/empty (HTTP and Chromium)
//   visible   time until the operation is visible in Chromium: Portolan and each peer
//   search    search latency on the same description (scripts/bench-search.ts)
//   verify    key verification: requests/s and latency against the lean gateway server on
//             PostgreSQL (10 connections), revocation seen by a second instance (bench-verify/)
//
// Options:
//   --only <phases>     comma-separated phases to run; `--only peers` = the visible phase for the
//                       peers only (no portal needed)
//   --skip <phases>     phases not to run; `--skip-build` = `--skip build` (reuse .next; `npm
//                       start` still builds if the sources changed since the last build)
//   --targets <ids>     who the visible phase times: portolan,redoc3,redoc2,swagger-ui,scalar (all)
//   --runs <n>          runs per target in the visible phase (5)
//   --pages <n>         operation pages the server phase requests (300)
//   --timeout <s>       per page load in the visible phase, after which a peer counts as failed (60)
//   --operation <id>    operationId shown by every tool (pulls/get)
//   --port <n>          the portal's port (3240); the peers' static server takes the first free
//                       one of the nine after it
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import type { OperationSummary, VersionModel } from "@/lib/specs/model";
import { benchSearch } from "../bench-search";
import { benchVerify } from "../bench-verify";
import { launchBrowser } from "./browser";
import { measureVisible } from "./browser-timing";
import { BENCH_DIR, PACKAGES, prepareInputs, readSpecFacts, type Inputs } from "./inputs";
import { get } from "./http";
import { measureJs } from "./js-bytes";
import { parseOptions, type Options } from "./options";
import { peerRoutes, peerTargets, type BenchOperation, type Target } from "./peers";
import { API_ID, readModel, startPortal, timeBuild, timeIngest, VERSION_ID, type PortalConfig, type RunningPortal } from "./portal";
import { checks, toText, writeResults, type BenchResults, type PhaseRecord } from "./report";
import { operationUrl, sampleOperations, measureServer } from "./server-timing";
import { startStaticServerNear } from "./static-server";

/** Shared by the phases: inputs, configuration, and the portal and browser, started on first use. */
interface Context {
  opts: Options;
  inputs: Inputs;
  cfg: PortalConfig;
  op: BenchOperation;
  results: BenchResults;
  log: (m: string) => void;
  portal: () => Promise<RunningPortal>;
  browser: () => Promise<Browser>;
  model: () => VersionModel;
  /** The benchmark's operation in Portolan's model (its slug gives the page URL). */
  portolanOp: () => OperationSummary;
}

interface Phase {
  name: string;
  run: (ctx: Context) => Promise<void>;
}

// The phases, run in this order. A new measurement is one more entry, with a field on
// BenchResults and its rows in report.ts.
const PHASES: Phase[] = [
  {
    name: "ingest",
    run: async (ctx) => {
      ctx.results.ingest = await timeIngest(ctx.cfg);
    },
  },
  {
    name: "build",
    run: async (ctx) => {
      ctx.results.build = await timeBuild(ctx.cfg);
    },
  },
  {
    name: "server",
    run: async (ctx) => {
      const portal = await ctx.portal();
      const ops = sampleOperations(ctx.model(), ctx.opts.pages, ctx.portolanOp());
      ctx.results.server = await measureServer(portal.origin, ops, ctx.log);
    },
  },
  {
    name: "js",
    run: async (ctx) => {
      const { origin } = await ctx.portal();
      const samples = sampleOperations(ctx.model(), 10).map((o) => operationUrl(origin, o));
      ctx.results.js = await measureJs({ emptyUrl: `${origin}/bench/empty`, operationUrl: operationUrl(origin, ctx.portolanOp()), sampleUrls: samples, browser: await ctx.browser() });
    },
  },
  {
    name: "visible",
    run: async (ctx) => {
      const statics = await startStaticServerNear(peerRoutes(ctx.inputs), ctx.opts.port + 1);
      try {
        const targets: Target[] = [];
        if (ctx.opts.targets.includes("portolan")) {
          const { origin } = await ctx.portal();
          const op = ctx.portolanOp();
          const url = operationUrl(origin, op);
          // Before each load: the portal must be up; after a restart its first page is served once
          // untimed, as in the warm-up.
          const prepare = async () => {
            const restarts = ctx.results.portalRestarts;
            await ctx.portal();
            if (ctx.results.portalRestarts !== restarts) await get(url);
          };
          targets.push({ id: "portolan", label: "Portolan", version: "this build", url, check: { selector: "main h1", text: ctx.op.summary }, prepare });
        }
        targets.push(...peerTargets(statics.origin, ctx.op, ctx.opts.targets));
        ctx.results.visible = await measureVisible(await ctx.browser(), targets, { runs: ctx.opts.runs, timeoutMs: ctx.opts.timeoutMs, log: ctx.log });
      } finally {
        await statics.close();
      }
    },
  },
  {
    name: "search",
    run: async (ctx) => {
      ctx.results.search = await benchSearch({ spec: ctx.inputs.specFile, dataDir: path.join(BENCH_DIR, "search-data"), log: ctx.log });
    },
  },
  {
    name: "verify",
    run: async (ctx) => {
      ctx.results.verify = await benchVerify();
    },
  }
];

async function main() {
  const opts = parseOptions(process.argv.slice(2), PHASES.map((p) => p.name));
  const t0 = performance.now();
  const log = (m: string) => console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  const inputs = prepareInputs(log);
  const { op, operations } = readSpecFacts(inputs.specFile, opts.operationId);
  const cfg: PortalConfig = { specsDir: inputs.specsDir, dataDir: path.join(BENCH_DIR, "data"), port: opts.port };
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), loadAvgStart: os.loadavg(), node: process.versions.node, platform: `${os.platform()} ${os.arch()}` },
    inputs: {
      spec: { package: PACKAGES.githubSpec.name, version: PACKAGES.githubSpec.version, bytes: fs.statSync(inputs.specFile).size, operations },
      peers: [PACKAGES.redoc3, PACKAGES.redoc2, PACKAGES.swaggerUi, PACKAGES.scalar].map((p) => ({ id: p.id, name: p.name, version: p.version })),
    },
    operation: op,
    options: { phases: [...opts.phases], targets: opts.targets, runs: opts.runs, pages: opts.pages, timeoutMs: opts.timeoutMs, port: opts.port },
    phases: [],
  };

  let portal: RunningPortal | undefined;
  let portalFailure: Error | undefined;
  let browser: Promise<Browser> | undefined;
  let model: VersionModel | undefined;
  const ctx: Context = {
    opts,
    inputs,
    cfg,
    op,
    results,
    log,
    // Started on first use, and again if it has ended since (on a shared machine something else
    // may end it: counted in results.portalRestarts, so such a run can be recognised).
    portal: async () => {
      if (portal?.alive()) return portal;
      if (portalFailure) throw portalFailure;
      if (portal) {
        await portal.stop();
        results.portalRestarts = (results.portalRestarts ?? 0) + 1;
        log("the portal has ended: starting it again");
      } else log("starting the portal (npm start)");
      let started: RunningPortal | undefined;
      for (let attempt = 1; !started; attempt++) {
        try {
          started = await startPortal(cfg);
        } catch (e) {
          log(`the portal did not start: ${(e as Error).message}`);
          // A second chance only when it was ended from outside; a start that fails fails again.
          if (attempt >= 2 || !/ended \(/.test((e as Error).message)) throw (portalFailure = e as Error);
        }
      }
      portal = started;
      results.startup ??= { ms: portal.startupMs, freshDatabase: portal.freshDatabase, buildWasCurrent: portal.buildWasCurrent };
      log(`portal up at ${portal.origin} after ${(portal.startupMs / 1000).toFixed(1)} s`);
      return portal;
    },
    browser: () =>
      (browser ??= launchBrowser().then((b) => {
        results.machine.chromium = b.version();
        return b;
      })),
    model: () => (model ??= readModel(cfg)),
    portolanOp: () => {
      const found = ctx.model().operations.find((o) => o.operationId === op.operationId);
      if (!found) throw new Error(`${op.operationId} is not in the ingested model of ${API_ID}/${VERSION_ID}`);
      results.operation.portolanUrl = `/apis/${API_ID}/${VERSION_ID}/operations/${found.slug}`;
      return found;
    },
  };

  try {
    for (const phase of PHASES) {
      const record: PhaseRecord = { name: phase.name, status: "skipped", ms: 0 };
      results.phases.push(record);
      if (!opts.phases.has(phase.name)) continue;
      log(`phase ${phase.name}`);
      const started = performance.now();
      try {
        await phase.run(ctx);
        record.status = "ok";
      } catch (e) {
        // One failed phase (a peer's crash is not one: it is a result) does not stop the others.
        record.status = "failed";
        record.error = (e as Error).message;
        log(`phase ${phase.name} failed: ${(e as Error).stack ?? e}`);
      }
      record.ms = performance.now() - started;
    }
  } finally {
    await (await browser?.catch(() => undefined))?.close();
    await portal?.stop();
  }

  results.finishedAt = new Date().toISOString();
  results.machine.loadAvgEnd = os.loadavg();
  results.checks = checks(results);
  const files = writeResults(results);
  console.log(toText(results));
  console.log(`\nWritten: ${path.relative(process.cwd(), files.json)}, ${path.relative(process.cwd(), files.md)}`);
  if (results.phases.some((p) => p.status === "failed")) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
