import { describe, expect, it } from "vitest";
import { locsOf, showsOperation, visibleText } from "./sitemap-check";

describe("sitemap check helpers", () => {
  it("reads <loc>s with entities decoded", () => {
    expect(locsOf("<urlset><url><loc>https://p.example/a?x=1&amp;y=2</loc></url><url><loc> https://p.example/b </loc></url></urlset>")).toEqual([
      "https://p.example/a?x=1&y=2",
      "https://p.example/b",
    ]);
  });

  it("finds the method next to the path in the visible text, not in scripts or apart", () => {
    const header = '<h1>Get a repo</h1><p><span class="uppercase">get</span><code>/repos/{owner}/{repo}</code></p>';
    expect(showsOperation(header, "get", "/repos/{owner}/{repo}")).toBe(true);
    expect(showsOperation(header, "delete", "/repos/{owner}/{repo}")).toBe(false);
    expect(showsOperation('<script>"get /repos/{owner}/{repo}"</script><p>get</p>', "get", "/repos/{owner}/{repo}")).toBe(false);
    expect(showsOperation("<p>get</p><code>/a&amp;b</code>", "get", "/a&b")).toBe(true);
    expect(showsOperation("<span>post</span><code>webhook alert.issued</code>", "post", "alert.issued", true)).toBe(true);
    expect(visibleText("a<br>b &lt;c&gt;&#x41;")).toBe("a b <c>A");
  });
});
