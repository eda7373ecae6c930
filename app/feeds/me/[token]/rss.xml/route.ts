// A developer's personal feed (RSS 2.0): see lib/personal-feed/serve.ts. The token in the path is the credential.
import { personalFeedResponse } from "@/lib/personal-feed/serve";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  return personalFeedResponse((await params).token, "rss");
}
