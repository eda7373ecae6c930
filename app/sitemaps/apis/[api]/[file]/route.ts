// GET /sitemaps/apis/<api>/<version>.xml: every page of one version (lib/discovery/sitemap.ts).
import { sitemapResponse } from "@/lib/discovery/serve";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ api: string; file: string }> }) {
  const { api, file } = await params;
  return sitemapResponse(api, file);
}
