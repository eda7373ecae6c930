// GET /deprecations/atom.xml: every public API's deprecation notices as a feed (lib/notices/feeds.ts).
import { noticeFeedResponse } from "@/lib/notices/serve";

export const dynamic = "force-dynamic";

export async function GET() {
  return noticeFeedResponse(null, "atom");
}
