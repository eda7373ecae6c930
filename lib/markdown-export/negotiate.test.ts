import { describe, expect, it } from "vitest";
import { markdownRewrite, prefersMarkdown } from "./negotiate";

describe("Accept negotiation", () => {
  it.each([
    ["text/markdown", true],
    ["text/markdown, text/html;q=0.9", true],
    ["text/markdown, */*", true],
    ["text/html, text/markdown;q=0.9", false],
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false], // a browser
    ["*/*", false],
    ["text/markdown;q=0, */*", false],
    ["text/plain, text/markdown;q=0.5, */*;q=0.1", true],
    ["", false],
  ])("%s → markdown: %s", (accept, expected) => {
    expect(prefersMarkdown(accept)).toBe(expected);
  });
});

describe("which requests are rewritten to the Markdown route", () => {
  it("rewrites .md of every reference page, and of /apis/<api> (a redirect)", () => {
    for (const p of ["/apis", "/apis/weather/v2", "/apis/weather/latest/operations/listalerts", "/apis/weather/v2/tags/Alert%20kinds", "/apis/weather/v2/schemas", "/apis/weather/v2/schemas/Alert", "/apis/weather/v2/webhooks", "/apis/weather/v2/webhooks/alert-issued", "/apis/weather"]) {
      expect(markdownRewrite(`${p}.md`, null)).toBe(`/md${p}`);
    }
  });

  it("rewrites the page's own URL when Accept prefers Markdown", () => {
    expect(markdownRewrite("/apis/weather/v2/operations/listalerts", "text/markdown")).toBe("/md/apis/weather/v2/operations/listalerts");
    expect(markdownRewrite("/apis/weather/v2/operations/listalerts", "text/html")).toBeNull();
  });

  it("rewrites changelog pages and diffs, but not their feeds", () => {
    for (const p of ["/changelog", "/changelog/breaking", "/apis/weather/changelog", "/apis/weather/changelog/deprecation", "/apis/weather/diff/v1...v2"]) {
      expect(markdownRewrite(`${p}.md`, null)).toBe(`/md${p}`);
      expect(markdownRewrite(p, "text/markdown")).toBe(`/md${p}`);
    }
    for (const p of ["/changelog/feed.xml", "/apis/weather/changelog/feed.json", "/apis/weather/changelog/atom.xml", "/changelog/other"]) {
      expect(markdownRewrite(p, "text/markdown")).toBeNull();
    }
  });

  it("leaves downloads and other paths alone", () => {
    for (const p of ["/apis/weather/v2/openapi.json", "/apis/weather/v2/openapi.json.md", "/apis/weather/v2/operations/a/b.md", "/healthz.md", "/apis/weather"]) {
      expect(markdownRewrite(p, "text/markdown")).toBeNull();
    }
  });
});
