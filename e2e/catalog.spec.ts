import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const PUBLIC_APIS = ["Weather API"];
const HIDDEN_APIS = ["Travel Bookings API", "Accounts API"];

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`/apis lists the public demo API and hides partner and internal ones (${colorScheme})`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/apis");
    await expect(page.getByRole("heading", { level: 1, name: "APIs" })).toBeVisible();
    for (const name of PUBLIC_APIS) {
      const card = page.getByRole("article", { name });
      await expect(card).toBeVisible();
      await expect(card.getByRole("list", { name: "Versions" }).getByRole("listitem")).toHaveCount(2);
      await expect(card).toContainText("deprecated · sunset 2027-03-31");
      await expect(card).toContainText("current");
    }
    for (const name of HIDDEN_APIS) await expect(page.getByText(name)).toHaveCount(0);
    // The page really is in the requested theme (tokens resolve through light-dark()).
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe(colorScheme === "dark" ? "rgb(11, 16, 22)" : "rgb(255, 255, 255)");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: info.outputPath(`apis-${colorScheme}.png`), fullPage: true });
  });
}

test("the theme toggle pins a theme that survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/apis");
  const toggle = page.getByRole("button", { name: /Theme:/ });
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(11, 16, 22)");
});

test("partner and internal APIs answer 404 to anonymous visitors, like unknown ones", async ({ page }) => {
  for (const url of ["/apis/travel", "/apis/travel/2025-06-01", "/apis/accounts/v1", "/apis/no-such-api"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("an API opens on its latest version; an old version says when it stops working", async ({ page }, info) => {
  await page.goto("/apis/weather");
  await expect(page).toHaveURL(/\/apis\/weather\/v2$/);
  await expect(page.getByRole("heading", { level: 1, name: "Weather API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Operations" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("weather-v2.png"), fullPage: true });

  await page.goto("/apis/weather/v1");
  await expect(page.getByRole("note")).toContainText("This version is deprecated since 2026-09-01 and stops working on 2027-03-31");
  await expectNoHorizontalScroll(page);
});

test("keyboard: the first Tab reaches a skip link that jumps to the content", async ({ page }) => {
  await page.goto("/apis");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("/healthz reports the database as reachable", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "up" });
});
