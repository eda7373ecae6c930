import fs from "node:fs";
import { parse } from "yaml";
import { expect, test } from "./support/fixtures";
import { checkSitemap } from "../scripts/lib/sitemap-check";

// Discovery: sitemap, llms.txt, Markdown renderings and link-preview metadata. Most are
// request-only (no browser); they are cheap enough to run in both projects.

const HIDDEN = /travel|accounts|Travel Bookings|Accounts API/;

test("every operation and webhook of every public demo spec renders, found through /sitemap.xml", async ({ baseURL }) => {
  const report = await checkSitemap({ base: baseURL!, concurrency: 2 });
  expect(report.failures).toEqual([]);
  // weather v1 (10 operations) and v2 (14 + 2 webhooks), see docs/demo-specs.md, the portal's
  // own API (every operation of its description, which grows with the REST API), and the e2e
  // server's deliberately broken API (nothing to render).
  const portal = parse(fs.readFileSync("specs/portolan/v1/openapi.yaml", "utf8")) as { paths: Record<string, Record<string, unknown>> };
  const portalOperations = Object.values(portal.paths).flatMap((item) => Object.keys(item).filter((k) => ["get", "put", "post", "delete", "patch", "head", "options", "trace"].includes(k))).length;
  expect(portalOperations).toBeGreaterThan(20);
  const operations = 10 + 14 + portalOperations;
  expect(report).toMatchObject({ versions: 4, operations, webhooks: 2, checked: operations + 2 });
});

test("the sitemap and llms.txt list public APIs only, with absolute URLs", async ({ request, baseURL }) => {
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("application/xml");
  const indexXml = await index.text();
  expect(indexXml).toContain(`<loc>${baseURL}/sitemaps/apis/weather/v2.xml</loc>`);
  expect(indexXml).not.toMatch(HIDDEN);
  const v2 = await (await request.get("/sitemaps/apis/weather/v2.xml")).text();
  for (const path of ["/apis/weather/v2", "/apis/weather/v2/operations/listalerts", "/apis/weather/v2/tags/Alerts", "/apis/weather/v2/schemas", "/apis/weather/v2/schemas/Alert", "/apis/weather/v2/webhooks", "/apis/weather/v2/webhooks/alert-issued"]) {
    expect(v2).toContain(`<loc>${baseURL}${path}</loc>`);
  }
  expect(v2).not.toContain("/latest");
  for (const url of ["/sitemaps/apis/travel/2025-06-01.xml", "/sitemaps/apis/accounts/v1.xml", "/sitemaps/apis/weather/latest.xml"]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }

  const llms = await request.get("/llms.txt");
  expect(llms.headers()["content-type"]).toContain("text/plain");
  const txt = await llms.text();
  expect(txt).toMatch(/^# Portolan\n\n> /);
  expect(txt).toContain(`## Weather API\n\n- [Weather API v2](${baseURL}/apis/weather/v2.md)`);
  expect(txt).not.toMatch(HIDDEN);
});

test("a reference page's Markdown: at <page>.md and on Accept: text/markdown, the same text", async ({ request }) => {
  const page = "/apis/weather/v2/operations/listalerts";
  const byUrl = await request.get(`${page}.md`);
  expect(byUrl.status()).toBe(200);
  expect(byUrl.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(byUrl.headers()["vary"]).toMatch(/\bAccept\b/);
  const md = await byUrl.text();
  expect(md).toMatch(/^# List alerts\n\n`GET \/alerts`\n/);
  for (const section of ["## Authorization", "## Parameters", "| `region` | query |", "## Responses", "## Example request", "curl --request GET"]) expect(md).toContain(section);

  const negotiated = await request.get(page, { headers: { accept: "text/markdown, text/html;q=0.5" } });
  expect(negotiated.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(await negotiated.text()).toBe(md);

  const browser = await request.get(page, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
  expect(browser.headers()["content-type"]).toContain("text/html");

  for (const [url, heading] of [
    ["/apis.md", "# APIs"],
    ["/apis/weather/v2.md", "# Weather API v2"],
    ["/apis/weather/v2/tags/Alerts.md", "# Alerts"],
    ["/apis/weather/v2/schemas.md", "# Schemas"],
    ["/apis/weather/v2/schemas/Alert.md", "# `Alert`"],
    ["/apis/weather/v2/webhooks.md", "# Webhooks"],
    ["/apis/weather/v2/webhooks/alert-issued.md", "# Alert issued"],
    ["/apis/weather/latest/operations/getforecast.md", "# Get a forecast"],
  ]) {
    const res = await request.get(url!);
    expect(res.status(), url).toBe(200);
    expect((await res.text()).split("\n")[0], url).toBe(heading);
  }
});

test("Markdown renderings keep partner and internal APIs hidden, like the pages", async ({ request }) => {
  for (const url of [
    "/apis/travel/2025-06-01.md",
    "/apis/travel/2025-06-01/operations/createbooking.md",
    "/apis/accounts/v1/schemas.md",
    "/apis/no-such-api/v1.md",
    "/md/apis/weather/v2",
  ]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
  expect((await request.get("/apis/travel/2025-06-01", { headers: { accept: "text/markdown" } })).status()).toBe(404);
  expect(await (await request.get("/apis.md")).text()).not.toMatch(HIDDEN);
});

test("docs pages carry link-preview metadata, a canonical concrete-version URL and a Markdown alternate", async ({ request, baseURL }) => {
  // A link-preview bot's user agent: metadata must be in <head>, before any content streams.
  const ua = { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" };
  const html = await (await request.get("/apis/weather/latest/operations/listalerts", { headers: ua })).text();
  const head = html.slice(0, html.indexOf("</head>"));
  const canonical = `${baseURL}/apis/weather/v2/operations/listalerts`;
  expect(head).toContain("<title>List alerts · Weather API v2 · Portolan</title>");
  expect(head).toContain(`<link rel="canonical" href="${canonical}"/>`);
  expect(head).toContain(`<link rel="alternate" type="text/markdown" href="${canonical}.md"/>`);
  expect(head).toContain('<meta property="og:title" content="List alerts · Weather API v2 · Portolan"/>');
  expect(head).toContain(`<meta property="og:url" content="${canonical}"/>`);
  expect(head).toMatch(/<meta property="og:description" content="GET \/alerts: Lists the severe-weather alerts[^"]{0,200}"\/>/);
  expect(head).toContain('<meta name="twitter:card" content="summary"/>');
});

test("a browser finds the Markdown alternate and Open Graph tags on every kind of reference page", async ({ page, baseURL }) => {
  for (const [path, title] of [
    ["/apis", "APIs · Portolan"],
    ["/apis/weather/v2", "Weather API v2 · Portolan"],
    ["/apis/weather/v2/tags/Alerts", "Alerts · Weather API v2 · Portolan"],
    ["/apis/weather/v2/schemas", "Schemas · Weather API v2 · Portolan"],
    ["/apis/weather/v2/schemas/Alert", "Alert schema · Weather API v2 · Portolan"],
    ["/apis/weather/v2/webhooks/alert-issued", "Webhook alert.issued · Weather API v2 · Portolan"],
  ]) {
    await page.goto(path!);
    await expect(page).toHaveTitle(title!);
    await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute("href", `${baseURL}${path}.md`);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title!);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /\S/);
  }
});
