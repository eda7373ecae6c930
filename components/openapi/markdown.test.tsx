import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

// SEC-D3: spec descriptions are untrusted. Nothing in them may run in a reader's browser.
const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(2)">',
  "[click](javascript:alert(3))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)",
  "<svg><script>alert(5)</script></svg>",
  "</script><script>alert(6)</script>",
  "[ok](https://example.com/docs) and `code` and **bold**",
].join("\n\n");

describe("Markdown", () => {
  const html = renderToStaticMarkup(<Markdown text={HOSTILE} />);

  it("drops raw HTML and script-capable links", () => {
    expect(html).not.toMatch(/<script|<img|<svg|onerror|javascript:|data:text/i);
  });

  it("keeps ordinary markdown and http(s) links", () => {
    expect(html).toContain('<a href="https://example.com/docs">ok</a>');
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<strong>bold</strong>");
  });
});
