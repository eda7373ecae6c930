// Routing and response headers only, never an access check (pages and the data layer decide).
// 1. Account and sign-in pages: per-request CSP nonce and next-auth's CSRF cookie
//    (lib/http/auth-page-proxy.ts).
// 2. Partner and internal APIs' reference pages go to a dynamic copy of the (static) pages that
//    can read the session: lib/access/restricted-route.ts.
// 3. Markdown renderings of reference pages, by URL suffix (`…/operations/listalerts.md`) or by
//    content negotiation (`Accept: text/markdown`): both are rewritten to one internal route
//    handler (app/md/[...path]/route.ts), which resolves the page and checks visibility like the
//    HTML page does. A rewrite keeps the public URL; a route handler per page type could not
//    negotiate on Accept, because a page.tsx always answers HTML.
// The matcher lists exactly these paths: the static docs pages pay for nothing more here.
import { NextResponse, type NextRequest } from "next/server";
import { RESTRICTED_PREFIX, restrictedRewrite } from "@/lib/access/restricted-route";
import { authPageProxy } from "@/lib/http/auth-page-proxy";
import { NONCE_PAGE_PATTERN } from "@/lib/http/csp";
import { MARKDOWN_ROUTE_PREFIX, markdownRewrite } from "@/lib/markdown-export/negotiate";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (NONCE_PAGE_PATTERN.test(pathname)) return authPageProxy(request);
  // The internal routes are reachable through the rewrites only.
  const internal = [MARKDOWN_ROUTE_PREFIX, RESTRICTED_PREFIX].some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (internal) {
    return new NextResponse("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // Client-side navigations fetch React Server Component payloads: never Markdown.
  const target = request.headers.has("rsc") ? null : markdownRewrite(pathname, request.headers.get("accept"));
  // The Markdown answer says `Vary: Accept` and `no-store`. The cacheable HTML answer cannot say
  // Vary: Accept (Next sets Vary itself, after this, and a next.config header is overwritten), so
  // a CDN in front may answer an Accept: text/markdown request with cached HTML; the `.md` URLs
  // always work. README, "Caching", says to key the CDN on Accept for /apis/* where it can.
  // Partner and internal APIs' pages go to their dynamic copy (lib/access/restricted-route.ts).
  const rewrite = target ?? restrictedRewrite(pathname);
  return rewrite ? NextResponse.rewrite(new URL(rewrite, request.url)) : NextResponse.next();
}

export const config = {
  // Keep the auth paths in step with NONCE_PAGE_PATTERN (lib/http/csp.ts) and with the static
  // policy's exclusions in next.config.js (a matcher must be a literal).
  matcher: [
    "/apis",
    "/apis.md",
    "/apis/:path*",
    "/changelog",
    "/changelog.md",
    "/changelog/:path*",
    "/md",
    "/md/:path*",
    "/restricted-apis/:path*",
    "/signin",
    "/signout",
    "/account",
    "/account/:path*",
    "/admin",
    "/admin/:path*",
    "/auth/:path*",
    "/dev/mailbox",
    "/subscribe",
    "/subscribe/:path*",
    "/unsubscribe/:path*",
  ],
};
