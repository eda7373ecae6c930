// GET /api/v1/apis/{api}/try-it: the caller's apps that may call this API and for which they may
// create keys, so the docs' Try-it console can offer a test key. Docs pages are static and read no
// cookies; the console asks this route when it opens. Anonymous: 401 (the console offers sign-in).
import { handler, json } from "@/lib/api/respond";
import { requireUser } from "@/lib/api/viewer";
import { tryItApps } from "@/lib/data/try-it-keys";

export const dynamic = "force-dynamic";

export const GET = handler(async (req, { params }: { params: Promise<{ api: string }> }) =>
  json({ data: await tryItApps(await requireUser(req), (await params).api) }),
);
