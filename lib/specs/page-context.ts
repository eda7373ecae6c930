// What every reference page under /apis/<api>/<version>/… starts with: the API and version the
// URL names, checked against who is asking. Unknown and hidden both end in the same 404.
import "server-only";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/access/viewer";
import { canViewApi } from "@/lib/access/visibility";
import { findApi, findVersion, getCatalog, getVersionModel } from "./index";
import type { CatalogApi, CatalogVersion, VersionModel } from "./model";

export type VersionParams = Promise<{ api: string; version: string }>;

export interface VersionPage {
  api: CatalogApi;
  version: CatalogVersion;
  model: VersionModel | null;
  /** URL prefix for links inside this version, keeping `latest` when the URL used it. */
  base: string;
}

/** The API if it exists and the viewer may see it; undefined for both unknown and hidden. */
export async function findVisibleApi(apiId: string): Promise<CatalogApi | undefined> {
  const api = findApi(apiId);
  return api && canViewApi(await getViewer(), api) ? api : undefined;
}

export async function loadVersionPage(params: VersionParams): Promise<VersionPage> {
  const { api: apiId, version: rawVersion } = await params;
  const api = await findVisibleApi(apiId);
  if (!api) notFound();
  const versionId = decodeURIComponent(rawVersion);
  const version = findVersion(api, versionId);
  if (!version) notFound();
  const model = version.status === "ok" ? getVersionModel(api.id, version.id) : null;
  return { api, version, model, base: `/apis/${api.id}/${encodeURIComponent(versionId === "latest" ? "latest" : version.id)}` };
}

/** Models of the API's other versions, for the version switcher. */
export function siblingModels(api: CatalogApi): { version: CatalogVersion; model: VersionModel | null }[] {
  getCatalog();
  return api.versions.map((v) => ({ version: v, model: v.status === "ok" ? getVersionModel(api.id, v.id) : null }));
}
