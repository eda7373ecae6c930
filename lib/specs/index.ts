// The portal's read side of specs: the catalog and per-version models written by the ingest
// step (ingest.ts), through catalog-reader.ts, plus the parsed documents pages render from.
// Server-only: read from disk once and kept in memory.
import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { cacheDirFor, readJson, VERSION_FILES, versionDir } from "./cache";
import { createCatalogReader, findVersion } from "./catalog-reader";
import type { CatalogApi, OperationSummary, VersionModel } from "./model";

const reader = createCatalogReader(cacheDir);

function cacheDir(): string {
  return cacheDirFor(env().dataDir);
}

/** The whole catalog, including partner and internal APIs: callers filter with lib/access. */
export const getCatalog = reader.getCatalog;
export const getVersionModel = reader.getVersionModel;

export function findApi(apiId: string): CatalogApi | undefined {
  return getCatalog().apis.find((a) => a.id === apiId);
}

export { findVersion };

type Doc = Record<string, unknown>;
/** Parsed document.json files, most recently used last. A few versions fit; GitHub's is ~10 MB. */
const documents = new Map<string, Doc | null>();
const MAX_DOCUMENTS = 4;

/** The version's OpenAPI 3.x document (JSON written at ingest; never the YAML source). */
export function getDocument(apiId: string, versionId: string): Doc | null {
  const key = `${reader.generation()}:${apiId}/${versionId}`;
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
