// The bundled description of a version as a download (JSON or YAML), behind the same
// visibility check as the pages.
import "server-only";
import { stringify } from "yaml";
import { findVersion, getBundle } from "./index";
import { findVisibleApi } from "./page-context";

export async function downloadResponse(params: Promise<{ api: string; version: string }>, as: "json" | "yaml"): Promise<Response> {
  const { api: apiId, version: versionId } = await params;
  const api = await findVisibleApi(apiId);
  const version = api && findVersion(api, decodeURIComponent(versionId));
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
