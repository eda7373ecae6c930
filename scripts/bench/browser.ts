// Headless Chromium for the benchmark: one browser, a fresh context (empty cache, no cookies) per
// page load, HTTP cache disabled, requests to anything but this machine refused (the peers' fonts,
// logos and telemetry would otherwise make the timings depend on the network).
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";

export async function launchBrowser(): Promise<Browser> {
  // Same choice as playwright.config.ts: the system Chromium where present, else Playwright's own.
  const executablePath = process.env.CHROMIUM_PATH || ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** What counts as "the operation is visible": an element matching `selector` whose trimmed text is `text`, inside the viewport. */
export interface VisibleCheck {
  selector: string;
  text: string;
}

export interface FreshPage {
  context: BrowserContext;
  page: Page;
  transfers: Transfers;
}

export interface TransferTotals {
  requests: number;
  /** Bytes of response bodies as received (compressed when the server compressed). */
  encoded: number;
  /** Bytes after decoding (scripts only; 0 for other types). */
  decoded: number;
}

export interface Transfers {
  byType: () => Record<string, TransferTotals>;
  /** Resolves when every finished response seen so far has been counted. */
  settled: () => Promise<void>;
}

// A string, not a function: tsx compiles functions with name helpers (__name) that do not exist
// in the page, and a function would fail there silently.
const visibleWatcher = ({ selector, text }: VisibleCheck) => `(() => {
  const selector = ${JSON.stringify(selector)}, text = ${JSON.stringify(text)};
  const check = () => {
    for (const el of document.querySelectorAll(selector)) {
      if ((el.textContent || "").trim() !== text) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      window.__benchVisibleAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** A page in a new context; `visible`, when given, is watched from the first byte (see visibleAt). */
export async function freshPage(browser: Browser, visible?: VisibleCheck): Promise<FreshPage> {
  // bypassCSP: the timing probe is evaluated in the page, which the portal's CSP (no eval) would
  // refuse; the peers' static pages have no CSP, so this changes nothing for them.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, bypassCSP: true });
  await context.route((url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost", (route) => route.abort());
  if (visible) {
    // Runs before any of the page's own scripts: checks on every animation frame (i.e. before
    // every paint) whether the element is on screen, and records when it first was.
    await context.addInitScript({ content: visibleWatcher(visible) });
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  const totals: Record<string, TransferTotals> = {};
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const type = request.resourceType();
        const sizes = await request.sizes().catch(() => null);
        const response = await request.response().catch(() => null);
        const decoded = type === "script" && response ? ((await response.body().catch(() => null))?.length ?? 0) : 0;
        const t = (totals[type] ??= { requests: 0, encoded: 0, decoded: 0 });
        t.requests += 1;
        t.encoded += sizes?.responseBodySize ?? 0;
        t.decoded += decoded;
      })(),
    );
  });
  return {
    context,
    page,
    transfers: {
      byType: () => totals,
      settled: async () => {
        await Promise.all(pending);
      },
    },
  };
}

/** Milliseconds from navigation start until the watched element was first on screen. */
export async function visibleAt(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction("window.__benchVisibleAt", undefined, { timeout: timeoutMs, polling: 100 });
  return (await handle.jsonValue()) as number;
}

/** Waits for the load event and then for the network to be quiet (both capped), for byte counts. */
export async function settle(page: Page, capMs = 15_000): Promise<void> {
  await page.waitForLoadState("load", { timeout: capMs }).catch(() => undefined);
  await page.waitForLoadState("networkidle", { timeout: capMs }).catch(() => undefined);
}

/** The page's first contentful paint (ms from navigation start), if it has happened. */
export async function firstContentfulPaint(page: Page): Promise<number | null> {
  const v = await page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null").catch(() => null);
  return typeof v === "number" ? v : null;
}
