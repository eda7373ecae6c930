// Internal: Markdown renderings of reference pages, reached only through proxy.ts's rewrite of
// `<page>.md` and of `Accept: text/markdown` requests (direct requests to /md/… answer 404 there).
import { markdownResponse } from "@/lib/markdown-export/serve";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return markdownResponse((await params).path);
}
