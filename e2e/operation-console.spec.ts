// Code samples (copy, keyboard tabs) and the Try-it console against a real HTTP server started
// here on loopback.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const OP = "/apis/weather/v2/operations/listalerts";

interface Seen {
  method: string;
  url: string;
  apiKey?: string;
  body: string;
}

// An API that allows requests from any page (CORS), and records what it received.
let api: http.Server;
let apiBase = "";
const seen: Seen[] = [];
// A port that was open a moment ago and is closed now: nothing answers there.
let deadBase = "";

test.beforeAll(async () => {
  api = http.createServer((req, res) => {
    const cors = {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
      "Access-Control-Allow-Headers": "*",
      "Access-Control-Expose-Headers": "X-Request-Id",
    };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const apiKey = req.headers["x-api-key"];
      seen.push({ method: req.method ?? "", url: req.url ?? "", apiKey: typeof apiKey === "string" ? apiKey : undefined, body });
      res.writeHead(req.url?.startsWith("/v2/missing") ? 404 : 200, { ...cors, "Content-Type": "application/json", "X-Request-Id": "req-42" });
      res.end(JSON.stringify({ received: { method: req.method, url: req.url, keyed: Boolean(apiKey) } }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v2`;

  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  deadBase = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/v2`;
  await new Promise((resolve) => probe.close(resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => api.close(resolve));
});

const samples = (page: Page) => page.getByRole("region", { name: "Request samples" });

async function openConsole(page: Page) {
  await page.getByRole("button", { name: "Try it" }).click();
  const panel = page.getByRole("region", { name: "Try it" });
  await expect(panel.getByRole("heading", { name: "Try it" })).toBeFocused();
  return panel;
}

test("without JavaScript every code sample is readable, highlighted, and no dead buttons show", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(OP);
  for (const text of [/curl --request GET/, /fetch\('https:\/\/api\.weather/, /requests\.get/, /http\.NewRequest/]) await expect(samples(page).getByText(text)).toBeVisible();
  // Highlighted on the server: token spans with palette classes.
  expect(await samples(page).locator("pre.hl code span[class^=c]").count()).toBeGreaterThan(3);
  await expect(page.getByRole("button", { name: /^(Try it|Copy)/ })).toHaveCount(0);
  await context.close();
});

test("copy a code sample", async ({ page, context, browserName }, info) => {
  const desktop = info.project.name === "desktop";
  if (desktop && browserName === "chromium") await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(OP);
  // The button's name changes with its text (Copy → Copied), so match both.
  const copy = samples(page).getByRole("button", { name: /^Cop(y|ied) code sample$/ });
  await copy.click();
  await expect(copy).toHaveText(/Copied/);
  await expect(samples(page).getByText("Copied to the clipboard")).toBeAttached();
  if (desktop) {
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await samples(page).locator("[role=tabpanel]:not([hidden]) code").textContent());
    expect(copied).toMatch(/^curl --request GET \\\n {2}--url 'https:\/\/api\.weather\.portolan\.example\/v2\/alerts\?region=NL-NH'/);
  }
  // Examples have their own copy buttons.
  await expect(page.getByRole("button", { name: "Copy example" }).first()).toBeVisible();
});

test("keyboard through the sample tabs (arrows, Home, End)", async ({ page }) => {
  await page.goto(OP);
  const tabs = samples(page).getByRole("tab");
  await expect(tabs).toHaveText(["cURL", "JavaScript", "Python", "Go"]);
  await tabs.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(samples(page).getByRole("tabpanel")).toContainText("fetch('https://api.weather.portolan.example/v2/alerts?region=NL-NH', options)");
  await page.keyboard.press("End");
  await expect(tabs.nth(3)).toBeFocused();
  await expect(samples(page).getByRole("tabpanel")).toContainText("http.NewRequest");
  await page.keyboard.press("ArrowRight");
  await expect(tabs.first()).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(tabs.nth(3)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(tabs.first()).toHaveAttribute("aria-selected", "true");
  // Only the selected tab is in the Tab order: Tab goes on to the (scrollable) code.
  await page.keyboard.press("Tab");
  await expect(samples(page).locator("[role=tabpanel]:not([hidden]) pre")).toBeFocused();
  await expect(samples(page).getByRole("tabpanel")).toHaveCount(1);
});

test("Try it loads on demand, sends the request to the chosen server and shows status, headers and body", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
  await page.goto(OP);
  await page.waitForLoadState("networkidle");
  const before = scripts.length;
  const panel = await openConsole(page);
  expect(scripts.length, "the console is a chunk of its own, fetched when opened").toBeGreaterThan(before);

  await panel.getByLabel("URL").fill(apiBase);
  await panel.getByLabel("ApiKeyAuth").fill("test-key-123");
  await expect(panel.getByLabel("region")).toHaveValue("NL-NH"); // required, prefilled from the example
  await panel.getByLabel("kind").fill("storm, flood"); // style form, explode false: one comma-separated value
  await expect(panel.getByLabel("Request to send")).toHaveText(`GET ${apiBase}/alerts?region=NL-NH&kind=storm,flood`);
  const count = seen.length;
  await panel.getByRole("button", { name: "Send request" }).click();

  await expect(panel.getByTestId("try-it-status")).toHaveText("200 OK");
  await expect(panel.getByText(/^\d+ ms$/)).toBeVisible();
  await expect(panel.getByLabel("Response body")).toContainText('"url": "/v2/alerts?region=NL-NH&kind=storm,flood"');
  await expect(panel.getByLabel("Response body")).toContainText('"keyed": true');
  await panel.getByText(/Response headers/).click();
  await expect(panel.getByText("req-42")).toBeVisible();
  expect(seen.slice(count)).toEqual([expect.objectContaining({ method: "GET", apiKey: "test-key-123" })]);

  // The key is not kept anywhere.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(stored).not.toContain("test-key-123");
});

test("Try it: an unreachable server gets a clear explanation", async ({ page }) => {
  await page.goto(OP);
  const panel = await openConsole(page);
  await panel.getByLabel("URL").fill(deadBase);
  await panel.getByRole("button", { name: "Send request" }).click();
  await expect(panel.getByText("The request did not reach the API", { exact: true })).toBeVisible();
  await expect(panel.getByText(/did not allow a request from this page \(CORS\) or is unreachable/)).toBeVisible();
});

test("Try it: invalid JSON and missing required values are flagged before sending", async ({ page }) => {
  await page.goto("/apis/weather/v2/operations/createsubscription");
  const panel = await openConsole(page);
  await panel.getByLabel("URL").fill(apiBase);
  const body = panel.getByRole("textbox", { name: "application/json" });
  await expect(body).toHaveValue(/"url":/);
  await body.fill('{"url": "https://example.com/hook",}');
  await expect(panel.getByText(/Not valid JSON/)).toBeVisible();
  await expect(body).toHaveAttribute("aria-invalid", "true");
  const count = seen.length;
  await panel.getByRole("button", { name: "Send request" }).click();
  await expect(panel.getByRole("status")).toContainText("Not sent");
  await expect(body).toBeFocused();
  await panel.getByRole("button", { name: "Reset to the example" }).click();
  await expect(body).not.toHaveAttribute("aria-invalid", "true");

  await panel.getByLabel("URL").fill("");
  await panel.getByRole("button", { name: "Send request" }).click();
  await expect(panel.getByText("Enter the server's URL")).toBeVisible();
  await expect(panel.getByLabel("URL")).toBeFocused();
  expect(seen.length).toBe(count);

  await panel.getByLabel("URL").fill(apiBase);
  await panel.getByRole("button", { name: "Send request" }).click();
  await expect(panel.getByTestId("try-it-status")).toHaveText("200 OK");
  expect(JSON.parse(seen.at(-1)!.body)).toHaveProperty("url");
});

test("budget: an operation page ships at most 20 KB more compressed JavaScript than the landing page", async ({ browser }, info) => {
  test.skip(info.project.name !== "desktop", "one measurement is enough");
  // A fresh context per page, so nothing comes from the cache.
  async function scriptBytes(url: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") sizes.push(r.request().sizes().then((s) => s.responseBodySize));
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    await context.close();
    return total;
  }
  const landing = await scriptBytes("/");
  const operation = await scriptBytes(OP);
  info.annotations.push({ type: "js-bytes", description: `landing ${landing}, operation ${operation}` });
  expect(landing).toBeGreaterThan(50_000); // measured compressed bodies, not nothing
  expect(operation - landing).toBeLessThanOrEqual(20 * 1024);
});
