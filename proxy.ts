// Markdown renderings of reference pages, by URL suffix (`…/operations/listalerts.md`) or by
// content negotiation (`Accept: text/markdown`): both are rewritten to one internal route handler
// (app/md/[...path]/route.ts), which resolves the page and checks visibility like the HTML page
// does. A rewrite keeps the public URL; a route handler per page type could not negotiate on
// Accept, because a page.tsx always answers HTML. This is routing only, never an access check.
import { NextResponse, type NextRequest } from "next/server";
import { MARKDOWN_ROUTE_PREFIX, markdownRewrite } from "@/lib/markdown-export/negotiate";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // The internal route is reachable through the rewrite only.
  if (pathname === MARKDOWN_ROUTE_PREFIX || pathname.startsWith(`${MARKDOWN_ROUTE_PREFIX}/`)) {
    return new NextResponse("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // Client-side navigations fetch React Server Component payloads: never Markdown.
  const target = request.headers.has("rsc") ? null : markdownRewrite(pathname, request.headers.get("accept"));
  // The Markdown answer says `Vary: Accept` and `no-store`. The cacheable HTML answer cannot say
  // Vary: Accept (Next sets Vary itself, after this, and a next.config header is overwritten), so
  // a CDN in front may answer an Accept: text/markdown request with cached HTML; the `.md` URLs
  // always work. README, "Caching", says to key the CDN on Accept for /apis/* where it can.
  return target ? NextResponse.rewrite(new URL(target, request.url)) : NextResponse.next();
}

export const config = {
  matcher: ["/apis", "/apis.md", "/apis/:path*", "/changelog", "/changelog.md", "/changelog/:path*", "/md", "/md/:path*"],
};
