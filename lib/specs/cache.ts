// Where ingested specs live on disk: DATA_DIR/specs-cache/. Pages read these files (through
// lib/specs/index.ts) and never parse a description themselves. Writes are atomic (temp + rename)
// so a reader never sees half a file.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const cacheDirFor = (dataDir: string) => path.join(dataDir, "specs-cache");
export const manifestPath = (cacheDir: string) => path.join(cacheDir, "manifest.json");
export const versionDir = (cacheDir: string, apiId: string, version: string) => path.join(cacheDir, "apis", apiId, version);

export const VERSION_FILES = {
  model: "model.json",
  /** The description as written, bundled into one document (served as the download). */
  bundle: "bundle.json",
  /** The same as OpenAPI 3.x (Swagger 2.0 converted): what pages read operations and schemas from. */
  document: "document.json",
  /** Search entries + full-text index (lib/search/build.ts), loaded on the first search. */
  search: "search.json",
  problems: "problems.json",
  deps: "deps.json",
} as const;

export function writeJsonAtomic(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value));
  fs.renameSync(tmp, file);
}

export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

export function sha256File(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** The files a cached version was built from, with their hashes, and the code that built it. */
export interface VersionDeps {
  ingestVersion: number;
  entryFile: string;
  files: { path: string; sha256: string }[];
}

/** Bump when load/normalize output changes shape, so caches from older code are rebuilt. */
export const INGEST_VERSION = 6;

export function combinedHash(deps: VersionDeps): string {
  const h = crypto.createHash("sha256");
  for (const f of [...deps.files].sort((a, b) => a.path.localeCompare(b.path))) h.update(`${f.path}\0${f.sha256}\n`);
  return h.digest("hex");
}

/** True when every file the cached version was built from is unchanged. */
export function isCacheFresh(deps: VersionDeps | null, entryFile: string): boolean {
  if (!deps || deps.ingestVersion !== INGEST_VERSION || deps.entryFile !== entryFile) return false;
  return deps.files.every((f) => {
    try {
      return sha256File(f.path) === f.sha256;
    } catch {
      return false;
    }
  });
}
