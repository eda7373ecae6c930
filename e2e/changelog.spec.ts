import { expect, test } from "./support/fixtures";
import { signInWithOidc } from "./support/sign-in";
import { enrolTotp } from "./support/totp";
import { assertDocumented } from "../tests/contract";

// The changelog journey (issue 6): from the API overview to the changelog, filtered to breaking
// changes, into the diff view, and on to an operation page and its history. Then the same
// visibility rules as the reference: a partner API's changelog is nowhere for anonymous visitors.

test("overview → changelog → breaking → diff → operation history", async ({ page }) => {
  await page.goto("/apis/weather/v2");
  await page.getByRole("main").getByRole("link", { name: "Changelog", exact: true }).last().click();
  await expect(page).toHaveURL(/\/apis\/weather\/changelog$/);
  await expect(page.getByRole("heading", { level: 1, name: "Weather API changelog" })).toBeVisible();
  // Hand-written entries sit with the version they are about.
  await expect(page.getByRole("heading", { name: "Historical weather moves to the Climate Data API" })).toBeVisible();

  await page.getByRole("navigation", { name: "Show changes" }).getByRole("link", { name: /^Breaking/ }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/changelog\/breaking$/);
  await expect(page.getByRole("navigation", { name: "Show changes" }).getByRole("link", { name: /^Breaking/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Removed GET /history", { exact: true })).toBeVisible();
  await expect(page.getByText("Added GET /regions (List regions)")).toHaveCount(0);

  await page.getByRole("link", { name: "All changes v1 → v2" }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/diff\/v1\.\.\.v2$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weather API: v1 → v2");
  const breaking = page.locator("section#breaking");
  await expect(breaking.getByText("Query parameter region of GET /alerts is now required")).toBeVisible();
  // Every group links to both versions' pages.
  await expect(breaking.getByRole("link", { name: "GET /alerts in v1" })).toHaveAttribute("href", "/apis/weather/v1/operations/listalerts");
  await breaking.getByRole("link", { name: "GET /alerts in v2" }).click();

  await expect(page).toHaveURL(/\/apis\/weather\/v2\/operations\/listalerts$/);
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("link", { name: "v1 → v2" })).toHaveAttribute("href", "/apis/weather/diff/v1...v2");
  await expect(history.getByText("Query parameter region of GET /alerts is now required")).toBeVisible();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`diff view v1 → v2 in the ${colorScheme} theme: readable, no sideways scroll`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme });
    const res = await page.goto("/apis/weather/diff/v1...v2");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weather API: v1 → v2");
    await expect(page.locator("section#breaking")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath(`diff-${colorScheme}.png`), fullPage: false });
    await page.locator("section#breaking").screenshot({ path: info.outputPath(`diff-breaking-${colorScheme}.png`) });
  });
}

test("an admin writes a changelog entry, publishes it after enrolling TOTP, and it appears on the changelog and in the feed", async ({ page, request }, info) => {
  test.setTimeout(90_000);
  const title = `Rate limits double (${info.project.name} ${Date.now()})`;
  await signInWithOidc(page, `entries-admin-${info.project.name}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/admin/changelog");
  await page.getByLabel("API").selectOption("weather");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await page.getByLabel("Body (Markdown)").fill("From **60** to 120 calls a minute. <b>raw html stays text</b>");
  await page.getByLabel("Severity").selectOption("non-breaking");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "two-factor" })).toBeVisible();
  const entryPage = page.url().replace(/\?.*$/, "");
  await enrolTotp(page);
  await page.goto(entryPage);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();

  await page.getByRole("link", { name: "on the changelog" }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/changelog#entry-admin-cle_/);
  const entry = page.getByRole("article").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(entry).toBeVisible();
  await expect(entry.locator("strong")).toHaveText("60");
  await expect(entry.locator("b")).toHaveCount(0);
  const feed = await (await request.get("/apis/weather/changelog/feed.json")).json();
  expect(feed.items.some((i: { title: string }) => i.title === title)).toBe(true);
  const global = await (await request.get("/changelog/feed.json")).json();
  expect(global.items.some((i: { title: string }) => i.title === `Weather API: ${title}`)).toBe(true);
});

test("without JavaScript: the severity filter and the version comparison form work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/apis/weather/changelog");
  await page.getByRole("navigation", { name: "Show changes" }).getByRole("link", { name: /^Deprecations/ }).click();
  await expect(page).toHaveURL(/\/changelog\/deprecation$/);
  await expect(page.getByText("Deprecated GET /current; it stops working on 2027-06-30")).toBeVisible();
  await page.getByLabel("Compare").selectOption("v1");
  await page.getByLabel("with").selectOption("v2");
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page).toHaveURL(/\/apis\/weather\/diff\/v1\.\.\.v2$/);
  await context.close();
});

test("feeds are advertised and readable; the global changelog lists public APIs only", async ({ page, request, baseURL }) => {
  await page.goto("/apis/weather/v2");
  const alternates = page.locator('link[rel="alternate"]');
  await expect(alternates.and(page.locator('[type="application/rss+xml"]'))).toHaveAttribute("href", `${baseURL}/apis/weather/changelog/feed.xml`);
  await expect(alternates.and(page.locator('[type="application/atom+xml"]'))).toHaveAttribute("href", `${baseURL}/apis/weather/changelog/atom.xml`);
  await expect(alternates.and(page.locator('[type="application/feed+json"]'))).toHaveAttribute("href", `${baseURL}/apis/weather/changelog/feed.json`);

  const rss = await request.get("/apis/weather/changelog/feed.xml");
  expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  expect(rss.headers()["cache-control"]).toBe("public, max-age=300");
  expect(await rss.text()).toContain(`<guid isPermaLink="false">${baseURL}/apis/weather/diff/v1...v2</guid>`);
  const json = await (await request.get("/changelog/feed.json")).json();
  expect(json.version).toBe("https://jsonfeed.org/version/1.1");
  expect(JSON.stringify(json)).not.toMatch(/travel|accounts|Travel Bookings/i);

  await page.goto("/changelog");
  await expect(page.getByRole("heading", { level: 1, name: "Changelog" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Weather API v2", exact: true })).toBeVisible();
  await expect(page.getByText(/Travel Bookings|Accounts API/)).toHaveCount(0);
});

test("GET /api/v1/apis/{api}/changes: defaults, validation, caching", async ({ request }) => {
  const res = await request.get("/api/v1/apis/weather/changes");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("public, max-age=300");
  const body = await res.json();
  expect(body).toMatchObject({ api: "weather", from: "v1", to: "v2" });
  expect(body.changes).toContainEqual({
    severity: "breaking",
    kind: "request-parameter-max-decreased",
    operation: { method: "get", path: "/forecast" },
    location: "/paths/~1forecast/get/parameters/query/days/schema/maximum",
    text: "Lowered the maximum of query parameter `days` of GET /forecast from 16 to 10",
  });
  // The hand-written entries about v2 come with it, and the answer is the documented one.
  expect(body.entries.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(["file:2026-09-01-v2-released", "file:2026-09-15-history-moves"]));
  expect(body.entries.find((e: { id: string }) => e.id === "file:2026-09-15-history-moves")).toMatchObject({ source: "file", severity: "breaking", operations: [{ method: "get", path: "/history" }] });
  assertDocumented("GET", "/apis/{api}/changes", 200, body);
  const first = await (await request.get("/api/v1/apis/weather/changes?to=v1")).json();
  expect(first).toMatchObject({ from: null, to: "v1", changes: [] });
  expect(first.entries.every((e: { versions: string[] }) => e.versions.includes("v1"))).toBe(true);
  const reverse = await (await request.get("/api/v1/apis/weather/changes?from=v2&to=v1")).json();
  expect(reverse.changes.some((c: { kind: string }) => c.kind === "endpoint-added" && /history/.test(JSON.stringify(c)))).toBe(true);

  const bad = await request.get("/api/v1/apis/weather/changes?from=v1&since=yesterday");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/since/);
  const badVersion = await request.get("/api/v1/apis/weather/changes?to=%3Cscript%3E");
  expect(badVersion.status()).toBe(400);
  const badBody = await badVersion.json();
  expect(badBody.error.issues[0].path).toBe("to");
  assertDocumented("GET", "/apis/{api}/changes", 400, badBody);
});

test("a partner API's changelog, diff, feeds, Markdown and changes answer 404, exactly like an unknown API", async ({ request }) => {
  const urls = (api: string, a: string, b: string) => [
    `/apis/${api}/changelog`,
    `/apis/${api}/changelog/breaking`,
    `/apis/${api}/diff/${a}...${b}`,
    `/apis/${api}/diff?from=${a}&to=${b}`,
    `/apis/${api}/changelog/feed.xml`,
    `/apis/${api}/changelog/atom.xml`,
    `/apis/${api}/changelog/feed.json`,
    `/apis/${api}/changelog.md`,
    `/apis/${api}/diff/${a}...${b}.md`,
    `/api/v1/apis/${api}/changes`,
    `/api/v1/apis/${api}/changes?from=${a}&to=${b}`,
  ];
  const hidden = urls("travel", "2024-11-15", "2025-06-01");
  const unknown = urls("no-such-api", "2024-11-15", "2025-06-01");
  for (const [i, url] of hidden.entries()) {
    const res = await request.get(url, { maxRedirects: 0 });
    const none = await request.get(unknown[i]!, { maxRedirects: 0 });
    expect(res.status(), url).toBe(404);
    expect(none.status(), unknown[i]).toBe(404);
    const text = await res.text();
    expect(text, url).not.toMatch(/Travel Bookings|cancelBooking|travellers/i);
    if (url.startsWith("/api/")) expect(text).toBe(await none.text());
  }
});
