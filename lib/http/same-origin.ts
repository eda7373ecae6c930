// Cross-site request forgery check for state-changing route handlers (SEC-C2). Browsers send
// `Origin` on every POST/PUT/PATCH/DELETE and `Sec-Fetch-Site` on every request; both are set
// by the browser, not by page script. A request is accepted only when its Origin is exactly the
// portal's own origin (PORTAL_URL) and, when present, Sec-Fetch-Site says same-origin. A missing
// Origin is refused (Next.js lets it through with a warning), and so is `Origin: null`
// (sandboxed frames, some redirects; GHSA-mq59-m269-xvcx treated it as missing). Safe methods
// (GET, HEAD, OPTIONS) pass: they must never change state anyway.

type HeaderBag = { get(name: string): string | null };

export type OriginCheck = { ok: true } | { ok: false; reason: "missing-origin" | "null-origin" | "foreign-origin" | "cross-site" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function checkSameOrigin(request: { method: string; headers: HeaderBag }, portalOrigin: string): OriginCheck {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return { ok: false, reason: "cross-site" };
  const origin = request.headers.get("origin");
  if (origin === null || origin.trim() === "") return { ok: false, reason: "missing-origin" };
  if (origin.trim().toLowerCase() === "null") return { ok: false, reason: "null-origin" };
  let expected: string;
  try {
    expected = new URL(portalOrigin).origin;
  } catch {
    return { ok: false, reason: "foreign-origin" };
  }
  return origin.trim().toLowerCase() === expected.toLowerCase() ? { ok: true } : { ok: false, reason: "foreign-origin" };
}

/** The answer to a request that failed the check: 403, plain text, nothing echoed. */
export function crossSiteRefused(): Response {
  return new Response("Cross-site request refused.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
