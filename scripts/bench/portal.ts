// The portal under test: ingest GitHub's description into a fresh DATA_DIR (timed), build it
// (timed), and serve it the way `npm start` does (server/start.ts, through serve.ts), always on
// the embedded database so that a DATABASE_URL in the environment is never touched.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { cacheDirFor, versionDir, VERSION_FILES, readJson } from "@/lib/specs/cache";
import { ingestOptionsFrom, ingestSpecs } from "@/lib/specs/ingest";
import type { VersionModel } from "@/lib/specs/model";
import { build, isBuildCurrent } from "@/server/build";
import { closeConnections } from "./http";
import { BENCH_DIR } from "./inputs";

export interface PortalConfig {
  specsDir: string;
  dataDir: string;
  port: number;
}

/** The one API and version the benchmark serves: GitHub's description as a loose file. */
export const API_ID = "api.github.com";
export const VERSION_ID = "current";
export const LOG_DIR = path.join(BENCH_DIR, "logs");

function childEnv(cfg: PortalConfig): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(cfg.port),
    // The docs are what is measured here; key verification has its own benchmark (bench-verify).
    GATEWAY_PORT: "0",
    DATA_DIR: cfg.dataDir,
    SPECS_DIR: cfg.specsDir,
    PORTAL_URL: `http://127.0.0.1:${cfg.port}`,
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  return env;
}

export interface IngestResult {
  ms: number;
  operations: number;
  lintErrors: number;
  status: string;
}

/** Ingest from scratch (fresh DATA_DIR, cache ignored): what the first `npm start` pays per version. */
export async function timeIngest(cfg: PortalConfig): Promise<IngestResult> {
  fs.rmSync(cfg.dataDir, { recursive: true, force: true });
  const env = parseEnv(childEnv(cfg));
  const started = performance.now();
  const report = await ingestSpecs({
    ...ingestOptionsFrom(env),
    force: true,
  });
  const ms = performance.now() - started;
  const v = report.versions.find((r) => r.apiId === API_ID && r.version === VERSION_ID);
  if (!v || v.status !== "ok") throw new Error(`ingest of ${API_ID} failed: ${v?.problems[0]?.message ?? "not found in SPECS_DIR"}`);
  return { ms, operations: v.model?.operations.length ?? 0, lintErrors: v.problems.filter((p) => p.severity === "error").length, status: v.status };
}

export function readModel(cfg: PortalConfig): VersionModel {
  const model = readJson<VersionModel>(path.join(versionDir(cacheDirFor(path.resolve(cfg.dataDir)), API_ID, VERSION_ID), VERSION_FILES.model));
  if (!model) throw new Error(`no ingested model under ${cfg.dataDir}: run without --skip ingest`);
  return model;
}

export interface BuildResult {
  ms: number;
}

/**
 * `next build` from a clean slate, as on a fresh clone or in CI: `.next/` (with Turbopack's build
 * cache, which makes a repeated build several times faster) is removed first. The build hash is
 * then current, so `npm start` below does not build again.
 */
export async function timeBuild(cfg: PortalConfig): Promise<BuildResult> {
  fs.rmSync(path.resolve(".next"), { recursive: true, force: true });
  const started = performance.now();
  const output = await build(childEnv(cfg), "pipe");
  fs.mkdirSync(LOG_DIR, { recursive: true });
  fs.writeFileSync(path.join(LOG_DIR, "build.log"), output);
  return { ms: performance.now() - started };
}

export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const s = net.createServer();
    s.once("error", () => reject(new Error(`port ${port} is in use: pass another with --port`)));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve()));
  });
}

export interface RunningPortal {
  origin: string;
  /** From spawning `npm start` until /healthz answers 200 (database, migrations, seed, ingest, next start). */
  startupMs: number;
  /** No database under DATA_DIR before the start: it was created, migrated and seeded. */
  freshDatabase: boolean;
  /** The build was current before the start; when false, `npm start` built the app first. */
  buildWasCurrent: boolean;
  /** False once the process has ended (something else may end it on a shared machine). */
  alive: () => boolean;
  stop: () => Promise<void>;
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = fs.readFileSync(path.join(LOG_DIR, "portal.log"), "utf8").trim().split("\n").slice(-5).join("\n");
      throw new Error(`npm start ended (${child.signalCode ?? `exit code ${child.exitCode}`}) before answering; ${path.join(LOG_DIR, "portal.log")} ends with:\n${tail}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the portal did not answer /healthz within ${timeoutMs / 1000} s`);
}

async function waitForPortFree(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await assertPortFree(port).then(() => true, () => false)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * `npm start` with the benchmark's SPECS_DIR and DATA_DIR; output goes to .bench/logs/portal.log.
 * It runs in a process group of its own (tsx → server/start.ts → next → next-server), so that
 * stopping it ends all of them, also when its first process was ended by something else.
 */
export async function startPortal(cfg: PortalConfig): Promise<RunningPortal> {
  await assertPortFree(cfg.port);
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const freshDatabase = !fs.existsSync(path.join(cfg.dataDir, "pglite"));
  const buildWasCurrent = isBuildCurrent();
  const logFd = fs.openSync(path.join(LOG_DIR, "portal.log"), "a");
  fs.writeSync(logFd, `--- npm start, ${new Date().toISOString()}\n`);
  const started = performance.now();
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), [path.join("scripts", "bench", "serve.ts")], {
    env: childEnv(cfg),
    stdio: ["ignore", logFd, logFd],
    detached: true,
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // the group has ended
    }
  };
  const onExit = () => signalGroup("SIGTERM");
  // Ctrl-C reaches the benchmark only (the portal has its own group): pass it on, then stop.
  const onInterrupt = () => {
    signalGroup("SIGTERM");
    process.exit(130);
  };
  process.once("exit", onExit);
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  const forget = () => {
    process.removeListener("exit", onExit);
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
  };

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    closeConnections();
    const exited = alive() ? new Promise<void>((r) => child.once("exit", () => r())) : Promise.resolve();
    signalGroup("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    // Whatever of the group is left is ended too: normally nothing, but when the first process
    // was ended from outside, its next-server lives on and keeps the port.
    await waitForPortFree(cfg.port, 10_000);
    signalGroup("SIGKILL");
    fs.closeSync(logFd);
    forget();
  };

  const origin = `http://127.0.0.1:${cfg.port}`;
  try {
    await waitForHealth(origin, child, 10 * 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  const startupMs = performance.now() - started;
  // Said at once: the measurements after it would fail with "connection refused" and no reason.
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`[bench] the portal (npm start) ended unexpectedly: ${signal ?? `exit code ${code}`}; see ${path.join(LOG_DIR, "portal.log")}`);
  });
  return { origin, startupMs, freshDatabase, buildWasCurrent, alive, stop };
}
