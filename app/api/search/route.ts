// GET /api/search?q=…[&api=…&version=…&limit=…]: search the API reference as the caller may see
// it. 400 with every problem named for bad input; 404 (as for an unknown API) when scoped to an
// API the caller may not see. Results depend on the viewer, so they are never shared by caches.
import { parseSearchParams } from "@/lib/search/params";
import { searchForViewer } from "@/lib/search/service";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const parsed = parseSearchParams((name) => params.get(name));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ parameter: String(i.path[0] ?? ""), message: i.message }));
    return Response.json(
      { error: { code: "bad_request", message: issues.map((i) => i.message).join("; "), issues } },
      { status: 400, headers: HEADERS },
    );
  }
  const { q, api, version, limit } = parsed.data;
  const started = performance.now();
  const outcome = await searchForViewer({ q, api, version, limit });
  if (!outcome.ok) {
    return Response.json({ error: { code: "not_found", message: "No such API or version" } }, { status: 404, headers: HEADERS });
  }
  return Response.json(
    { query: q, scope: outcome.scope, results: outcome.hits, tookMs: Math.round((performance.now() - started) * 10) / 10 },
    { headers: HEADERS },
  );
}
