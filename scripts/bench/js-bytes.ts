// JavaScript per page: what an operation page loads beyond an empty App Router page of the same
// build (/bench/empty, app/(bench)/bench/empty/page.tsx). Two ways:
//   http     the page's `<script src>` chunks fetched one by one: gzip as `next start` serves
//            them, decoded, and brotli q11 (what a CDN would store);
//   browser  headless Chromium, fresh context: body bytes of every script response received
//            until the network is quiet (includes chunks loaded on demand after start-up).
import type { Browser } from "@playwright/test";
import { freshPage, settle } from "./browser";
import { brotliSize, get } from "./http";

export interface ScriptBytes {
  scripts: number;
  gzip: number;
  raw: number;
  brotli: number;
}

export interface BrowserScriptBytes {
  scripts: number;
  encoded: number;
  decoded: number;
}

export interface PageJs {
  url: string;
  http: ScriptBytes;
  browser?: BrowserScriptBytes;
}

export interface JsBytes {
  empty: PageJs;
  /** The benchmark's operation page. */
  operation: PageJs;
  /** Largest `http.gzip` among the other sampled operation pages (they should all match). */
  sampledMaxGzip: number;
  sampledPages: number;
}

/** `<script src>` URLs a current browser loads (`nomodule` polyfills are skipped by them). */
export function scriptSources(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1]!;
    const src = /\ssrc="([^"]+)"/i.exec(attrs)?.[1];
    if (src && !/\snomodule\b/i.test(attrs)) out.add(src.replace(/&amp;/g, "&"));
  }
  // Cached docs pages name their chunks in the loader that adds them after the first paint
  // (server/deferred-hydration.cjs): `<script data-deferred-hydration>…(["/_next/…js",…])`.
  const deferred = /<script data-deferred-hydration="">[^<]*?\((\[[^\]]*\])\)<\/script>/.exec(html)?.[1];
  if (deferred) for (const src of JSON.parse(deferred.replace(/\\u003c/g, "<")) as string[]) out.add(src);
  return [...out];
}

const chunkCache = new Map<string, { gzip: number; raw: number; brotli: number }>();

async function httpScriptBytes(pageUrl: string): Promise<ScriptBytes> {
  const page = await get(pageUrl);
  if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}`);
  const total: ScriptBytes = { scripts: 0, gzip: 0, raw: 0, brotli: 0 };
  for (const src of scriptSources(page.body.toString("utf8"))) {
    const url = new URL(src, pageUrl).href;
    let c = chunkCache.get(url);
    if (!c) {
      const res = await get(url);
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      c = { gzip: res.wireBytes, raw: res.body.length, brotli: brotliSize(res.body) };
      chunkCache.set(url, c);
    }
    total.scripts += 1;
    total.gzip += c.gzip;
    total.raw += c.raw;
    total.brotli += c.brotli;
  }
  return total;
}

export async function browserScriptBytes(browser: Browser, url: string): Promise<BrowserScriptBytes> {
  const { context, page, transfers } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await settle(page);
    await transfers.settled();
    const s = transfers.byType().script ?? { requests: 0, encoded: 0, decoded: 0 };
    return { scripts: s.requests, encoded: s.encoded, decoded: s.decoded };
  } finally {
    await context.close();
  }
}

export async function measureJs(opts: { emptyUrl: string; operationUrl: string; sampleUrls: string[]; browser?: Browser }): Promise<JsBytes> {
  const empty: PageJs = { url: opts.emptyUrl, http: await httpScriptBytes(opts.emptyUrl) };
  const operation: PageJs = { url: opts.operationUrl, http: await httpScriptBytes(opts.operationUrl) };
  let sampledMaxGzip = 0;
  for (const url of opts.sampleUrls) sampledMaxGzip = Math.max(sampledMaxGzip, (await httpScriptBytes(url)).gzip);
  if (opts.browser) {
    empty.browser = await browserScriptBytes(opts.browser, opts.emptyUrl);
    operation.browser = await browserScriptBytes(opts.browser, opts.operationUrl);
  }
  return { empty, operation, sampledMaxGzip, sampledPages: opts.sampleUrls.length };
}
