import { expect, test } from "./support/fixtures";
import { signInWithOidc } from "./support/sign-in";

// Partner and internal APIs' reference pages are rendered per request for who is asking (proxy.ts
// routes them to their dynamic copies); public pages stay static and shared.
test("partner docs: 404 to anonymous visitors, readable by a portal admin, never cached", async ({ page, browser, request }, info) => {
  const partnerPage = "/apis/travel/2025-06-01/operations/searchoffers";
  for (const url of ["/apis/travel/2025-06-01", partnerPage, "/apis/accounts/v1"]) expect((await request.get(url)).status(), url).toBe(404);

  await signInWithOidc(page, `docs-admin-${info.project.name}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  const res = await page.goto(partnerPage);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["cache-control"]).toMatch(/no-store/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("/offers", { exact: false }).first()).toBeVisible();
  expect((await page.goto("/apis/accounts/v1"))?.status()).toBe(200);
  await expect(page.locator('link[rel="alternate"][type*="xml"]')).toHaveCount(0); // no public feeds of an internal API

  // The deprecated version's operations link to the partner API's own deprecation notice.
  expect((await page.goto("/apis/travel/2024-11-15/operations/searchoffers"))?.status()).toBe(200);
  const noticeLink = page.getByRole("link", { name: /^Deprecation notice: / });
  await expect(noticeLink.first()).toBeVisible();
  expect(await noticeLink.first().getAttribute("href")).toMatch(/^\/apis\/travel\/deprecations#/);
  expect((await page.goto("/apis/travel/deprecations"))?.status()).toBe(200);
  expect((await request.get("/apis/travel/deprecations")).status()).toBe(404);

  // Its changelog, severity filter and diff view too (dynamic copies as well).
  for (const url of ["/apis/travel/changelog", "/apis/travel/changelog/breaking", "/apis/travel/diff/2024-11-15...2025-06-01"]) {
    expect((await request.get(url)).status(), `anonymous ${url}`).toBe(404);
    const r = await page.goto(url);
    expect(r?.status(), url).toBe(200);
    expect(r?.headers()["cache-control"], url).toMatch(/no-store/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Travel");
    // Feeds are public-only: the page advertises none (members use their personal feed).
    await expect(page.locator('link[rel="alternate"][type*="xml"], link[rel="alternate"][type*="feed+json"]'), url).toHaveCount(0);
  }

  // The public pages this admin sees are the shared static ones, not personalised copies.
  const pub = await page.goto("/apis/weather/v2");
  expect(pub?.headers()["cache-control"]).toMatch(/s-maxage/);

  // Another browser without the session still gets 404 for the same URL right after.
  const anonymous = await browser.newContext();
  const other = await anonymous.newPage();
  expect((await other.goto(new URL(partnerPage, page.url()).href))?.status()).toBe(404);
  await anonymous.close();
});

test("spec problems: a page for portal admins only, listing every API's problems", async ({ page, browser }, info) => {
  await signInWithOidc(page, `docs-admin-${info.project.name}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("link", { name: "Spec problems" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spec problems" })).toBeVisible();
  // The deliberately broken API (scripts/e2e-server.ts) is listed as failed, with its problem.
  const broken = page.getByRole("region", { name: /Broken Demo API/ });
  await expect(broken.getByText("failed")).toBeVisible();
  await expect(broken.getByText("broken/v1/openapi.yaml:", { exact: false })).toBeVisible();
  // Partner and internal APIs are listed for admins.
  await expect(page.getByRole("region", { name: /Travel Bookings API/ })).toBeVisible();
  await page.screenshot({ path: info.outputPath("spec-problems.png"), fullPage: false });

  // A signed-in developer gets the same 404 as for a page that does not exist.
  const other = await browser.newContext();
  const dev = await other.newPage();
  await signInWithOidc(dev, `developer-${info.project.name}-${Date.now()}@portolan.test`);
  await expect(dev).toHaveURL(/\/account$/);
  expect((await dev.goto("/admin/specs"))?.status()).toBe(404);
  await other.close();
});
