import { expect, test } from "./support/fixtures";

test("an operation page shows the operation before any JavaScript runs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/apis/weather/v2/operations/listalerts");
  await expect(page.getByRole("heading", { level: 1, name: "List alerts" })).toBeVisible();
  await expect(page.getByText("/alerts", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Query parameters" })).toBeVisible();
  await expect(page.getByText("region", { exact: true }).first()).toBeVisible();
  // Code samples are in the HTML, all of them, readable without scripts.
  await expect(page.getByText(/curl --request GET/)).toBeVisible();
  await context.close();
});

test("a cached operation page paints first, then loads its scripts and hydrates", async ({ page, request }) => {
  const path = "/apis/weather/v2/operations/getalert";
  await request.get(path); // rendered once: later answers come from the page cache
  const html = await (await request.get(path)).text();
  // Inline stylesheet, no render-blocking <link>, and no framework <script async> before the content.
  expect(html).toMatch(/<style[^>]*>/);
  expect(html).not.toMatch(/<link rel="stylesheet"/);
  expect(html).not.toMatch(/<script src="[^"]+" async="">/);
  expect(html).toContain("data-deferred-hydration");
  await page.goto(path);
  // Hydrated: the client-only Try it button works.
  await page.getByRole("button", { name: "Try it" }).click();
  await expect(page.getByRole("region", { name: "Try it" }).getByRole("heading", { name: "Try it" })).toBeFocused();
});

test("deprecated operations carry their sunset date", async ({ page }) => {
  await page.goto("/apis/weather/v2/operations/getcurrentconditions");
  await expect(page.getByRole("note").filter({ hasText: "Deprecated." })).toContainText("stops working on 2027-06-30");
});

test("the version switcher keeps the reader on the same operation, or the overview when it is gone", async ({ page, isMobile }) => {
  await page.goto("/apis/weather/v2/operations/getforecast");
  const nav = page.getByRole("navigation", { name: "Weather API reference" }).locator("visible=true");
  if (isMobile) await page.getByText("Contents").click();
  await nav.getByText("Version v2").click();
  await nav.getByRole("link", { name: /^v1/ }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/v1\/operations\/getforecast$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/apis/weather/v1/operations/gethistory");
  if (isMobile) await page.getByText("Contents").click();
  await nav.getByText("Version v1").click();
  await nav.getByRole("link", { name: /^v2/ }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/v2$/);
});

test("schemas: recursion is a link, oneOf shows the discriminator", async ({ page }) => {
  await page.goto("/apis/weather/v2/schemas/Region");
  await expect(page.getByRole("heading", { level: 1, name: "Region" })).toBeVisible();
  await page.getByText("subregions").first().click();
  await expect(page.getByText(/Recursive: the same structure as/).first()).toBeVisible();
  await page.goto("/apis/weather/v2/schemas/Alert");
  await expect(page.getByText(/chosen by/).first()).toContainText("kind");
});

test("spec downloads: public ones in JSON and YAML, partner ones never", async ({ request }) => {
  const json = await request.get("/apis/weather/v2/openapi.json");
  expect(json.status()).toBe(200);
  expect((await json.json()).openapi).toBe("3.1.0");
  const yaml = await request.get("/apis/weather/v1/openapi.yaml");
  expect(yaml.headers()["content-type"]).toContain("yaml");
  expect(await yaml.text()).toContain('swagger: "2.0"');
  for (const url of ["/apis/travel/2025-06-01/openapi.json", "/apis/accounts/v1/openapi.yaml", "/apis/travel/2025-06-01/operations/createbooking"]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
});

test("markdown in spec text is rendered, and raw HTML in it is not", async ({ page }) => {
  await page.goto("/apis/weather/v2");
  await expect(page.locator(".md code").first()).toBeVisible();
  expect(await page.locator(".md script, .md iframe, .md [onerror]").count()).toBe(0);
});
