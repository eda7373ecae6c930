// Reads the catalog and version models the ingest step wrote, kept in memory and re-read when the
// manifest changes (its mtime). Free of Next.js imports, so both the portal (lib/specs/index.ts)
// and the gateway verification server (server/gateway.ts) use the same code.
import fs from "node:fs";
import path from "node:path";
import { manifestPath, readJson, VERSION_FILES, versionDir } from "./cache";
import type { Catalog, CatalogApi, CatalogVersion, VersionModel } from "./model";

export interface CatalogReader {
  /** The whole catalog, including partner and internal APIs: callers filter with lib/access. */
  getCatalog(): Catalog;
  getVersionModel(apiId: string, versionId: string): VersionModel | null;
  /** Changes whenever the manifest is rewritten; a key for caches derived from the catalog. */
  generation(): number;
}

/** How often the manifest's mtime is checked: hot paths (key verification) call this per request. */
const RECHECK_MS = 1_000;

export function createCatalogReader(cacheDir: () => string, now: () => number = Date.now): CatalogReader {
  let loaded: { mtimeMs: number; catalog: Catalog; models: Map<string, VersionModel | null> } | undefined;
  let checkedAt = -Infinity;

  function getCatalog(): Catalog {
    if (loaded && now() - checkedAt < RECHECK_MS) return loaded.catalog;
    checkedAt = now();
    const file = manifestPath(cacheDir());
    let mtimeMs = -1;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      // No manifest: the portal was started without the ingest step (see server/start.ts).
    }
    if (!loaded || loaded.mtimeMs !== mtimeMs) {
      loaded = {
        mtimeMs,
        catalog: readJson<Catalog>(file) ?? { generatedAt: new Date(0).toISOString(), apis: [] },
        models: new Map(),
      };
    }
    return loaded.catalog;
  }

  function getVersionModel(apiId: string, versionId: string): VersionModel | null {
    getCatalog();
    const key = `${apiId}/${versionId}`;
    const models = loaded!.models;
    if (!models.has(key)) {
      models.set(key, readJson<VersionModel>(path.join(versionDir(cacheDir(), apiId, versionId), VERSION_FILES.model)));
    }
    return models.get(key) ?? null;
  }

  return {
    getCatalog,
    getVersionModel,
    generation: () => {
      getCatalog();
      return loaded!.mtimeMs;
    },
  };
}

/** A version of the API by id, or its latest version for "latest". */
export function findVersion(api: CatalogApi, versionId: string): CatalogVersion | undefined {
  const id = versionId === "latest" ? api.latestVersion : versionId;
  return api.versions.find((v) => v.id === id);
}
