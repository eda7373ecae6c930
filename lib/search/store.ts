// Loaded search indexes, kept in memory within a byte budget (least recently used dropped first).
// An index is read from the version's search.json, written at ingest; a cache from before search
// existed is indexed from its document.json instead (in memory, once).
import fs from "node:fs";
import path from "node:path";
import { readJson, VERSION_FILES, versionDir } from "../specs/cache";
import type { VersionModel } from "../specs/model";
import { buildSearchIndex, type SearchIndexFile } from "./build";
import { loadIndex, type LoadedIndex } from "./rank";
import { SEARCH_FORMAT } from "./terms";

export interface IndexRef {
  apiId: string;
  versionId: string;
  /** The catalog's hash of the version's files: a changed spec is a new key. */
  contentHash: string;
}

/**
 * Estimated heap kept for loaded indexes. Measured: GitHub's REST description (1,223 operations,
 * 2,192 entries) makes a 1.0 MB search.json that takes 5.5 MB of heap once loaded, so an index is
 * weighed at 6× its file size and the default budget holds about sixteen GitHub-sized versions.
 */
export const DEFAULT_BUDGET_BYTES = 96 * 1024 * 1024;
const HEAP_PER_FILE_BYTE = 6;

/** Versions kept at most, whatever their size (failed versions weigh nothing). */
const MAX_VERSIONS = 64;

/** The version's index and its estimated heap size. */
export function readIndexFile(dir: string): { file: SearchIndexFile; bytes: number } | null {
  try {
    const text = fs.readFileSync(path.join(dir, VERSION_FILES.search), "utf8");
    const file = JSON.parse(text) as SearchIndexFile;
    if (file.format === SEARCH_FORMAT && Array.isArray(file.entries)) return { file, bytes: text.length * HEAP_PER_FILE_BYTE };
  } catch {
    // Missing or unreadable: index the document below.
  }
  const doc = readJson<Record<string, unknown>>(path.join(dir, VERSION_FILES.document));
  const model = readJson<VersionModel>(path.join(dir, VERSION_FILES.model));
  if (!doc || !model) return null;
  const file = buildSearchIndex(doc, model);
  return { file, bytes: JSON.stringify(file).length * HEAP_PER_FILE_BYTE };
}

export class IndexStore {
  private readonly loaded = new Map<string, { index: LoadedIndex | null; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly cacheDir: string,
    private readonly budgetBytes = DEFAULT_BUDGET_BYTES,
  ) {}

  get(ref: IndexRef): LoadedIndex | null {
    const key = `${ref.apiId}/${ref.versionId}@${ref.contentHash}`;
    const hit = this.loaded.get(key);
    if (hit) {
      this.loaded.delete(key);
      this.loaded.set(key, hit);
      return hit.index;
    }
    const read = readIndexFile(versionDir(this.cacheDir, ref.apiId, ref.versionId));
    const entry = { index: read ? loadIndex(read.file) : null, bytes: read?.bytes ?? 0 };
    this.loaded.set(key, entry);
    this.bytes += entry.bytes;
    // Evict the oldest, but never the index just loaded (a single huge one is still served).
    for (const [k, v] of this.loaded) {
      if ((this.bytes <= this.budgetBytes && this.loaded.size <= MAX_VERSIONS) || k === key) break;
      this.loaded.delete(k);
      this.bytes -= v.bytes;
    }
    return entry.index;
  }

  /** For tests and diagnostics. */
  stats(): { versions: number; bytes: number } {
    return { versions: this.loaded.size, bytes: this.bytes };
  }
}
