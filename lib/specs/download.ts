// The bundled description of a version as a download (JSON or YAML), behind the same
// visibility check as the pages.
import "server-only";
import { stringify } from "yaml";
import { getViewer } from "@/lib/access/viewer";
import { canViewApi } from "@/lib/access/visibility";
import { findApi, findVersion, getBundle } from "./index";

export async function downloadResponse(params: Promise<{ api: string; version: string }>, as: "json" | "yaml"): Promise<Response> {
  const { api: apiId, version: versionId } = await params;
  const api = findApi(apiId);
  const version = api && (await getViewer().then((v) => canViewApi(v, api))) ? findVersion(api, decodeURIComponent(versionId)) : undefined;
  const bundle = api && version ? getBundle(api.id, version.id) : null;
  if (!api || !version || !bundle) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const filename = `${api.id}-${version.id}.${as}`;
  const body = as === "json" ? JSON.stringify(bundle, null, 2) : stringify(bundle, { aliasDuplicateObjects: false, lineWidth: 0 });
  return new Response(body, {
    headers: {
      "content-type": as === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
      "content-disposition": `inline; filename="${filename}"`,
      "x-content-type-options": "nosniff",
    },
  });
}
