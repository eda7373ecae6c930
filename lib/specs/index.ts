// The portal's read side of specs: the catalog and per-version models written by the ingest
// step (ingest.ts). Server-only, read from disk once and kept in memory; re-read when the
// ingest step rewrites the manifest (its mtime changes).
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { cacheDirFor, manifestPath, readJson, VERSION_FILES, versionDir } from "./cache";
import type { Catalog, CatalogApi, CatalogVersion, OperationSummary, VersionModel } from "./model";

interface Loaded {
  mtimeMs: number;
  catalog: Catalog;
  models: Map<string, VersionModel | null>;
}

let loaded: Loaded | undefined;

function cacheDir(): string {
  return cacheDirFor(env().dataDir);
}

/** The whole catalog, including partner and internal APIs: callers filter with lib/access. */
export function getCatalog(): Catalog {
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

export function findApi(apiId: string): CatalogApi | undefined {
  return getCatalog().apis.find((a) => a.id === apiId);
}

export function findVersion(api: CatalogApi, versionId: string): CatalogVersion | undefined {
  const id = versionId === "latest" ? api.latestVersion : versionId;
  return api.versions.find((v) => v.id === id);
}

export function getVersionModel(apiId: string, versionId: string): VersionModel | null {
  getCatalog();
  const key = `${apiId}/${versionId}`;
  const models = loaded!.models;
  if (!models.has(key)) {
    models.set(key, readJson<VersionModel>(path.join(versionDir(cacheDir(), apiId, versionId), VERSION_FILES.model)));
  }
  return models.get(key) ?? null;
}

type Doc = Record<string, unknown>;
/** Parsed document.json files, most recently used last. A few versions fit; GitHub's is ~10 MB. */
const documents = new Map<string, Doc | null>();
const MAX_DOCUMENTS = 4;

/** The version's OpenAPI 3.x document (JSON written at ingest; never the YAML source). */
export function getDocument(apiId: string, versionId: string): Doc | null {
  getCatalog();
  const key = `${loaded!.mtimeMs}:${apiId}/${versionId}`;
  if (documents.has(key)) {
    const doc = documents.get(key)!;
    documents.delete(key);
    documents.set(key, doc);
    return doc;
  }
  const doc = readJson<Doc>(path.join(versionDir(cacheDir(), apiId, versionId), VERSION_FILES.document));
  documents.set(key, doc);
  while (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
  return doc;
}

/** The description as written, bundled into one document: what the download links serve. */
export function getBundle(apiId: string, versionId: string): Doc | null {
  return readJson<Doc>(path.join(versionDir(cacheDir(), apiId, versionId), VERSION_FILES.bundle));
}

export function findOperation(model: VersionModel, slug: string): OperationSummary | undefined {
  return model.operations.find((o) => o.slug === slug);
}
