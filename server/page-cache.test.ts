// The page cache drops a rendered page when revalidatePath() names it: Next passes a page's
// implicit path tags in its x-next-cache-tags header, not in ctx.tags.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const PageCache = createRequire(import.meta.url)("./page-cache.cjs");

describe("page cache", () => {
  it("revalidateTag removes pages whose header tags match, and keeps the others", async () => {
    const cache = new PageCache();
    const page = (path: string) => ({ kind: "APP_PAGE", html: `<p>${path}</p>`, headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_${path}/page,_N_T_${path}` } });
    await cache.set("/apis/weather/deprecations", page("/apis/weather/deprecations"), {});
    await cache.set("/deprecations", page("/deprecations"), {});
    await cache.set("/fetch", { kind: "FETCH" }, { tags: ["custom"] });
    await cache.revalidateTag("_N_T_/apis/weather/deprecations");
    expect(await cache.get("/apis/weather/deprecations")).toBeNull();
    expect(await cache.get("/deprecations")).not.toBeNull();
    await cache.revalidateTag(["custom"]);
    expect(await cache.get("/fetch")).toBeNull();
  });
});
