// Which requests get a reference page's Markdown rendering: `<page>.md`, or the page's own URL
// with an Accept header that prefers text/markdown. Pure, so proxy.ts stays a few lines and this
// is unit-tested.

/** Internal prefix of the route handler that renders Markdown (app/md/[...path]/route.ts). */
export const MARKDOWN_ROUTE_PREFIX = "/md";

/** The catalog and every page under a version: overview, operations/…, tags/…, schemas[/…], webhooks[/…]. */
const REFERENCE_PAGE = /^\/apis(?:\/[^/]+\/[^/]+(?:\/(?:operations|tags|schemas|webhooks)\/[^/]+|\/schemas|\/webhooks)?)?$/;
/** `/apis/<api>` answers with a redirect to its latest version; its `.md` redirects likewise. */
const API_INDEX = /^\/apis\/[^/]+$/;

/** Changelogs (one API's, or every public API's; optionally by severity) and diffs between versions. */
const CHANGELOG_PAGE = /^(?:\/apis\/[^/]+)?\/changelog(?:\/(?:breaking|deprecation|non-breaking|documentation))?$|^\/apis\/[^/]+\/diff\/[^/]+$/;

export function isReferencePage(pathname: string): boolean {
  return REFERENCE_PAGE.test(pathname) || CHANGELOG_PAGE.test(pathname);
}

interface Range {
  type: string;
  q: number;
}

function parseAccept(header: string): Range[] {
  return header.split(",").flatMap((part) => {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    if (!type) return [];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return [{ type: type.trim(), q: Number.isFinite(q) ? Math.min(1, Math.max(0, q)) : 1 }];
  });
}

/**
 * True when the Accept header ranks text/markdown above text/html, or equal to an HTML that is
 * matched only through a wildcard (`text/markdown, *\/*`). Browsers ask for text/html first.
 */
export function prefersMarkdown(accept: string | null | undefined): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  const q = (types: string[]) => Math.max(-1, ...ranges.filter((r) => types.includes(r.type)).map((r) => r.q));
  const md = q(["text/markdown", "text/x-markdown"]);
  if (md <= 0) return false;
  const htmlExplicit = q(["text/html", "application/xhtml+xml"]);
  const html = htmlExplicit >= 0 ? htmlExplicit : q(["text/*", "*/*"]);
  return md > html || (md === html && htmlExplicit < 0);
}

/** The internal path to rewrite to, or null to serve the request as it is. */
export function markdownRewrite(pathname: string, accept: string | null | undefined): string | null {
  if (pathname.endsWith(".md")) {
    const page = pathname.slice(0, -3);
    return isReferencePage(page) || API_INDEX.test(page) ? MARKDOWN_ROUTE_PREFIX + page : null;
  }
  return isReferencePage(pathname) && prefersMarkdown(accept) ? MARKDOWN_ROUTE_PREFIX + pathname : null;
}
