import fs from "node:fs";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { highlightToHtml, MAX_HIGHLIGHT_CHARS } = await import("./index");
const { CLASS_BY_KEY, paletteCss } = await import("./palette");

const SAMPLES = {
  shell: `curl --request POST \\\n  --url 'https://api.example.com/v2/alerts?region=eu' \\\n  --header 'Authorization: Bearer <token>' \\\n  --data '{"a":1}'`,
  javascript: `const url = 'https://api.example.com/alerts';\nconst options = {method: 'GET', headers: {Accept: 'application/json'}};\ntry {\n  const response = await fetch(url, options);\n  console.log(await response.json());\n} catch (error) { console.error(error); }`,
  python: `import requests\n\nurl = "https://api.example.com/alerts"\nresponse = requests.get(url, params={"region": "eu"})\nprint(response.json())`,
  go: `package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\treq, _ := http.NewRequest("GET", "https://x", nil)\n\tfmt.Println(req)\n}`,
  json: JSON.stringify({ id: "a1", count: 3, ok: true, none: null, list: [1.5, "x"] }, null, 2),
  yaml: `openapi: 3.1.0\ninfo:\n  title: Weather # comment\n  version: "2"\nlist:\n  - 1\n  - true`,
} as const;

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("server-side syntax highlighting", () => {
  for (const [lang, code] of Object.entries(SAMPLES)) {
    it(`highlights ${lang} with palette classes only, keeping the text exact`, () => {
      const html = highlightToHtml(code, lang as keyof typeof SAMPLES);
      expect(text(html)).toBe(code);
      const classes = [...html.matchAll(/<span class="([^"]+)">/g)].map((m) => m[1]);
      expect(classes.length).toBeGreaterThan(2);
      const known = new Set(CLASS_BY_KEY.values());
      for (const c of classes) expect(known.has(c!), c).toBe(true);
      // No inline styles: compact, and nothing a strict style-src CSP would block.
      expect(html).not.toContain("style=");
    });
  }

  it("escapes hostile content: spec text stays text", () => {
    const hostile = `{"x": "</code><script>alert(1)</script><img src=x onerror=alert(2)> &amp;"}`;
    for (const lang of ["json", "shell", "text"] as const) {
      const html = highlightToHtml(hostile, lang);
      expect(html).not.toMatch(/<(script|img|\/code)/i);
      expect(text(html)).toBe(hostile);
    }
  });

  it("leaves very large code plain (escaped, no spans)", () => {
    const big = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ i, name: `<n${i}>` })) }, null, 2);
    expect(big.length).toBeGreaterThan(MAX_HIGHLIGHT_CHARS);
    const html = highlightToHtml(big, "json");
    expect(html).not.toContain("<span");
    expect(html).toContain("&lt;n1&gt;");
  });

  it("is fast once warm, and caches", () => {
    highlightToHtml(SAMPLES.json, "json");
    const code = JSON.stringify({ data: Array.from({ length: 60 }, (_, i) => ({ id: i, label: `item ${i}`, on: i % 2 === 0 })) }, null, 2);
    let t = performance.now();
    const first = highlightToHtml(code, "json");
    const cold = performance.now() - t;
    t = performance.now();
    expect(highlightToHtml(code, "json")).toBe(first);
    expect(performance.now() - t).toBeLessThan(Math.max(2, cold));
  });

  it("the checked-in stylesheet matches the palette (regenerate: npx tsx scripts/highlight-css.ts)", () => {
    expect(fs.readFileSync("components/ui/code-highlight.css", "utf8")).toBe(paletteCss());
  });
});
