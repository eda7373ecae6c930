// The gateway verification server against the real database and the real demo Weather spec:
// answers, identical refusals, scopes, deprecation headers, usage batching, revocation latency.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newId } from "@/lib/ids";
import { mintSecret } from "@/lib/keys/format";
import { createApiKey, revokeApiKey, rotateApiKey } from "@/lib/keys/store";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { testDb } from "@/tests/db";
import { startGatewayServer, type GatewayServer } from "./gateway";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-gateway-"));
const db = testDb();
let gw: GatewayServer;
let gatewaySecret: string;
const keys: Record<"read" | "write" | "noGrant" | "expired" | "revoked", string> = { read: "", write: "", noGrant: "", expired: "", revoked: "" };
let readKeyId = "";
let appId = "";
const system = { userId: null, kind: "system" as const };

async function verify(body: unknown, credential = gatewaySecret, query = "") {
  const res = await fetch(`${gw.url}/api/v1/keys/verify${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${credential}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  fs.cpSync(path.resolve("specs/weather"), path.join(root, "specs/weather"), { recursive: true });
  await ingestSpecs({ specsDir: path.join(root, "specs"), cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });

  const user = await db.user.create({ data: { id: newId("usr"), email: `gw-${Date.now()}@example.test`, name: "Gateway Tester" } });
  appId = newId("app");
  await db.app.create({ data: { id: appId, name: "Forecast widget", environment: "production", ownerUserId: user.id, createdById: user.id, grants: { create: [{ apiId: "weather" }] } } });
  const otherApp = newId("app");
  await db.app.create({ data: { id: otherApp, name: "No grants", ownerUserId: user.id, createdById: user.id } });

  const read = await createApiKey(db, { appId, name: "read", scopes: ["weather:read"] }, system);
  keys.read = read.plaintext;
  readKeyId = read.id;
  keys.write = (await createApiKey(db, { appId, name: "write", scopes: ["weather:read", "weather:write"] }, system)).plaintext;
  keys.noGrant = (await createApiKey(db, { appId: otherApp, name: "x", scopes: ["weather:read"] }, system)).plaintext;
  keys.expired = (await createApiKey(db, { appId, name: "old", scopes: ["weather:read"], expiresAt: new Date(Date.now() - 1000) }, system)).plaintext;
  const revoked = await createApiKey(db, { appId, name: "gone", scopes: ["weather:read"] }, system);
  await revokeApiKey(db, revoked.id, "test", system);
  keys.revoked = revoked.plaintext;

  const g = mintSecret("gateway");
  gatewaySecret = g.plaintext;
  await db.gatewayCredential.create({ data: { id: newId("gwc"), name: "test gateway", prefix: g.prefix, last4: g.last4, hash: g.hash } });

  gw = await startGatewayServer({ port: 0, host: "127.0.0.1", databaseUrl: inject("databaseUrl"), dataDir: root, usageFlushMs: 60_000 });
}, 120_000);

afterAll(async () => {
  await gw?.stop();
  await db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("POST /api/v1/keys/verify", () => {
  it("answers a live key with its app, owner, scopes and the matched operation", async () => {
    const r = await verify({ key: keys.read, api: "weather", method: "GET", path: "/v2/forecast?lat=1" });
    expect(r.status).toBe(200);
    const a = JSON.parse(r.text);
    expect(a).toMatchObject({
      valid: true,
      app: { id: appId, name: "Forecast widget", environment: "production" },
      owner: { kind: "user", name: "Gateway Tester" },
      api: { id: "weather", version: "v2" },
      operation: { method: "GET", path: "/forecast", deprecated: false },
      key: { id: readKeyId, prefix: "ptl_live_", scopes: ["weather:read"] },
      headers: {},
    });
    expect(r.text).not.toContain(keys.read);
  });

  it("gives the Deprecation and Sunset values of deprecated operations and versions", async () => {
    const op = JSON.parse((await verify({ key: keys.read, api: "weather", method: "GET", path: "/current" })).text);
    expect(op.operation).toMatchObject({ path: "/current", deprecated: true });
    expect(op.headers).toEqual({ Sunset: "Wed, 30 Jun 2027 00:00:00 GMT" });
    const v1 = JSON.parse((await verify({ key: keys.read, api: "weather", version: "v1", method: "GET", path: "/forecast" })).text);
    expect(v1.headers).toEqual({ Deprecation: `@${Date.UTC(2026, 8, 1) / 1000}`, Sunset: "Wed, 31 Mar 2027 00:00:00 GMT" });
  });

  it("refuses every kind of invalid key with one identical answer (SEC-B3)", async () => {
    const real = keys.read;
    const forged = mintSecret("live").plaintext; // well-formed, never stored
    const mutated = real.slice(0, 12) + (real[12] === "a" ? "b" : "a") + real.slice(13);
    const candidates = [forged, mutated, real.slice(0, -1), keys.expired, keys.revoked, "", "ptl_live_", mintSecret("gateway").plaintext, gatewaySecret];
    const answers = await Promise.all(candidates.map((key) => verify({ key, api: "weather", method: "GET", path: "/forecast" })));
    for (const a of answers) expect(a).toEqual({ status: 200, text: '{"valid":false,"code":"invalid_key"}' });
  });

  it("refuses calls outside the key's scopes or its app's grants (SEC-B4)", async () => {
    const forbidden = '{"valid":false,"code":"forbidden"}';
    expect((await verify({ key: keys.read, api: "weather", method: "POST", path: "/alerts" })).text).toBe(forbidden);
    expect((await verify({ key: keys.write, api: "weather", method: "POST", path: "/alerts" })).text).toContain('"valid":true');
    expect((await verify({ key: keys.noGrant, api: "weather", method: "GET", path: "/forecast" })).text).toBe(forbidden);
    expect((await verify({ key: keys.read, api: "travel", method: "GET", path: "/x" })).text).toBe(forbidden);
  });

  it("requires a gateway credential, a JSON body of the documented shape, and no key in the URL", async () => {
    expect((await verify({ key: keys.read, api: "weather" }, "ptl_gw_nope")).status).toBe(401);
    expect((await verify({ key: keys.read, api: "weather" }, keys.read)).status).toBe(401);
    expect((await verify("{not json")).status).toBe(400);
    const extra = await verify({ key: keys.read, api: "weather", scopes: ["*"] });
    expect(extra.status).toBe(400);
    expect(JSON.parse(extra.text).error.code).toBe("invalid_request");
    expect((await verify({ key: keys.read, api: "weather" }, gatewaySecret, `?key=${keys.read}`)).status).toBe(400);
    expect((await verify("x".repeat(9000))).status).toBe(413);
    expect((await fetch(`${gw.url}/api/v1/keys/verify`)).status).toBe(405);
  });
});

describe("GET /api/v1/keys/verify/auth-request (NGINX auth_request, Envoy ext_authz)", () => {
  const call = (headers: Record<string, string>, suffix = "") =>
    fetch(`${gw.url}/api/v1/keys/verify/auth-request${suffix}`, { headers: { "x-portolan-gateway": gatewaySecret, "x-portolan-api": "weather", ...headers } });

  it("allows with 200 and the answer in headers", async () => {
    const r = await call({ "x-api-key": keys.read, "x-original-method": "GET", "x-original-uri": "/v2/current?x=1" });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-portolan-app-id")).toBe(appId);
    expect(r.headers.get("x-portolan-operation")).toBe("GET /current");
    expect(r.headers.get("sunset")).toBe("Wed, 30 Jun 2027 00:00:00 GMT");
  });

  it("takes the original path from Envoy's path suffix and the key from Authorization", async () => {
    const r = await fetch(`${gw.url}/api/v1/keys/verify/auth-request/v2/forecast`, {
      headers: { "x-portolan-gateway": gatewaySecret, "x-portolan-api": "weather", authorization: `Bearer ${keys.read}`, "x-forwarded-method": "GET" },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-portolan-operation")).toBe("GET /forecast");
  });

  it("answers 401 for invalid keys and 403 for calls the key may not make", async () => {
    expect((await call({ "x-api-key": keys.revoked, "x-original-method": "GET", "x-original-uri": "/forecast" })).status).toBe(401);
    expect((await call({ "x-api-key": keys.read, "x-original-method": "DELETE", "x-original-uri": "/alerts/1" })).status).toBe(403);
    expect((await call({ "x-portolan-gateway": "", "x-api-key": keys.read })).status).toBe(401);
  });
});

describe("usage and revocation", () => {
  it("records calls per key, operation and day in batches, and the key's last use", async () => {
    await gw.stop(); // flushes pending counts
    gw = await startGatewayServer({ port: 0, host: "127.0.0.1", databaseUrl: inject("databaseUrl"), dataDir: root, usageFlushMs: 60_000 });
    const rows = await db.keyUsageDaily.findMany({ where: { keyId: readKeyId } });
    const calls = Object.fromEntries(rows.map((r) => [`${r.version} ${r.operation}`, r.calls]));
    // Refused calls are not counted; the write call was refused for this read-only key.
    expect(calls).toEqual({ "v2 GET /forecast": 2, "v2 GET /current": 2, "v1 GET /forecast": 1 });
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: readKeyId } });
    expect(key.lastUsedAt).not.toBeNull();
  });

  it("a rotated key's old secret works during the grace period only; a revoked key is refused within a second", async () => {
    const rotated = await rotateApiKey(db, readKeyId, 1, system);
    const body = (key: string) => ({ key, api: "weather", method: "GET", path: "/forecast" });
    expect((await verify(body(rotated.plaintext))).text).toContain('"valid":true');
    expect((await verify(body(keys.read))).text).toContain('"valid":true');
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await verify(body(keys.read))).text).toContain('"valid":false');

    // Warm the cache, revoke through another connection, poll.
    for (let i = 0; i < 20; i++) await verify(body(rotated.plaintext));
    const started = Date.now();
    await revokeApiKey(db, rotated.id, "test", system);
    let refusedAfter = -1;
    while (Date.now() - started < 3_000) {
      if ((await verify(body(rotated.plaintext))).text.includes('"valid":false')) {
        refusedAfter = Date.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(refusedAfter).toBeLessThan(1_000);
  });
});

describe("two instances on one database", () => {
  it("a key revoked through one instance's database is refused by the other within a second, 20 times out of 20 (SEC-B6)", async () => {
    const other = await startGatewayServer({ port: 0, host: "127.0.0.1", databaseUrl: inject("databaseUrl"), dataDir: root, usageFlushMs: 60_000 });
    try {
      const onOther = async (key: string) =>
        (await (await fetch(`${other.url}/api/v1/keys/verify`, { method: "POST", headers: { authorization: `Bearer ${gatewaySecret}` }, body: JSON.stringify({ key, api: "weather" }) })).json()) as { valid: boolean };
      const latencies: number[] = [];
      for (let trial = 0; trial < 20; trial++) {
        const k = await createApiKey(db, { appId, name: `trial ${trial}`, scopes: ["weather:read"] }, system);
        for (let i = 0; i < 10; i++) expect((await onOther(k.plaintext)).valid).toBe(true);
        const started = Date.now();
        await revokeApiKey(db, k.id, "test", system);
        while ((await onOther(k.plaintext)).valid && Date.now() - started < 3_000) await new Promise((r) => setTimeout(r, 10));
        latencies.push(Date.now() - started);
      }
      expect(latencies.filter((ms) => ms < 1_000)).toHaveLength(20);
    } finally {
      await other.stop();
    }
  }, 120_000);
});
