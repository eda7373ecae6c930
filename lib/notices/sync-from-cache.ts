// The start-up step (server/start.ts, after the ingest): derive the spec notices from the
// ingested catalog, models and documents, and upsert them (sync.ts). Documents above 8 MB are
// not read for parameter deprecations: parsing one costs a second and ~10x its size in heap.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/create-client";
import { readJson, VERSION_FILES, versionDir } from "@/lib/specs/cache";
import { createCatalogReader } from "@/lib/specs/catalog-reader";
import { deriveSpecNotices } from "./derive";
import { syncSpecNotices, type SyncReport } from "./sync";

const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

export function deriveFromCache(cacheDir: string) {
  const reader = createCatalogReader(() => cacheDir);
  return deriveSpecNotices({
    apis: reader.getCatalog().apis,
    model: reader.getVersionModel,
    document(apiId, versionId) {
      const file = path.join(versionDir(cacheDir, apiId, versionId), VERSION_FILES.document);
      try {
        if (fs.statSync(file).size > MAX_DOCUMENT_BYTES) return null;
      } catch {
        return null;
      }
      return readJson<Record<string, unknown>>(file);
    },
  });
}

export async function syncSpecNoticesFromCache(db: Db, cacheDir: string, deliver?: { portalUrl: string }): Promise<SyncReport> {
  return syncSpecNotices(db, deriveFromCache(cacheDir), new Date(), deliver);
}
