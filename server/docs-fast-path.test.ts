// The docs fast path (server/docs-fast-path.cjs) over real HTTP, with a stand-in for Next that
// answers like `next start` does for a cached page, and the real page cache behind both.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.PORTOLAN_DOCS_FAST_PATH = "0"; // the module's export only: no patching of http here
const require = createRequire(import.meta.url);
const { candidatePath, chooseEncoding, withFastPath } = require("./docs-fast-path.cjs");
const PageCache = require("./page-cache.cjs");

// Next keys each route's pages under its own hash; a few routes here, like the docs' many.
const KEY = (path: string) => `/route-cache/APP_PAGE/${path.split("/").length % 3}${"0".repeat(63)}/$${path}`;
const HTML = (path: string) => `<!DOCTYPE html><html><body><main><h1>${path}</h1>${"<p>reference text</p>".repeat(200)}</main></body></html>`;
const NEXT_HEADERS = { "content-security-policy": "default-src 'self'", "cache-control": "s-maxage=3600, stale-while-revalidate=82800", etag: '"abc"', vary: "rsc, Accept-Encoding", "content-type": "text/html; charset=utf-8" };

const cache = new PageCache();
const nextCalls: string[] = [];
let base = "";
let server: http.Server;
/** How the stand-in for Next answers a path: from the cache (HIT) or not, with what status and caching. */
const behaviour = new Map<string, { status?: number; hit?: boolean; cacheControl?: string }>();

beforeAll(async () => {
  server = http.createServer(
    withFastPath(async (req: http.IncomingMessage, res: http.ServerResponse) => {
      const path = req.url!.split("?")[0]!;
      nextCalls.push(req.url!);
      const b = behaviour.get(path) ?? {};
      const cached = await cache.get(KEY(path));
      for (const [k, v] of Object.entries({ ...NEXT_HEADERS, ...(b.cacheControl && { "cache-control": b.cacheControl }) })) res.setHeader(k, v);
      res.setHeader("x-nextjs-cache", cached && b.hit !== false ? "HIT" : "MISS");
      res.statusCode = b.status ?? 200;
      res.end(cached?.value.html ?? "not cached");
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function get(path: string, headers: Record<string, string> = { "accept-encoding": "gzip, br" }) {
  const res = await fetch(base + path, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: Object.fromEntries(res.headers), body: body.toString("utf8") };
}

const settle = () => new Promise((r) => setTimeout(r, 100)); // precompression runs in the thread pool

async function cachedPage(path: string) {
  await cache.set(KEY(path), { kind: "APP_PAGE", html: HTML(path), headers: {}, status: 200 }, {});
}

describe("docs fast path", () => {
  it("answers a page's repeat requests from memory, with Next's headers and the same bytes", async () => {
    const path = "/apis/weather/v2/operations/listalerts";
    await cachedPage(path);
    const first = await get(path);
    await settle();
    const calls = nextCalls.length;
    const second = await get(path);
    expect(nextCalls.length).toBe(calls); // Next was not asked
    expect(second.headers["x-portolan-cache"]).toBe("memory");
    expect(second.headers["content-encoding"]).toBe("br");
    expect(second.body).toBe(first.body);
    for (const h of ["content-security-policy", "cache-control", "etag", "vary", "content-type", "x-nextjs-cache"]) expect(second.headers[h], h).toBe(first.headers[h]);
    // Gzip for clients without brotli; Next answers the rest (identity, HEAD aside).
    const gz = await new Promise<http.IncomingMessage>((r) => http.get(base + path, { headers: { "accept-encoding": "gzip" } }, r));
    const gzBody: Buffer[] = [];
    for await (const chunk of gz) gzBody.push(chunk as Buffer);
    expect(gz.headers["x-portolan-cache"]).toBe("memory");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(Buffer.concat(gzBody)).toString("utf8")).toBe(first.body);
    expect((await get(path, { "accept-encoding": "identity" })).headers["x-portolan-cache"]).toBeUndefined();
  });

  it("leaves to Next what it must decide: Markdown, RSC, queries, conditionals, other paths", async () => {
    const path = "/apis/weather/v2/operations/getforecast";
    await cachedPage(path);
    await get(path);
    await settle();
    for (const [p, h] of [
      [path, { "accept-encoding": "br", accept: "text/markdown" }],
      [path, { "accept-encoding": "br", rsc: "1" }],
      [path, { "accept-encoding": "br", "if-none-match": '"abc"' }],
      [`${path}?x=1`, { "accept-encoding": "br" }],
      [`${path}.md`, { "accept-encoding": "br" }],
    ] as const) {
      const before = nextCalls.length;
      const r = await get(p, h);
      expect(r.headers["x-portolan-cache"], `${p} ${JSON.stringify(h)}`).toBeUndefined();
      expect(nextCalls.length).toBe(before + 1);
    }
    expect(candidatePath({ method: "POST", url: path, headers: {} })).toBeNull();
    expect(candidatePath({ method: "GET", url: "/account", headers: {} })).toBeNull();
    expect(candidatePath({ method: "GET", url: path, headers: {} })).toBe(path);
  });

  it("never keeps what Next did not serve from the cache as a public 200", async () => {
    for (const [path, b] of [
      ["/apis/weather/v2/operations/missing", { status: 404 }],
      ["/apis/travel/2025-06-01/operations/searchoffers", { cacheControl: "private, no-store" }],
      ["/apis/weather/v2/schemas", { hit: false }],
    ] as const) {
      await cachedPage(path);
      behaviour.set(path, b);
      await get(path);
      await settle();
      expect((await get(path)).headers["x-portolan-cache"], path).toBeUndefined();
    }
  });

  it("goes back to Next once the page is revalidated, replaced or stale", async () => {
    const path = "/apis/weather/v2/operations/getstation";
    await cachedPage(path);
    await get(path);
    await settle();
    expect((await get(path)).headers["x-portolan-cache"]).toBe("memory");
    // Replaced (a new render): a new entry, so Next answers once more before memory does again.
    await cachedPage(path);
    expect((await get(path)).headers["x-portolan-cache"]).toBeUndefined();
    await settle();
    expect((await get(path)).headers["x-portolan-cache"]).toBe("memory");
    // Stale (older than its s-maxage): Next, which serves it and renders it again.
    require("./page-cache.cjs").pageCacheEntry(path).lastModified = Date.now() - 3_601_000;
    expect((await get(path)).headers["x-portolan-cache"]).toBeUndefined();
    // Revalidated (revalidatePath drops it by its path tag): Next, which has nothing cached.
    await cache.set(KEY(path), { kind: "APP_PAGE", html: HTML(path), headers: { "x-next-cache-tags": `_N_T_${path}` }, status: 200 }, {});
    await get(path);
    await settle();
    expect((await get(path)).headers["x-portolan-cache"]).toBe("memory");
    await cache.revalidateTag(`_N_T_${path}`);
    const after = await get(path);
    expect(after.headers["x-portolan-cache"]).toBeUndefined();
    expect(after.body).toBe("not cached");
  });

  it("picks brotli, then gzip, honouring q=0", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, br;q=0")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding("")).toBeNull();
  });
});
