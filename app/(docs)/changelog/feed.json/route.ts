// GET /changelog/feed.json: every public API's changelog as one feed (lib/changes/feeds.ts).
import { feedResponse } from "@/lib/changes/serve";

export const dynamic = "force-dynamic";

export function GET() {
  return feedResponse(null, "json");
}
