// GET /api/v1/deprecations[?api=<id>]: the current deprecations with their Deprecation (RFC 9745)
// and Sunset (RFC 8594) header values, per API, version and operation (lib/notices/gateway-headers.ts).
// Anonymous callers see public APIs; a session or personal access token adds what its user may see.
import { z } from "zod";
import { visibleApis } from "@/lib/access/visibility";
import { handler, invalid, json, notFound } from "@/lib/api/respond";
import { apiViewer } from "@/lib/api/viewer";
import { portalGateway } from "@/lib/gateway/portal";
import { deprecationEntries } from "@/lib/notices/gateway-headers";
import { getCatalog, getVersionModel } from "@/lib/specs/index";

export const dynamic = "force-dynamic";

const Query = z.strictObject({ api: z.string().min(1).max(80).optional() });

export const GET = handler(async (req: Request) => {
  const query = Query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw invalid(query.error);
  const viewer = await apiViewer(req);
  let apis = visibleApis(viewer, getCatalog().apis);
  if (query.data.api !== undefined) {
    apis = apis.filter((a) => a.id === query.data.api);
    if (!apis.length) throw notFound(); // unknown and hidden alike
  }
  const index = await portalGateway().notices.get();
  const body = { generatedAt: new Date().toISOString(), deprecations: deprecationEntries(apis, getVersionModel, index) };
  // Public-only answers are the same for everyone; anything else is the caller's own.
  const anonymous = viewer.kind === "anonymous";
  return anonymous ? Response.json(body, { headers: { "cache-control": "public, max-age=60", "x-content-type-options": "nosniff" } }) : json(body);
});
