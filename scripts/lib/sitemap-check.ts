// The check behind scripts/check-sitemap.ts and e2e/discovery.spec.ts: every operation and webhook
// of every version the sitemap lists has a page, found through /sitemap.xml, that answers 200
// with the operation's method and path on it.
//
// What each page must show comes from the version's own description (its openapi.json download),
// read with the portal's normalize step for the URL slugs, so the check also catches an operation
// the sitemap leaves out. Sitemap URLs carry PORTAL_URL's origin; they are fetched from `base`.
import { normalize } from "@/lib/specs/normalize";

export interface CheckOptions {
  /** Where the portal answers, e.g. http://127.0.0.1:3232 (may differ from PORTAL_URL). */
  base: string;
  concurrency?: number;
  timeoutMs?: number;
  /** Called after each page, for progress output. */
  onPage?: (done: number, total: number) => void;
}

export interface Failure {
  url: string;
  reason: string;
}

export interface CheckReport {
  sitemaps: number;
  urls: number;
  versions: number;
  operations: number;
  webhooks: number;
  /** Operation and webhook pages fetched. */
  checked: number;
  failures: Failure[];
  ms: number;
}

const PAGE = /^\/apis\/([^/]+)\/([^/]+)\/(operations|webhooks)\/([^/]+)$/;
// A version's overview; /apis/<api>/changelog and /apis/<api>/deprecations (also in the
// sitemap) are the API's changelog and deprecation notices.
const VERSION = /^\/apis\/([^/]+)\/(?!(?:changelog|deprecations)$)([^/]+)$/;

/** The <loc> values of a sitemap or sitemap index, XML entities decoded. */
export function locsOf(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) =>
    m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!),
  );
}

/** The text a reader sees, roughly: scripts dropped, tags as spaces, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_, dec: string, hex: string, name: string) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " } as Record<string, string>)[name.toLowerCase()]!,
    )
    .replace(/\s+/g, " ");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when the page shows the method next to the path (the operation's header line). */
export function showsOperation(html: string, method: string, path: string, webhook = false): boolean {
  const pattern = new RegExp(`(^|\\s)${escapeRegExp(method)}\\s+${webhook ? "webhook\\s+" : ""}${escapeRegExp(path.replace(/\s+/g, " "))}(\\s|$)`, "i");
  return pattern.test(visibleText(html));
}

async function get(url: string, timeoutMs: number): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual", headers: { accept: "text/html" } });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

interface Expected {
  url: string;
  method: string;
  path: string;
  webhook: boolean;
}

export async function checkSitemap(options: CheckOptions): Promise<CheckReport> {
  const started = Date.now();
  const base = new URL(options.base).origin;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const local = (loc: string) => {
    const u = new URL(loc);
    return `${base}${u.pathname}${u.search}`;
  };
  const failures: Failure[] = [];

  // 1. The sitemap index, and the sitemaps it names (or a single urlset).
  const root = await get(`${base}/sitemap.xml`, timeoutMs);
  if (root.status !== 200) return { sitemaps: 0, urls: 0, versions: 0, operations: 0, webhooks: 0, checked: 0, failures: [{ url: `${base}/sitemap.xml`, reason: `HTTP ${root.status}` }], ms: Date.now() - started };
  const sitemapUrls = root.body.includes("<sitemapindex") ? locsOf(root.body).map(local) : [];
  const urls: string[] = sitemapUrls.length ? [] : locsOf(root.body);
  for (const sm of sitemapUrls) {
    const res = await get(sm, timeoutMs);
    if (res.status !== 200) failures.push({ url: sm, reason: `sitemap: HTTP ${res.status}` });
    else urls.push(...locsOf(res.body));
  }
  const paths = new Set(urls.map((u) => new URL(u).pathname));

  // 2. What each listed version must have, from its description; every operation must be listed.
  const versions = [...paths].flatMap((p) => (VERSION.test(p) ? [p] : []));
  const expected: Expected[] = [];
  let operations = 0;
  let webhooks = 0;
  for (const versionPath of versions) {
    const res = await get(`${base}${versionPath}/openapi.json`, timeoutMs);
    if (res.status !== 200) {
      // A version that failed to load has a problem page and no operations to check.
      if (res.status !== 404) failures.push({ url: `${base}${versionPath}/openapi.json`, reason: `description: HTTP ${res.status}` });
      continue;
    }
    const model = normalize(JSON.parse(res.body) as Record<string, unknown>);
    for (const op of model.operations) {
      const url = `${base}${versionPath}/operations/${encodeURIComponent(op.slug)}`;
      expected.push({ url, method: op.method, path: op.path, webhook: false });
      operations++;
    }
    for (const w of model.webhooks) {
      expected.push({ url: `${base}${versionPath}/webhooks/${encodeURIComponent(w.slug)}`, method: w.method, path: w.name, webhook: true });
      webhooks++;
    }
  }
  const listed = new Set([...paths].filter((p) => PAGE.test(p)).map((p) => `${base}${p}`));
  for (const e of expected) if (!listed.has(e.url)) failures.push({ url: e.url, reason: "not listed in the sitemap" });
  const known = new Set(expected.map((e) => e.url));
  for (const url of listed) if (!known.has(url)) failures.push({ url, reason: "listed in the sitemap, but not in the version's description" });

  // 3. Every page: 200, HTML, method and path on it.
  let done = 0;
  const pages = expected.filter((e) => listed.has(e.url));
  await pool(pages, options.concurrency ?? 2, async (e) => {
    try {
      const res = await get(e.url, timeoutMs);
      if (res.status !== 200) failures.push({ url: e.url, reason: `HTTP ${res.status}` });
      else if (!res.type.startsWith("text/html")) failures.push({ url: e.url, reason: `content-type ${res.type}` });
      else if (!showsOperation(res.body, e.method, e.path, e.webhook)) failures.push({ url: e.url, reason: `"${e.method.toUpperCase()} ${e.path}" not on the page` });
    } catch (err) {
      failures.push({ url: e.url, reason: (err as Error).message });
    }
    done++; // (not inside the optional call below: its arguments are skipped when onPage is unset)
    options.onPage?.(done, pages.length);
  });

  return { sitemaps: sitemapUrls.length, urls: urls.length, versions: versions.length, operations, webhooks, checked: done, failures, ms: Date.now() - started };
}
