// The `test` every spec imports: Playwright's, with `page.goto` waiting until the page is
// interactive. Cached docs pages paint first and load their scripts a frame later
// (server/deferred-hydration.cjs), so the load event no longer means React has hydrated them;
// `<html data-hydrated>` (components/layout/hydration-flag.tsx) does.
import { test as base, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

export async function waitForHydration(page: Page): Promise<void> {
  const deferred = await page.evaluate(() => document.querySelector("script[data-deferred-hydration]") !== null).catch(() => false);
  if (deferred) await page.waitForFunction(() => document.documentElement.dataset.hydrated !== undefined);
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (!options?.waitUntil || options.waitUntil === "load") await waitForHydration(page);
      return response;
    };
    await use(page);
  },
});
