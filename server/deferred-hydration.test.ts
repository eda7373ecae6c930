import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const { deferHydration } = createRequire(import.meta.url)("./deferred-hydration.cjs") as { deferHydration: (html: string) => string };

const page = [
  '<!DOCTYPE html><html><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/c.js"/>',
  '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js" async=""></script>',
  '<script src="/_next/static/chunks/poly.js" noModule=""></script></head>',
  "<body><main><h1>Get a pull request</h1></main>",
  '<script src="/_next/static/chunks/c.js" async=""></script><script>self.__next_f.push([1,"x"])</script></body></html>',
].join("");

describe("deferHydration", () => {
  it("moves every async framework script behind the first paint, in order, and drops script preloads", () => {
    const out = deferHydration(page);
    expect(out).not.toMatch(/<script src="[^"]+" async="">/);
    expect(out).not.toContain('rel="preload" as="script"');
    const loader = out.match(/<script data-deferred-hydration="">([\s\S]*?)<\/script><\/body>/);
    expect(loader).not.toBeNull();
    expect(loader![1]).toContain('["/_next/static/chunks/a.js","/_next/static/chunks/b.js","/_next/static/chunks/c.js"]');
    expect(loader![1]).toContain("requestAnimationFrame");
  });

  it("keeps the content, the RSC payload and nomodule scripts untouched", () => {
    const out = deferHydration(page);
    expect(out).toContain("<main><h1>Get a pull request</h1></main>");
    expect(out).toContain('<script>self.__next_f.push([1,"x"])</script>');
    expect(out).toContain('<script src="/_next/static/chunks/poly.js" noModule=""></script>');
  });

  it("is idempotent and leaves unexpected markup as rendered", () => {
    const once = deferHydration(page);
    expect(deferHydration(once)).toBe(once);
    const noBody = page.replace("</body>", "");
    expect(deferHydration(noBody)).toBe(noBody);
    const noScripts = "<html><body><h1>x</h1></body></html>";
    expect(deferHydration(noScripts)).toBe(noScripts);
  });

  it("runs the loader as written: scripts are added once, after a frame", async () => {
    const loader = deferHydration(page).match(/<script data-deferred-hydration="">([\s\S]*?)<\/script>/)![1]!;
    const added: string[] = [];
    const frames: (() => void)[] = [];
    const timers: (() => void)[] = [];
    const document = { createElement: () => ({}) as { src?: string }, body: { appendChild: (e: { src: string }) => added.push(e.src) } };
    new Function("document", "requestAnimationFrame", "setTimeout", loader)(document, (f: () => void) => frames.push(f), (f: () => void) => timers.push(f));
    expect(added).toEqual([]);
    frames.forEach((f) => f());
    timers.forEach((f) => f());
    timers.forEach((f) => f());
    expect(added).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js", "/_next/static/chunks/c.js"]);
  });
});
