// Key verification benchmark (issue 5): latency and throughput of the lean gateway server, and how
// long a revoked key keeps verifying on another instance. Run: `npx tsx scripts/bench-verify`
// (also a phase of `npm run bench`). Options: --duration <s> (measured, default 20), --warmup <s>
// (default 5), --connections <n> (default 10), --trials <n> (revocation, default 20).
// Database: BENCH_DATABASE_URL, else a temporary database on the PostgreSQL at 127.0.0.1:5432,
// else the embedded PGlite (noted in the output: not the production path).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createDbClient } from "@/lib/db/create-client";
import { newId } from "@/lib/ids";
import { mintSecret } from "@/lib/keys/format";
import { createApiKey, revokeApiKey } from "@/lib/keys/store";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { startEmbeddedDb } from "@/server/embedded-db";
import { migrateDeploy } from "@/server/migrate";

export interface VerifyBenchResult {
  database: "postgresql" | "embedded";
  connections: number;
  durationS: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  revocation: { trials: number; medianMs: number; maxMs: number; under1s: number };
}

async function openDatabase(): Promise<{ url: string; kind: VerifyBenchResult["database"]; close(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, kind: "postgresql", close: async () => {} };
  const admin = "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `portolan_bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    return {
      url: admin.replace(/\/postgres$/, `/${name}`),
      kind: "postgresql",
      close: async () => {
        const d = new pg.Client({ connectionString: admin });
        await d.connect();
        await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await d.end();
      },
    };
  } catch {
    await c.end().catch(() => {});
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-bench-pglite-"));
    const db = await startEmbeddedDb({ dataDir: dir, port: 0 });
    return { url: db.url, kind: "embedded", close: async () => (await db.stop(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
}

function startServer(port: number, databaseUrl: string, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "server.ts"), String(port), databaseUrl, dataDir], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`gateway server exited (${code})`)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function benchVerify(o: { durationS?: number; warmupS?: number; connections?: number; trials?: number } = {}): Promise<VerifyBenchResult> {
  const durationS = o.durationS ?? 20;
  const connections = o.connections ?? 10;
  const trials = o.trials ?? 20;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-bench-verify-"));
  const database = await openDatabase();
  const servers: ChildProcess[] = [];
  const db = createDbClient(database.url, { poolSize: 2 });
  try {
    await migrateDeploy(database.url);
    fs.cpSync(path.resolve("specs/weather"), path.join(work, "specs/weather"), { recursive: true });
    await ingestSpecs({ specsDir: path.join(work, "specs"), cacheDir: cacheDirFor(work), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });

    const user = await db.user.create({ data: { id: newId("usr"), email: "bench@example.test", name: "Bench" } });
    const appId = newId("app");
    await db.app.create({ data: { id: appId, name: "bench", environment: "production", ownerUserId: user.id, createdById: user.id, grants: { create: [{ apiId: "weather" }] } } });
    const system = { userId: null, kind: "system" as const };
    const key = await createApiKey(db, { appId, name: "bench", scopes: ["weather:read"] }, system);
    const gw = mintSecret("gateway");
    await db.gatewayCredential.create({ data: { id: newId("gwc"), name: "bench", prefix: gw.prefix, last4: gw.last4, hash: gw.hash } });

    const [portA, portB] = [3291, 3292];
    servers.push(await startServer(portA, database.url, work), await startServer(portB, database.url, work));
    const headers = { authorization: `Bearer ${gw.plaintext}`, "content-type": "application/json" };
    const body = JSON.stringify({ key: key.plaintext, api: "weather", method: "GET", path: "/v2/forecast/paris" });
    const url = `http://127.0.0.1:${portA}/api/v1/keys/verify`;

    if ((o.warmupS ?? 5) > 0) await autocannon({ url, method: "POST", headers, body, connections, duration: o.warmupS ?? 5 });
    const r = await autocannon({ url, method: "POST", headers, body, connections, duration: durationS });

    // Revocation seen by the other instance: warm B's cache, revoke in the database, poll B.
    const latencies: number[] = [];
    const verifyOn = async (port: number, k: string) =>
      (await (await fetch(`http://127.0.0.1:${port}/api/v1/keys/verify`, { method: "POST", headers, body: JSON.stringify({ key: k, api: "weather" }) })).json()) as { valid: boolean };
    for (let t = 0; t < trials; t++) {
      const k = await createApiKey(db, { appId, name: `trial ${t}`, scopes: ["weather:read"] }, system);
      for (let i = 0; i < 100; i++) await verifyOn(portB, k.plaintext);
      const started = performance.now();
      await revokeApiKey(db, k.id, "bench", system);
      while (performance.now() - started < 5_000 && (await verifyOn(portB, k.plaintext)).valid) await new Promise((res) => setTimeout(res, 10));
      latencies.push(performance.now() - started);
    }
    return {
      database: database.kind,
      connections,
      durationS,
      requestsPerSecond: Math.round(r.requests.average),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
      errors: r.errors,
      non2xx: r.non2xx,
      revocation: { trials, medianMs: Math.round(median(latencies)), maxMs: Math.round(Math.max(...latencies)), under1s: latencies.filter((x) => x < 1_000).length },
    };
  } finally {
    for (const s of servers) s.kill("SIGTERM");
    await db.$disconnect();
    await database.close().catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function formatVerifyResult(r: VerifyBenchResult): string {
  return [
    `Key verification (${r.database === "postgresql" ? "PostgreSQL" : "embedded PGlite: not the production path"}, ${r.connections} connections, ${r.durationS} s, load generator on the same machine)`,
    `  ${r.requestsPerSecond} requests/s; latency p50 ${r.latencyMs.p50} ms, p90 ${r.latencyMs.p90} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms; errors ${r.errors}, non-2xx ${r.non2xx}`,
    `  revoked key refused by the other instance: median ${r.revocation.medianMs} ms, max ${r.revocation.maxMs} ms, under 1 s in ${r.revocation.under1s}/${r.revocation.trials} trials`,
  ].join("\n");
}

if (require.main === module) {
  const { values } = parseArgs({ options: { duration: { type: "string" }, warmup: { type: "string" }, connections: { type: "string" }, trials: { type: "string" } } });
  benchVerify({
    durationS: values.duration ? Number(values.duration) : undefined,
    warmupS: values.warmup ? Number(values.warmup) : undefined,
    connections: values.connections ? Number(values.connections) : undefined,
    trials: values.trials ? Number(values.trials) : undefined,
  }).then(
    (r) => console.log(formatVerifyResult(r)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
