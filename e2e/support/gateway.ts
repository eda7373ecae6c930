// A gateway credential from the CLI (`npm run gateway:credential`), against the running e2e
// portal's database, and the portal's key verification called with it.
import { execFileSync } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { PORTAL_URL } from "./test-servers";

export function gatewayCredential(name: string): string {
  const out = execFileSync("npx", ["tsx", "scripts/gateway-credential.ts", "--name", name], {
    env: { ...process.env, DATA_DIR: ".test-output/e2e-data", PORT: new URL(PORTAL_URL).port, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  const m = /ptl_gw_[0-9A-Za-z]{36}/.exec(out);
  if (!m) throw new Error(`no credential in: ${out}`);
  return m[0];
}

/** POST /api/v1/keys/verify as a gateway would; the answer's JSON. */
export async function verifyKey(request: APIRequestContext, gateway: string, key: string, call: { api: string; method: string; path: string }): Promise<{ valid: boolean }> {
  const res = await request.post(`${PORTAL_URL}/api/v1/keys/verify`, { headers: { authorization: `Bearer ${gateway}` }, data: { key, ...call } });
  if (res.status() !== 200) throw new Error(`verify answered ${res.status()}`);
  return (await res.json()) as { valid: boolean };
}
