// SEC-D1: the security headers on every kind of response: each page and route handler of the app
// tree (tests/authz/route-tree.ts, sample parameters), the sitemap's pages, a 404, a redirect and
// the signed-in pages. Values: next.config.js (static pages) and lib/http/csp.ts (nonce pages).
import type { APIResponse } from "@playwright/test";
import { POLICY } from "../tests/authz/policy";
import { fillPattern as fill, listAppRoutes } from "../tests/authz/route-tree";
import { expect, test } from "./support/fixtures";
import { signInWithOidc } from "./support/sign-in";

function checkHeaders(res: APIResponse, label: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], label).toBe("nosniff");
  expect(h["x-frame-options"], label).toBe("DENY");
  expect(h["strict-transport-security"], label).toMatch(/max-age=\d{7,}/);
  expect(h["permissions-policy"], label).toContain("camera=()");
  expect(h["x-powered-by"], label).toBeUndefined();
  expect(h["server"] ?? "", label).not.toMatch(/\d/);
  if ((h["content-type"] ?? "").startsWith("text/html")) {
    const csp = h["content-security-policy"] ?? "";
    expect(csp, label).toContain("frame-ancestors 'none'");
    expect(csp, label).toContain("object-src 'none'");
    expect(csp, label).toMatch(/base-uri '(self|none)'/);
    expect(csp, label).not.toContain("'unsafe-eval'");
    expect(h["referrer-policy"], label).toMatch(/^(same-origin|strict-origin-when-cross-origin|no-referrer)$/);
  }
}

test("every route, the sitemap's pages, a 404 and a redirect carry the security headers", async ({ request }) => {
  test.setTimeout(120_000);
  const urls = new Set<string>(["/no-such-page", "/apis/weather", "/apis/weather/latest"]);
  for (const r of listAppRoutes()) if (POLICY[r.pattern]!.access !== "internal" && r.methods.includes("GET")) urls.add(fill(r.pattern));
  const sitemap = await (await request.get("/sitemaps/portal.xml")).text();
  for (const m of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) urls.add(new URL(m[1]!).pathname);
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
    expect(res.status(), url).toBeLessThan(500);
    checkHeaders(res, `${url} (${res.status()})`);
  }
  expect(urls.size).toBeGreaterThan(40);
});

test("signed-in pages: nonce policy without 'unsafe-inline' scripts, never cached", async ({ page }, info) => {
  await signInWithOidc(page, `headers-${info.project.name}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  for (const url of ["/account", "/signin"]) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    checkHeaders(res, url);
    const scripts = /script-src ([^;]*)/.exec(res.headers()["content-security-policy"]!)?.[1] ?? "";
    expect(scripts, url).toMatch(/'nonce-[^']+'/);
    expect(scripts, url).not.toContain("'unsafe-inline'");
    expect(res.headers()["cache-control"], url).toMatch(/no-store|private/);
  }
});

test("a cached docs page's repeat requests come from memory with Next's headers and bytes; partner pages never do", async ({ request, page }, info) => {
  const url = "/apis/weather/v2/operations/listalerts";
  const answers: APIResponse[] = [];
  for (let i = 0; i < 6 && !answers.some((a) => a.headers()["x-portolan-cache"] === "memory"); i++) {
    answers.push(await request.get(url, { headers: { "accept-encoding": "br, gzip" } }));
    await new Promise((r) => setTimeout(r, 200));
  }
  const fromMemory = answers.at(-1)!;
  expect(fromMemory.headers()["x-portolan-cache"], "served from memory within a few requests").toBe("memory");
  // Next's own answer from its page cache (uncompressed answers are left to Next).
  const fromNext = await request.get(url, { headers: { "accept-encoding": "identity" } });
  expect(fromNext.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(fromNext.headers()["x-portolan-cache"]).toBeUndefined();
  checkHeaders(fromMemory, `${url} (memory)`);
  const perResponse = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-encoding", "content-length", "x-portolan-cache"]);
  const pageHeaders = (r: APIResponse) => Object.fromEntries(Object.entries(r.headers()).filter(([k]) => !perResponse.has(k)));
  expect(pageHeaders(fromMemory)).toEqual(pageHeaders(fromNext));
  expect(await fromMemory.text()).toBe(await fromNext.text());

  // Markdown by Accept and the `.md` URL still come from their route.
  const md = await request.get(url, { headers: { accept: "text/markdown" } });
  expect(md.headers()["content-type"]).toMatch(/^text\/markdown/);
  expect(md.headers()["x-portolan-cache"]).toBeUndefined();

  // A partner API's page, read by an admin again and again, is rendered for them every time.
  await signInWithOidc(page, `docs-admin-${info.project.name}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  for (let i = 0; i < 3; i++) {
    const res = await page.request.get("/apis/travel/2025-06-01/operations/searchoffers");
    expect(res.status()).toBe(200);
    expect(res.headers()["x-portolan-cache"]).toBeUndefined();
    expect(res.headers()["cache-control"]).toMatch(/no-store/);
  }
  expect((await request.get("/apis/travel/2025-06-01/operations/searchoffers")).status()).toBe(404);
});
