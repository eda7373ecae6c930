import { downloadResponse } from "@/lib/specs/download";

export const dynamic = "force-dynamic";

export function GET(_req: Request, { params }: { params: Promise<{ api: string; version: string }> }) {
  return downloadResponse(params, "yaml");
}
