// SEC-H4: rate limits hold across instances. A second portal process (same build, same
// DATABASE_URL, same PORTAL_URL as if behind one load balancer, another port) runs beside the
// suite's portal; requests to two rate-limited endpoints are spread over both at once: sign-in
// mail per address (lib/auth/route-handler.ts, 5 an hour) and leaked-key reports per client
// address (app/api/v1/keys/leaked, 60 an hour). Exactly `limit` pass, the rest are refused with
// Retry-After, none fails. The embedded database cannot be shared by two processes, so this runs
// only when the suite runs on DATABASE_URL.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { authServerEnv, PORTAL_DATA_DIR, PORTAL_URL } from "./support/test-servers";

// The limits under test (kept in step with lib/auth/route-handler.ts SIGN_IN_MAIL_LIMITS.perAddress
// and lib/keys/leaked.ts LEAK_REPORT_LIMIT; importing them would load the server's modules here).
const SIGN_IN_PER_ADDRESS = 5;
const LEAK_REPORTS_PER_CLIENT = 60;

const SECOND_DATA_DIR = path.resolve(".test-output", "e2e-data-second");
const SECOND_LOG = path.resolve(".test-output", "e2e-portal-second.log");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** A random documentation address (RFC 3849), so every run counts from zero on a kept database. */
const freshClientIp = () => `2001:db8::${crypto.randomBytes(2).toString("hex")}:${crypto.randomBytes(2).toString("hex")}`;

let second: ChildProcess | undefined;
let secondUrl = "";

test.describe("rate limits shared by two portal instances", () => {
  test.skip(!process.env.DATABASE_URL, "needs DATABASE_URL: two processes cannot share the embedded database");

  test.beforeAll(async ({}, info) => {
    test.skip(info.project.name !== "desktop", "no browser involved: one project runs it");
    test.setTimeout(180_000);
    const port = await freePort();
    secondUrl = `http://127.0.0.1:${port}`;
    fs.rmSync(SECOND_DATA_DIR, { recursive: true, force: true });
    // A copy of the first portal's spec cache: the same specs need no second ingest (~40 s).
    fs.cpSync(PORTAL_DATA_DIR, SECOND_DATA_DIR, { recursive: true });
    const out = fs.openSync(SECOND_LOG, "w");
    // server/start.ts, as `npm start` runs it: migrations (already applied), ingest into its own
    // data directory, the existing build (sources unchanged), next start. Its own process group,
    // so stopping it stops Next too.
    second = spawn("npx", ["tsx", "server/start.ts"], {
      detached: true,
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        ...authServerEnv,
        PORT: String(port),
        GATEWAY_PORT: "0",
        PORTAL_URL,
        DATA_DIR: SECOND_DATA_DIR,
        SPECS_DIR: `${PORTAL_DATA_DIR}-specs`,
        LOG_LEVEL: "warn",
        TRUSTED_PROXY_HOPS: "1",
      },
    });
    const deadline = Date.now() + 150_000;
    for (;;) {
      if (second.exitCode !== null) throw new Error(`second portal exited (${second.exitCode}); see ${SECOND_LOG}`);
      const up = await fetch(`${secondUrl}/healthz`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`second portal not up within 150 s; see ${SECOND_LOG}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test.afterAll(async () => {
    if (second?.pid && second.exitCode === null) {
      const exited = new Promise((r) => second!.once("exit", r));
      process.kill(-second.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (second.exitCode === null) process.kill(-second.pid, "SIGKILL");
    }
  });

  test("sign-in mail per address and leaked-key reports per client hold across both instances", async () => {
    test.setTimeout(60_000);
    const instances = [PORTAL_URL, secondUrl];
    const client: APIRequestContext = await playwrightRequest.newContext();
    try {
      // next-auth's CSRF token from one instance is good on the other (one secret, in the database).
      const csrf = await client.get(`${secondUrl}/api/auth/csrf`);
      expect(csrf.status()).toBe(200);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };

      const email = `limits-${Date.now().toString(36)}@example.test`;
      const signInIp = freshClientIp();
      const perAddress = SIGN_IN_PER_ADDRESS;
      const signIns = await Promise.all(
        Array.from({ length: perAddress + 7 }, (_, i) =>
          client.post(`${instances[i % 2]}/api/auth/signin/email`, {
            headers: { origin: PORTAL_URL, "x-forwarded-for": signInIp },
            form: { email, csrfToken, callbackUrl: `${PORTAL_URL}/account` },
            maxRedirects: 0,
          }),
        ),
      );
      const outcome = signIns.map((r) => ({ status: r.status(), location: r.headers()["location"] ?? "", retryAfter: r.headers()["retry-after"] }));
      expect(outcome.filter((o) => o.status >= 500)).toEqual([]);
      // next-auth's "check your email" redirect (its verify-request URL, which leads to /auth/check-email).
      const sent = outcome.filter((o) => /\/api\/auth\/verify-request|\/auth\/check-email/.test(o.location));
      const limited = outcome.filter((o) => o.location.includes("error=RateLimited"));
      expect(sent, JSON.stringify(outcome)).toHaveLength(perAddress);
      expect(limited).toHaveLength(7);
      for (const o of limited) expect(Number(o.retryAfter)).toBeGreaterThan(0);

      const reportIp = freshClientIp();
      const reports = await Promise.all(
        Array.from({ length: LEAK_REPORTS_PER_CLIENT + 15 }, (_, i) =>
          client.post(`${instances[i % 2]}/api/v1/keys/leaked`, { headers: { "x-forwarded-for": reportIp }, data: [] }),
        ),
      );
      const statuses = reports.map((r) => r.status());
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(statuses.filter((s) => s === 202)).toHaveLength(LEAK_REPORTS_PER_CLIENT);
      const refused = reports.filter((r) => r.status() === 429);
      expect(refused).toHaveLength(15);
      for (const r of refused) expect(Number(r.headers()["retry-after"])).toBeGreaterThan(0);
    } finally {
      await client.dispose();
    }
  });
});
