// @ts-check
// Next.js cache handler for rendered public docs pages: an in-memory LRU bounded by bytes.
//
// Why not Next's default: it also writes every rendered page to `.next/` on disk, where it would
// outlive a restart with changed specs (`npm start` re-ingests specs but only rebuilds when the
// sources change), and it grows without bound with 10,000+ operation pages. Rendered pages are
// derived from the spec cache, so each instance keeps its own copy in memory: nothing shared is
// lost when an instance stops, and a restart always renders from the current specs.
// Plain CommonJS because Next loads it with require() at run time, outside the bundler.

const { deferHydration } = require("./deferred-hydration.cjs");

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** @param {unknown} v */
function sizeOf(v) {
  if (v == null) return 0;
  if (typeof v === "string") return v.length * 2;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Map) {
    let n = 0;
    for (const [k, x] of v) n += sizeOf(k) + sizeOf(x);
    return n;
  }
  if (Array.isArray(v)) return v.reduce((n, x) => n + sizeOf(x), 0);
  if (typeof v === "object") {
    let n = 0;
    for (const [k, x] of Object.entries(v)) n += k.length * 2 + sizeOf(x);
    return n;
  }
  return 8;
}

/** One store per process, shared by every handler instance Next creates. */
const store = {
  /** @type {Map<string, { value: unknown, lastModified: number, tags: string[], size: number }>} */
  entries: new Map(),
  bytes: 0,
  maxBytes: Number(process.env.PAGE_CACHE_MAX_BYTES) || DEFAULT_MAX_BYTES,
  /** @type {Map<string, string>} URL path → key of its cached App Router page. */
  pageKeys: new Map(),
};

/** Next 16 keys App Router pages `/route-cache/APP_PAGE/<route hash>/$<URL path>`. */
const PAGE_KEY = /^\/route-cache\/APP_PAGE\/[^/]+\/\$(\/.*)$/;

/** @param {string} key */
function remove(key) {
  const e = store.entries.get(key);
  if (!e) return;
  store.entries.delete(key);
  store.bytes -= e.size;
  const urlPath = PAGE_KEY.exec(key)?.[1];
  if (urlPath && store.pageKeys.get(urlPath) === key) store.pageKeys.delete(urlPath);
}

/**
 * A rendered page's implicit tags (its path, e.g. "_N_T_/deprecations") travel in its
 * x-next-cache-tags header, not in ctx.tags: revalidatePath() must find them there.
 * @param {unknown} data
 * @returns {string[]}
 */
function headerTags(data) {
  const headers = /** @type {{ headers?: Record<string, unknown> } | null} */ (data)?.headers;
  const tags = headers?.["x-next-cache-tags"];
  return typeof tags === "string" ? tags.split(",") : [];
}

class PageCache {
  /** @param {string} key */
  async get(key) {
    const e = store.entries.get(key);
    if (!e) return null;
    // Map order is insertion order: re-inserting marks the entry most recently used.
    store.entries.delete(key);
    store.entries.set(key, e);
    return { value: e.value, lastModified: e.lastModified };
  }

  /**
   * @param {string} key
   * @param {unknown} data
   * @param {{ tags?: string[] } | undefined} ctx
   */
  async set(key, data, ctx) {
    remove(key);
    if (data == null) return;
    // Pages served from here are complete HTML: their scripts can wait for the first paint.
    if (typeof data === "object" && "kind" in data && data.kind === "APP_PAGE" && "html" in data && typeof data.html === "string") {
      data = { ...data, html: deferHydration(data.html) };
    }
    const size = sizeOf(data) + key.length * 2;
    if (size > store.maxBytes / 4) return; // one huge page must not evict everything else
    store.entries.set(key, { value: data, lastModified: Date.now(), tags: [...(ctx?.tags ?? []), ...headerTags(data)], size });
    const urlPath = PAGE_KEY.exec(key)?.[1];
    if (urlPath) store.pageKeys.set(urlPath, key);
    store.bytes += size;
    for (const k of store.entries.keys()) {
      if (store.bytes <= store.maxBytes) break;
      remove(k);
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const wanted = new Set(Array.isArray(tags) ? tags : [tags]);
    for (const [k, e] of store.entries) if (e.tags.some((t) => wanted.has(t))) remove(k);
  }

  resetRequestCache() {}
}

module.exports = PageCache;
module.exports.pageCacheStats = () => ({ entries: store.entries.size, bytes: store.bytes, maxBytes: store.maxBytes });
/**
 * The cached App Router page for a URL path, as stored (the same object until it is replaced,
 * revalidated or evicted), for server/docs-fast-path.cjs; undefined when there is none.
 * @param {string} urlPath
 */
module.exports.pageCacheEntry = (urlPath) => {
  const key = store.pageKeys.get(urlPath);
  return key === undefined ? undefined : store.entries.get(key);
};
