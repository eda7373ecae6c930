import type { Page } from "@playwright/test";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { expect, test } from "./support/fixtures";
import { signInWithOidc } from "./support/sign-in";

// The personal feed URL (lib/personal-feed): a developer whose app uses the Weather API creates a
// secret feed URL in /account/subscriptions, a real feed parser reads it without any session, it
// holds Weather's changes and deprecations and nothing of the partner Travel API; regenerating
// ends the old URL, revoking ends the new one. Then partner deprecation pages: readable by an admin
// (dynamic copy, never cached), 404 for a developer without access and for anonymous visitors.

async function api(page: Page, method: "GET" | "POST", path: string, data?: unknown) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.fetch(path, { method, headers: { origin }, ...(data !== undefined && { data }) });
  return { status: res.status(), body: await res.json() };
}

test("personal feed: created once, read by a feed parser, scoped to the developer's APIs, regenerated and revoked", async ({ page, playwright }, info) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  await signInWithOidc(page, `feed-dev-${info.project.name}-${stamp}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  const app = await api(page, "POST", "/api/v1/apps", { name: `Feed app ${stamp}` });
  expect(app.status).toBe(201);
  expect((await api(page, "POST", `/api/v1/apps/${app.body.id}/access`, { apiId: "weather" })).status).toBeLessThan(300);

  await page.goto("/account/subscriptions");
  await expect(page.getByTestId("personal-feed-status")).toHaveText("No feed URL yet.");
  await page.getByRole("button", { name: "Create feed URL" }).click();
  const shown = page.getByTestId("personal-feed-url");
  await expect(shown).toBeVisible();
  await expect(page.getByRole("button", { name: /Copy/ })).toBeVisible();
  const url = (await shown.textContent())!.trim();
  expect(url).toMatch(/\/feeds\/me\/pfeed_[0-9A-Za-z]{43}\/atom\.xml$/);
  await page.screenshot({ path: info.outputPath("personal-feed.png"), fullPage: false });

  // A feed reader: no cookies at all.
  const reader = await playwright.request.newContext();
  const res = await reader.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("private, no-store");
  expect(res.headers()["x-robots-tag"]).toContain("noindex");
  const feed = parseAtomFeed(await res.text());
  const links = (feed.entries ?? []).map((e) => e.links?.[0]?.href ?? "");
  expect(links.length).toBeGreaterThan(3);
  expect(links.every((l) => l.includes("/apis/weather/"))).toBe(true);
  const json = parseJsonFeed(await (await reader.get(url.replace(/atom\.xml$/, "feed.json"))).text());
  expect(json.items?.length).toBe(links.length);
  expect(JSON.stringify(json)).not.toContain("Travel");

  // The URL is not in the page any more after a reload; the status says it exists.
  await page.reload();
  await expect(page.getByTestId("personal-feed-url")).toHaveCount(0);
  await expect(page.getByTestId("personal-feed-status")).toContainText("A feed URL exists");
  expect(await page.content()).not.toContain(url.split("/feeds/me/")[1]!.split("/")[0]);

  // Regenerate: the old URL answers 404 like a made-up one.
  const madeUp = await reader.get(url.replace(/pfeed_[0-9A-Za-z]{43}/, `pfeed_${"x".repeat(43)}`));
  await page.getByRole("button", { name: "Regenerate URL" }).click();
  await expect(shown).toBeVisible();
  const next = (await shown.textContent())!.trim();
  expect(next).not.toBe(url);
  const old = await reader.get(url);
  expect(old.status()).toBe(404);
  expect(madeUp.status()).toBe(404);
  expect(await old.text()).toBe(await madeUp.text());
  expect((await reader.get(next)).status()).toBe(200);

  // Revoke.
  await page.getByRole("button", { name: "Revoke URL" }).click();
  await expect(page.getByText("Feed URL revoked")).toBeVisible();
  expect((await reader.get(next)).status()).toBe(404);
  await reader.dispose();
});

test("partner deprecations: an admin reads them (never cached); a developer without access and anonymous visitors get 404", async ({ page, browser, request }, info) => {
  const url = "/apis/travel/deprecations";
  expect((await request.get(url)).status()).toBe(404);
  const unknown = await request.get("/apis/nope/deprecations");
  expect(unknown.status()).toBe(404);

  await signInWithOidc(page, `docs-admin-${info.project.name}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  const res = await page.goto(url);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["cache-control"]).toMatch(/no-store/);
  await expect(page.getByRole("heading", { level: 1, name: "Travel Bookings API deprecations" })).toBeVisible();
  // The spec's deprecated version 2024-11-15 (sunset 2027-06-30) is a notice here.
  await expect(page.getByRole("article").filter({ hasText: "2024-11-15" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "personal feed" })).toBeVisible();
  // No public feed is advertised for a partner API.
  expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').count()).toBe(0);
  // Its changelog points to the personal feed too, instead of public feeds that would 404.
  await page.goto("/apis/travel/changelog");
  await expect(page.getByRole("link", { name: "personal feed" })).toHaveAttribute("href", "/account/subscriptions#feed");
  await expect(page.getByRole("link", { name: "RSS", exact: true })).toHaveCount(0);

  const other = await browser.newContext();
  const dev = await other.newPage();
  await signInWithOidc(dev, `deprec-dev-${info.project.name}-${Date.now()}@portolan.test`);
  await expect(dev).toHaveURL(/\/account$/);
  const denied = await dev.goto(url);
  expect(denied?.status()).toBe(404);
  await expect(dev.getByText("Travel Bookings API")).toHaveCount(0);
  const nope = await dev.goto("/apis/nope/deprecations");
  expect(nope?.status()).toBe(404);
  expect(await dev.title()).toBe(await (async () => (await dev.goto(url), dev.title()))());
  await other.close();
});
