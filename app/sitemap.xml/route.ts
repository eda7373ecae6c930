// GET /sitemap.xml: a sitemap index of the public docs (lib/discovery/sitemap.ts).
import { sitemapIndexResponse } from "@/lib/discovery/serve";

export const dynamic = "force-dynamic";

export function GET() {
  return sitemapIndexResponse();
}
