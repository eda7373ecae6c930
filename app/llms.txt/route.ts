// GET /llms.txt (https://llmstxt.org): the public APIs and their Markdown renderings.
import { llmsTxtResponse } from "@/lib/discovery/serve";

export const dynamic = "force-dynamic";

export function GET() {
  return llmsTxtResponse();
}
