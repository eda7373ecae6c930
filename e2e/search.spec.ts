import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const DIALOG = { name: "Search the API reference" } as const;

/** Script errors and failed requests fail the journey (a broken chunk or a crash shows there first). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}

async function openSearch(page: Page, isMobile: boolean) {
  if (isMobile) await page.getByRole("banner").getByRole("link", { name: "Search" }).click();
  else await page.keyboard.press("/");
  const dialog = page.getByRole("dialog", DIALOG);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("combobox")).toBeFocused();
  return dialog;
}

test("search by path fragment from a docs page and open the result with the keyboard", async ({ page, isMobile }, info) => {
  const errors = watchErrors(page);
  await page.goto("/apis/weather/v2/operations/listalerts");
  // The dialog's code is not part of the page until search is opened.
  await expect(page.locator("dialog")).toHaveCount(0);
  const dialog = await openSearch(page, isMobile);
  // Scoped to the API version being read, with all APIs one click away.
  await expect(dialog.getByRole("button", { name: "Weather API v2" })).toHaveAttribute("aria-pressed", "true");
  await expect(dialog.getByRole("button", { name: "All APIs" })).toHaveAttribute("aria-pressed", "false");

  await dialog.getByRole("combobox").fill("alerts/{alertId}");
  await expect(dialog.getByRole("listbox")).toHaveAttribute("aria-busy", "false");
  const options = dialog.getByRole("option");
  await expect(options.first()).toContainText("/alerts/{alertId}");
  await expect(options.first()).toContainText("Get an alert");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await page.screenshot({ path: info.outputPath("search-dialog.png") });

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/apis\/weather\/v2\/operations\/getalert$/);
  await expect(page.getByRole("heading", { level: 1, name: "Get an alert" })).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test("arrow keys move through results; Esc closes and gives focus back", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard journey: desktop");
  const errors = watchErrors(page);
  await page.goto("/apis");
  const nav = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "APIs" });
  await nav.focus();
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", DIALOG);
  const input = dialog.getByRole("combobox");
  await expect(input).toBeFocused();
  // Not on a docs page: all APIs, no scope buttons.
  await expect(dialog.getByRole("button", { name: "All APIs" })).toHaveCount(0);
  await input.fill("alerts");
  await expect(dialog.getByRole("listbox")).toHaveAttribute("aria-busy", "false");
  const options = dialog.getByRole("option");
  await expect(options.nth(1)).toBeVisible();
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(input).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id"))!);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(options.last()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(nav).toBeFocused();
  expect(errors).toEqual([]);
});

test("`/` typed into a field is text, not a shortcut", async ({ page, isMobile }) => {
  test.skip(isMobile, "keyboard journey: desktop");
  await page.goto("/search");
  const field = page.getByRole("searchbox", { name: "Search the API reference" });
  await field.click();
  await page.keyboard.type("/alerts");
  await expect(field).toHaveValue("/alerts");
  await expect(page.getByRole("dialog", DIALOG)).toHaveCount(0);
});

test("the /search page works without JavaScript", async ({ browser }, info) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: info.project.use.viewport ?? undefined });
  const page = await context.newPage();
  await page.goto("/apis");
  await page.getByRole("banner").getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search$/);
  await page.getByRole("searchbox", { name: "Search the API reference" }).fill("/alerts/{alertId}");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link").first()).toContainText("Get an alert");
  await results.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/apis\/weather\/v2\/operations\/getalert$/);
  await expect(page.getByRole("heading", { level: 1, name: "Get an alert" })).toBeVisible();

  await page.goto(`/search?q=${"x".repeat(300)}`);
  await expect(page.getByRole("alert")).toContainText("longer than 200 characters");
  await context.close();
});

test("search never shows partner or internal APIs to anonymous visitors", async ({ page, request }) => {
  for (const q of ["createBooking", "/bookings", "Travel Bookings API", "sim-cards", "Accounts API"]) {
    const res = await request.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { results: { apiId: string }[] };
    expect(body.results.filter((r) => r.apiId !== "weather"), q).toEqual([]);
  }
  expect((await request.get("/api/search?q=booking&api=travel")).status()).toBe(404);
  expect((await request.get("/api/search?q=")).status()).toBe(400);
  await page.goto("/search?q=booking");
  await expect(page.getByText("Travel Bookings API")).toHaveCount(0);
  expect((await page.goto("/search?q=booking&api=travel"))?.status()).toBe(404);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`search page and dialog screenshots (${colorScheme})`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/search?q=alerts");
    await expect(page.getByRole("list", { name: "Search results" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath(`search-page-${colorScheme}.png`), fullPage: true });
    await page.goto("/apis/weather/v2");
    await page.getByRole("banner").getByRole("link", { name: "Search" }).click();
    await page.getByRole("dialog", DIALOG).getByRole("combobox").fill("forecast");
    await expect(page.getByRole("option").first()).toBeVisible();
    await page.screenshot({ path: info.outputPath(`search-dialog-${colorScheme}.png`) });
  });
}
