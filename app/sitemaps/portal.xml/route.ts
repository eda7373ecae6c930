// GET /sitemaps/portal.xml: the home page and the API catalog.
import { sitemapResponse } from "@/lib/discovery/serve";

export const dynamic = "force-dynamic";

export function GET() {
  return sitemapResponse(null, "portal.xml");
}
