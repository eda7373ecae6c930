// @ts-check
// Preloaded into the Next.js process by `npm start` (NODE_OPTIONS=--require, production only):
// answers repeat requests for cached public docs pages from memory, before Next's router.
//
// Why: a cached operation page reached the browser ~20 ms later from `next start` than the same
// bytes written at once (routing, proxy.ts, the cache handler, gzip of ~350–570 KB per request,
// nine chunks), and the parse follows the slower arrival: ~30 ms of a ~140 ms first paint
// (README, Benchmarks, "Where Portolan's ~140 ms go").
//
// What it serves, and only that: a GET or HEAD without query string, conditional headers,
// Markdown in Accept or React Server Component headers, for a path under /apis/ whose previous
// answer from Next was a 200 served from the page cache (`x-nextjs-cache: HIT`). The answer is
// that cache entry's HTML, precompressed once (brotli and gzip), with exactly the headers Next
// sent for it (Date aside). Everything else goes to Next, which stays the only one to decide
// anything: partner and internal APIs never come from the page cache (proxy.ts sends them to
// per-request copies marked no-store), so they never get here. An entry that was revalidated,
// replaced or evicted is a different object (or none), and a stale one (older than its
// s-maxage) goes back to Next, which refreshes it; records are held in a WeakMap keyed by the
// cache entry, so they go when it goes.
const http = require("node:http"); // types (JSDoc) only
const zlib = require("node:zlib");
const { pageCacheEntry } = require("./page-cache.cjs");
const { wrapEveryRequestListener } = require("./wrap-request-listener.cjs");

/** Marks answers from here (tests and operators can tell them from Next's). */
const MARK = "x-portolan-cache";
const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
const CONDITIONAL = ["if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range", "range"];
/** Headers of Next's answer that belong to that one response, not to the page. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-encoding", "content-length"]);

/**
 * @typedef {{ headers: Record<string, string | string[]>, maxAgeMs: number, gzip?: Buffer, br?: Buffer }} FastRecord
 * @type {WeakMap<object, FastRecord>}
 */
const records = new WeakMap();

/** @param {http.IncomingMessage} req */
function candidatePath(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  if (!url.startsWith("/apis/") || url.includes("?") || url.includes("%") || url.endsWith(".md")) return null;
  const h = req.headers;
  if (RSC_HEADERS.some((n) => h[n] !== undefined) || CONDITIONAL.some((n) => h[n] !== undefined)) return null;
  if (String(h.accept ?? "").includes("markdown")) return null;
  return url;
}

/** brotli, else gzip, else null (identity: left to Next). `q=0` refuses an encoding. */
function chooseEncoding(/** @type {string} */ acceptEncoding) {
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q.set((name ?? "").trim(), qp ? Number(qp.slice(2)) || 0 : 1);
  }
  const ok = (/** @type {string} */ e) => (q.get(e) ?? q.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

/** @param {unknown} entry */
function htmlOf(entry) {
  const value = /** @type {{ value?: { kind?: string, html?: unknown } } | undefined} */ (entry)?.value;
  return value?.kind === "APP_PAGE" && typeof value.html === "string" ? value.html : null;
}

/**
 * The answer from memory, or false when Next must answer.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {string} path
 */
function serveFromMemory(req, res, path) {
  const entry = pageCacheEntry(path);
  const record = entry && records.get(entry);
  if (!entry || !record || Date.now() - entry.lastModified >= record.maxAgeMs) return false;
  const encoding = chooseEncoding(String(req.headers["accept-encoding"] ?? ""));
  const body = encoding === "br" ? record.br : encoding === "gzip" ? record.gzip : undefined;
  if (!encoding || !body) return false;
  res.writeHead(200, { ...record.headers, "content-encoding": encoding, "content-length": String(body.length), [MARK]: "memory" });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/**
 * After Next answered: when it served this path's page from the cache, keep what is needed to
 * answer the next request from memory.
 * @param {string} path
 * @param {http.ServerResponse} res
 */
function remember(path, res) {
  if (res.statusCode !== 200 || res.getHeader("x-nextjs-cache") !== "HIT") return;
  const entry = pageCacheEntry(path);
  const html = htmlOf(entry);
  if (!entry || html === null || records.has(entry)) return;
  const cacheControl = String(res.getHeader("cache-control") ?? "");
  const sMaxAge = /s-maxage=(\d+)/.exec(cacheControl)?.[1];
  if (!sMaxAge || /no-store|private/.test(cacheControl)) return;
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  for (const [k, v] of Object.entries(res.getHeaders())) if (v !== undefined && !PER_RESPONSE.has(k)) headers[k] = typeof v === "number" ? String(v) : v;
  /** @type {FastRecord} */
  const record = { headers, maxAgeMs: Number(sMaxAge) * 1000 };
  records.set(entry, record);
  // Compressed in the thread pool, off the event loop; the record serves once both are ready.
  const source = Buffer.from(html);
  zlib.gzip(source, { level: 6 }, (e, gz) => {
    if (!e) record.gzip = gz;
  });
  zlib.brotliCompress(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 8, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length } }, (e, br) => {
    if (!e) record.br = br;
  });
}

/**
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => unknown} listener
 * @returns {(req: http.IncomingMessage, res: http.ServerResponse) => unknown}
 */
function withFastPath(listener) {
  return function fastPath(req, res) {
    const path = candidatePath(req);
    if (path === null) return listener.call(this, req, res);
    try {
      if (serveFromMemory(req, res, path)) return;
    } catch {
      if (res.headersSent) return;
    }
    res.once("finish", () => {
      try {
        remember(path, res);
      } catch {
        // Only a lost shortcut: Next keeps answering.
      }
    });
    return listener.call(this, req, res);
  };
}

if (process.env.PORTOLAN_DOCS_FAST_PATH !== "0") wrapEveryRequestListener(withFastPath);

module.exports = { candidatePath, chooseEncoding, withFastPath };
