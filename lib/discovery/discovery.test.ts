import { fromMarkdown } from "mdast-util-from-markdown";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { publicApis } from "@/lib/access/visibility";
import type { CatalogApi, CatalogVersion, VersionModel } from "@/lib/specs/model";
import { llmsTxt } from "./llms";
import { previewText } from "./preview-text";
import { portalSitemap, sitemapIndex, versionPages, versionSitemap } from "./sitemap";
import { refPath } from "./urls";

const ORIGIN = "https://portal.example";

const version = (id: string, extra: Partial<CatalogVersion> = {}): CatalogVersion => ({
  id,
  lifecycle: "current",
  deprecated: null,
  sunset: null,
  status: "ok",
  format: "openapi-3.1",
  title: null,
  operationCount: 2,
  errorCount: 0,
  warningCount: 0,
  contentHash: "x",
  failure: null,
  ...extra,
});

const api = (id: string, visibility: CatalogApi["visibility"], versions: CatalogVersion[]): CatalogApi => ({
  id,
  name: `${id} API`,
  summary: `All about ${id}.`,
  visibility,
  owners: [],
  versions,
  latestVersion: versions.at(-1)?.id ?? null,
  catalogErrorCount: 0,
});

const catalog = [
  api("weather", "public", [version("v1", { lifecycle: "deprecated", sunset: "2027-03-31" }), version("v2")]),
  api("travel", "partner", [version("2025-06-01")]),
  api("accounts", "internal", [version("v1")]),
  api("typo", null, [version("v1")]),
];

const model: VersionModel = {
  format: "openapi-3.1",
  formatVersion: "3.1.0",
  title: "Weather",
  infoVersion: "2.0.0",
  description: null,
  servers: [],
  securitySchemes: [],
  tags: [{ name: "Alert kinds & more", description: null }],
  operations: [
    { slug: "listalerts", method: "get", path: "/alerts", operationId: "listAlerts", title: "List alerts", tags: ["Alert kinds & more"], deprecated: false, sunset: null },
    { slug: "post-x", method: "post", path: "/x", operationId: null, title: "POST /x", tags: [], deprecated: false, sunset: null },
  ],
  schemaNames: ["Alert", "Odd/Name"],
  webhooks: [{ slug: "alert-issued", name: "alert.issued", method: "post", title: "Alert issued", deprecated: false }],
};

describe("sitemap", () => {
  const index = sitemapIndex(ORIGIN, publicApis(catalog));

  it("indexes one sitemap per version of public APIs only", () => {
    const locs = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      `${ORIGIN}/sitemaps/portal.xml`,
      `${ORIGIN}/sitemaps/apis/weather/v1.xml`,
      `${ORIGIN}/sitemaps/apis/weather/v2.xml`,
    ]);
    expect(index).not.toMatch(/travel|accounts|typo/);
    expect(index).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  });

  it("lists every page of a version with absolute, escaped URLs, and no `latest` alias", () => {
    const { xml, total } = versionSitemap(ORIGIN, catalog[0]!, catalog[0]!.versions[1]!, model);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(total).toBe(10);
    expect(locs).toEqual([
      `${ORIGIN}/apis/weather/v2`,
      `${ORIGIN}/apis/weather/v2/tags/Alert%20kinds%20%26%20more`,
      `${ORIGIN}/apis/weather/v2/tags/Other`,
      `${ORIGIN}/apis/weather/v2/operations/listalerts`,
      `${ORIGIN}/apis/weather/v2/operations/post-x`,
      `${ORIGIN}/apis/weather/v2/webhooks`,
      `${ORIGIN}/apis/weather/v2/webhooks/alert-issued`,
      `${ORIGIN}/apis/weather/v2/schemas`,
      `${ORIGIN}/apis/weather/v2/schemas/Alert`,
      `${ORIGIN}/apis/weather/v2/schemas/Odd%2FName`,
    ]);
    expect(xml).not.toContain("latest");
  });

  it("lists the global changelog and deprecations and each public API's in the portal sitemap", () => {
    const xml = portalSitemap(ORIGIN, publicApis(catalog));
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([`${ORIGIN}/`, `${ORIGIN}/apis`, `${ORIGIN}/changelog`, `${ORIGIN}/deprecations`, `${ORIGIN}/apis/weather/changelog`, `${ORIGIN}/apis/weather/deprecations`]);
  });

  it("lists only the problem page of a version that failed to load", () => {
    expect(versionPages(null)).toEqual([{ kind: "overview" }]);
  });

  it("escapes XML in URLs", () => {
    const { xml } = versionSitemap("https://p.example/a&b", catalog[0]!, catalog[0]!.versions[1]!, null);
    expect(xml).toContain("<loc>https://p.example/a&amp;b/apis/weather/v2</loc>");
  });
});

describe("llms.txt", () => {
  const txt = llmsTxt(ORIGIN, publicApis(catalog));

  it("has an H1, a summary blockquote and one section of links per public API", () => {
    const lines = txt.split("\n");
    expect(lines[0]).toBe("# Portolan");
    expect(lines[2]).toMatch(/^> API reference for 1 public API\. .*\.md appended.*Accept: text\/markdown/);
    expect(txt).toContain("## weather API\n\n");
    expect(txt).toContain(`- [weather API v2](${ORIGIN}/apis/weather/v2.md): All about weather. (current, 2 operations, latest)`);
    expect(txt).toContain(`- [weather API v1](${ORIGIN}/apis/weather/v1.md): deprecated, sunset 2027-03-31, 2 operations`);
    expect(txt).toContain(`## Optional\n\n- [API catalog](${ORIGIN}/apis.md)`);
  });

  it("never names partner, internal or withheld APIs", () => {
    expect(txt).not.toMatch(/travel|accounts|typo/);
  });

  it("keeps hostile API names and summaries as text", () => {
    const evil = api("evil", "public", [version("v1")]);
    evil.name = "Evil](javascript:alert(1)) <script>x</script>\n# Heading";
    evil.summary = "<img src=x onerror=alert(2)> [y](javascript:alert(3))";
    const out = llmsTxt(ORIGIN, [evil]);
    const tree = fromMarkdown(out);
    const links: string[] = [];
    visit(tree, "link", (n) => void links.push(n.url));
    expect(links).toEqual([`${ORIGIN}/apis/evil/v1.md`, `${ORIGIN}/apis.md`, `${ORIGIN}/sitemap.xml`, `${ORIGIN}/apis/evil/v1/openapi.json`]);
    expect(tree.children.filter((n) => n.type === "heading" && n.depth === 1)).toHaveLength(1);
    expect(out).not.toMatch(/(^|[^\\])<(script|img)/);
  });
});

describe("URLs and previews", () => {
  it("encodes names in paths the way the pages link them", () => {
    expect(refPath("weather", "v2", { kind: "schema", name: "Odd/Name" })).toBe("/apis/weather/v2/schemas/Odd%2FName");
    expect(refPath("weather", "2024-01-01", { kind: "overview" })).toBe("/apis/weather/2024-01-01");
  });

  it("trims Markdown to plain text at a word boundary", () => {
    expect(previewText("Lists **active** alerts, see [docs](https://x.example).\n\n<script>x</script>")).toBe("Lists active alerts, see docs. <script>x</script>");
    const long = previewText("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith("word…")).toBe(true);
  });
});
