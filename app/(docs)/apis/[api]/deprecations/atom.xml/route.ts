// GET /apis/<api>/deprecations/atom.xml: the API's deprecation notices as a feed (lib/notices/feeds.ts).
import { noticeFeedResponse } from "@/lib/notices/serve";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ api: string }> }) {
  return noticeFeedResponse((await params).api, "atom");
}
