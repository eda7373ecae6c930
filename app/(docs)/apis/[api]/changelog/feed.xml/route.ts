// GET /apis/<api>/changelog/feed.xml: the API's changelog as a feed (lib/changes/feeds.ts).
import { feedResponse } from "@/lib/changes/serve";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ api: string }> }) {
  return feedResponse((await params).api, "rss");
}
