// GET /api/v1/apis/{api}/changes?from={version}&to={version}: the classified changes between two
// versions (defaults: to = latest, from = the version before it). lib/changes/serve.ts.
import { changesResponse } from "@/lib/changes/serve";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ api: string }> }) {
  return changesResponse(req, (await params).api);
}
