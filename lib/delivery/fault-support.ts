// Fault-test helpers (not used by the app): a fresh database with the portal's schema and the job
// queue, a delivery worker in a process of its own that can be `kill -9`ed, and a private
// PostgreSQL cluster that can be restarted without touching anyone else's server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDeploy } from "@/server/migrate";
import { installQueue, queueTimingFromEnv } from "./queue";

/** Creates a database beside the one `serverUrl` names, migrated and with the queue installed. */
export async function createFaultDatabase(serverUrl: string, timingEnv: Record<string, string>): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `portolan_fault_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  await prepareDatabase(url, timingEnv);
  return { url, drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function prepareDatabase(url: string, timingEnv: Record<string, string>): Promise<void> {
  await migrateDeploy(url);
  await installQueue(url, queueTimingFromEnv(timingEnv));
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface WorkerProcess {
  pid: number;
  child: ChildProcess;
  /** SIGKILL, then waits until the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful stop). */
  stop(): Promise<void>;
  alive(): boolean;
  output(): string;
}

let bundle: Promise<string> | undefined;

/**
 * scripts/delivery-worker.ts bundled once per test process with esbuild (which tsx ships): a
 * start then takes about a second instead of tsx's three to five on a busy machine. Written
 * under node_modules/.cache so its package imports resolve; removed by `removeWorkerBundle`.
 */
function workerBundle(): Promise<string> {
  bundle ??= (async () => {
    const { build } = await import("esbuild");
    const out = path.resolve("node_modules/.cache/portolan", `delivery-worker-${process.pid}.mjs`);
    await build({ entryPoints: ["scripts/delivery-worker.ts"], bundle: true, platform: "node", format: "esm", packages: "external", alias: { "@": path.resolve(".") }, outfile: out, logLevel: "warning" });
    return out;
  })();
  return bundle;
}

export async function removeWorkerBundle(): Promise<void> {
  if (bundle) fs.rmSync(await bundle, { force: true });
  bundle = undefined;
}

/** Starts scripts/delivery-worker.ts with `env` added; resolves once its workers run. */
export async function startWorkerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<WorkerProcess> {
  // node itself (not npx or tsx's launcher), so the pid killed is the worker's.
  const child = spawn(process.execPath, [await workerBundle()], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let exited = false;
  const exit = new Promise<void>((r) => child.once("exit", () => ((exited = true), r())));
  child.stderr!.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout!.on("data", (d: Buffer) => {
      out = (out + d.toString()).slice(-20_000);
      if (out.includes('"ready":true')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}) before it was ready:\n${out}`));
    });
  });
  return {
    pid: child.pid!,
    child,
    alive: () => !exited,
    output: () => out,
    async kill9() {
      if (!exited) child.kill("SIGKILL");
      await exit;
    },
    async stop() {
      if (!exited) child.kill("SIGTERM");
      await Promise.race([exit, new Promise((r) => setTimeout(r, 25_000))]);
      if (!exited) child.kill("SIGKILL");
      await exit;
    },
  };
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** PostgreSQL server binaries of this machine (Debian layout), newest first; null when absent. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  for (const v of fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
    const bin = path.join(root, v, "bin");
    if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

/** Why a private cluster cannot start here, or null when it can. */
export function privateClusterUnavailable(): string | null {
  const bin = postgresBinDir();
  if (!bin) return "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin";
  if (process.getuid?.() === 0 && spawnSync("id", ["-u", "postgres"]).status !== 0) return "running as root and there is no `postgres` user to run initdb as";
  return null;
}

export interface PrivatePostgres {
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: every connection is cut, the server comes back on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A throwaway cluster in a temporary directory on a free port, run as the `postgres` OS user
 * when we are root (initdb refuses root). Never the shared server on 5432.
 */
export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-fault-pg-"));
  const data = path.join(dir, "data");
  if (asRoot) spawnChecked("chown", ["postgres:postgres", dir]);
  const run = (cmd: string, args: string[]) => (asRoot ? spawnChecked("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]) : spawnChecked(path.join(bin, cmd), args));
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const log = path.join(dir, "server.log");
  run("pg_ctl", ["-D", data, "-o", opts, "-l", log, "-w", "-t", "30", "start"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    async restart() {
      // Asynchronous: the test's own SMTP server keeps answering while PostgreSQL restarts.
      const args = ["-D", data, "-o", opts, "-l", log, "-m", "fast", "-w", "-t", "30", "restart"];
      await spawnAsync(asRoot ? "runuser" : path.join(bin, "pg_ctl"), asRoot ? ["-u", "postgres", "--", path.join(bin, "pg_ctl"), ...args] : args);
    },
    async stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function spawnChecked(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
}

function spawnAsync(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} failed (${code}): ${out}`))));
  });
}
