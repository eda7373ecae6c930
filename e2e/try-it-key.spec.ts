// The Try-it console fills a test key: anonymous readers get a sign-in link; a signed-in reader
// whose app may call the API mints a one-hour ptl_test_ key from the (static, cached) docs page,
// the console sends it, and the gateway verification endpoint accepts it. The console's chunk
// stays small.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { expect, test } from "./support/fixtures";
import { gatewayCredential, verifyKey } from "./support/gateway";
import { signInByEmail } from "./support/sign-in";

const OP = "/apis/weather/v2/operations/listalerts";

// The API the console calls (CORS open), recording the key it receives.
let api: http.Server;
let apiBase = "";
const keysSeen: string[] = [];

test.beforeAll(async () => {
  api = http.createServer((req, res) => {
    const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Access-Control-Allow-Methods": "GET" };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    const key = req.headers["x-api-key"];
    if (typeof key === "string") keysSeen.push(key);
    res.writeHead(200, { ...cors, "Content-Type": "application/json" }).end(JSON.stringify({ alerts: [] }));
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v2`;
});

test.afterAll(async () => {
  await new Promise((resolve) => api.close(resolve));
});

test("Try it: anonymous readers are offered sign-in; a signed-in reader fills a test key that the gateway accepts", async ({ page }, info) => {
  test.setTimeout(120_000);
  // Anonymous: a link to sign in and come back.
  const scripts: { url: string; gzip: number }[] = [];
  let counting = false;
  page.on("response", async (r) => {
    if (!counting || r.request().resourceType() !== "script") return;
    const body = await r.body().catch(() => null);
    if (body) scripts.push({ url: r.url(), gzip: zlib.gzipSync(body).length });
  });
  await page.goto(OP);
  await page.waitForLoadState("networkidle");
  counting = true;
  await page.getByRole("button", { name: "Try it" }).click();
  const panel = page.getByRole("region", { name: "Try it" });
  const signIn = panel.getByRole("link", { name: "Sign in to fill a test key" });
  await expect(signIn).toBeVisible();
  expect(await signIn.getAttribute("href")).toBe(`/signin?callbackUrl=${encodeURIComponent(OP)}`);
  await page.waitForLoadState("networkidle");
  counting = false;
  // The console's own chunk(s), loaded on demand: about 7 KB compressed before this feature.
  const consoleBytes = scripts.reduce((n, s) => n + s.gzip, 0);
  info.annotations.push({ type: "try-it chunk (gzip)", description: `${consoleBytes} bytes in ${scripts.length} file(s)` });
  expect(scripts.length).toBeGreaterThan(0);
  expect(consoleBytes).toBeLessThanOrEqual(8_500);

  // A developer with an app that may call the weather API.
  await signInByEmail(page, `tryit-${info.project.name}-${Date.now().toString(36)}@example.test`);
  const origin = { origin: new URL(page.url()).origin };
  const app = await (await page.request.post("/api/v1/apps", { headers: origin, data: { name: "Console app" } })).json();
  expect((await page.request.post(`/api/v1/apps/${app.id}/access`, { headers: origin, data: { apiId: "weather" } })).status()).toBe(200);

  // The docs page is the same static page; the console asks the portal who is reading.
  const docs = await page.goto(OP);
  expect(docs?.headers()["cache-control"] ?? "").not.toMatch(/private|no-store/);
  await page.getByRole("button", { name: "Try it" }).click();
  const minted = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/api/v1/apps/${app.id}/try-it-keys`));
  await panel.getByRole("button", { name: "Fill a test key for Console app" }).click();
  const answer = await minted;
  expect(answer.status()).toBe(201);
  expect(answer.headers()["cache-control"]).toMatch(/no-store/);
  await expect(panel.getByRole("status").filter({ hasText: "Test key filled in" })).toBeVisible();
  const key = await panel.getByLabel("ApiKeyAuth").inputValue();
  expect(key).toMatch(/^ptl_test_[0-9A-Za-z]{36}$/);

  // Sent from the browser to the API, and accepted by the gateway verification for this API only.
  await panel.getByLabel("URL").fill(apiBase);
  await panel.getByRole("button", { name: "Send request" }).click();
  await expect(panel.getByTestId("try-it-status")).toHaveText("200 OK");
  expect(keysSeen).toContain(key);
  const gateway = gatewayCredential(`e2e-try-it-${info.project.name}-${Date.now()}`);
  await expect.poll(async () => (await verifyKey(page.request, gateway, key, { api: "weather", method: "GET", path: "/v2/alerts" })).valid, { timeout: 3_000 }).toBe(true);
  expect((await verifyKey(page.request, gateway, key, { api: "travel", method: "GET", path: "/v1/trips" })).valid).toBe(false);

  // Listed with the app's keys (revocable), one hour, never stored in the browser.
  const keys = (await (await page.request.get(`/api/v1/apps/${app.id}/keys`)).json()).data as { name: string; last4: string; expiresAt: string; prefix: string }[];
  const listed = keys.find((k) => k.last4 === key.slice(-4));
  expect(listed).toMatchObject({ name: "Try-it key", prefix: "ptl_test_" });
  const left = Date.parse(listed!.expiresAt) - Date.now();
  expect(left).toBeGreaterThan(3_500_000);
  expect(left).toBeLessThanOrEqual(3_600_000);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(stored).not.toContain(key);
});
