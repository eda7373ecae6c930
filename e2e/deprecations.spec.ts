import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signInWithOidc } from "./support/sign-in";
import { enrolTotp } from "./support/totp";

// Deprecation notices (issue 6): the pages and the sunset timeline from the demo specs' own
// deprecations, the feeds and calendar, the operation badge; an admin drafts a notice, sees its
// reach, publishes it, and it appears on the pages and in the feed. Partner APIs' deprecations
// are nowhere for anonymous visitors.

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`/deprecations: timeline and notices from the specs (${colorScheme})`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme });
    const res = await page.goto("/deprecations");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Deprecations" })).toBeVisible();
    const timeline = page.getByRole("img", { name: /Upcoming sunsets/ });
    await expect(timeline).toBeVisible();
    await expect(timeline).toContainText("Weather API v1 is deprecated");
    await expect(timeline).toContainText("Weather API: GET /current is deprecated in Weather API v2");
    await expect(timeline).toContainText("Today");
    await expect(page.getByRole("heading", { level: 3, name: /Weather API v1 is deprecated/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: /GET \/current is deprecated in Weather API v2/ })).toBeVisible();
    // Partner APIs (Travel's old version is deprecated too) are not listed.
    await expect(page.getByText("Travel Bookings API")).toHaveCount(0);
    // The accessible alternative holds the same dates.
    await page.getByText("Sunsets as a table").click();
    await expect(page.getByRole("table").getByRole("row", { name: /Weather API v1 is deprecated/ })).toContainText("Mar 31, 2027");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: info.outputPath(`deprecations-${colorScheme}.png`), fullPage: true });
    await page.getByRole("figure").screenshot({ path: info.outputPath(`timeline-${colorScheme}.png`) });
  });
}

test("per-API page, feeds advertised and served, calendar, operation badge", async ({ page, request }) => {
  await page.goto("/apis/weather/deprecations");
  await expect(page.getByRole("heading", { level: 1, name: "Weather API deprecations" })).toBeVisible();
  for (const type of ["application/rss+xml", "application/atom+xml", "application/feed+json", "text/calendar"]) {
    await expect(page.locator(`head link[rel="alternate"][type="${type}"]`)).toHaveCount(1);
  }
  const rss = await request.get("/apis/weather/deprecations/feed.xml");
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  expect(await rss.text()).toContain("Weather API v1 is deprecated");
  const ics = await request.get("/deprecations/sunsets.ics");
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const cal = await ics.text();
  expect(cal).toContain("BEGIN:VCALENDAR");
  expect(cal).toContain("DTSTART;VALUE=DATE:20270331");

  // The notice's migration guide links to the operation, whose badge links back with the sunset.
  const notice = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /GET \/current is deprecated/ }) });
  await notice.getByRole("link", { name: "GET /current" }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/v2\/operations\//);
  const badge = page.getByRole("note").filter({ hasText: "Deprecated." });
  await expect(badge).toContainText("stops working on 2027-06-30");
  await badge.getByRole("link", { name: /Deprecation notice: GET \/current is deprecated/ }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/deprecations#ntc_/);

  const headers = await (await request.get("/api/v1/deprecations")).json();
  expect(headers.deprecations.some((d: { api: string; version: string }) => d.api === "weather" && d.version === "v1")).toBe(true);
});

test("anonymous visitors get 404 for a partner API's deprecations, like an unknown API", async ({ request }) => {
  for (const url of ["/apis/travel/deprecations", "/apis/travel/deprecations/feed.xml", "/apis/travel/deprecations/sunsets.ics", "/apis/accounts/deprecations/feed.json", "/apis/nope/deprecations"]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
  const all = await (await request.get("/api/v1/deprecations")).json();
  expect(all.deprecations.every((d: { api: string }) => d.api !== "travel" && d.api !== "accounts")).toBe(true);
  expect((await request.get("/api/v1/deprecations?api=travel")).status()).toBe(404);
  expect(await (await request.get("/deprecations/feed.json")).text()).not.toContain("Travel");
});

test("an admin drafts a notice, sees its reach, publishes it; it appears on the pages and in the feed", async ({ page, browser, request }, info) => {
  test.setTimeout(90_000); // includes enrolling TOTP
  const title = `Forecast by city retires (${info.project.name} ${Date.now()})`;
  await signInWithOidc(page, `notices-admin-${info.project.name}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/admin/notices");
  await expect(page.getByRole("heading", { level: 1, name: "Deprecation notices" })).toBeVisible();
  await page.getByLabel("API").selectOption("weather");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Draft created.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

  await page.getByLabel("Sunset on").fill("2027-02-15");
  await page.getByLabel("Body (Markdown)").fill("City names are ambiguous; coordinates are not.");
  await page.getByLabel("Migration guide (Markdown)").fill("Call `GET /forecast` with `lat` and `lon`.");
  await page.locator("summary", { hasText: "v2" }).click();
  await page.getByRole("checkbox", { name: "GET /forecast", exact: true }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("checkbox", { name: "GET /forecast", exact: true })).toBeChecked();
  // The reach before publishing: apps, owners and calls of the last 90 days.
  const reach = page.getByTestId("reach-totals");
  await expect(reach).toContainText("apps");
  await expect(reach).toContainText("owners");
  await expect(reach).toContainText("calls");
  await page.screenshot({ path: info.outputPath("admin-notice.png"), fullPage: true });

  // Publishing needs a second factor (lib/admin/step-up.ts): refused, then enrol and publish.
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Admin actions need two-factor authentication" })).toBeVisible();
  const noticeUrl = page.url().replace(/\?.*$/, "");
  await enrolTotp(page);
  await page.goto(noticeUrl);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("status")).toHaveText("Published.");
  await page.getByRole("link", { name: "public page" }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/deprecations#ntc_/);
  const article = page.getByRole("article").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(article).toBeVisible();
  await expect(article).toContainText("February 15, 2027");
  await expect(article).toContainText("v2 GET /forecast");
  await expect(article.getByText("lat")).toBeVisible();
  const feed = await (await request.get("/deprecations/feed.json")).json();
  expect(feed.items.some((i: { title: string }) => i.title === `Weather API: ${title}`)).toBe(true);
  await page.goto("/deprecations");
  await expect(page.getByRole("img", { name: /Upcoming sunsets/ })).toContainText(title.slice(0, 40));

  // A signed-in developer gets the same 404 as for a page that does not exist.
  const other = await browser.newContext();
  const dev = await other.newPage();
  await signInWithOidc(dev, `notices-dev-${info.project.name}-${Date.now()}@portolan.test`);
  await expect(dev).toHaveURL(/\/account$/);
  expect((await dev.goto("/admin/notices"))?.status()).toBe(404);
  const post = await dev.request.post("/api/admin/notices", { form: { api: "weather", title: "x" }, headers: { origin: new URL(page.url()).origin } });
  expect(post.status()).toBe(404);
  await other.close();
});
