// Where computed diffs live: DATA_DIR/specs-cache/changes/<key>.json, keyed by the two versions'
// content hashes (and the versions of the ingest step and of the engine, so a new classifier or
// a new document.json shape never serves an old answer). Derived data, like the rest of the spec
// cache: any instance recomputes what it lacks. Free of Next.js imports (ingest uses it too).
import crypto from "node:crypto";
import path from "node:path";
import { INGEST_VERSION, readJson, VERSION_FILES, versionDir, writeJsonAtomic } from "@/lib/specs/cache";
import type { DiffResult } from "./types";

/** Bump when the engine's output changes (a new rule, a different classification or text). */
export const ENGINE_VERSION = 1;

export interface VersionHandle {
  apiId: string;
  versionId: string;
  contentHash: string;
}

export interface CachedDiff {
  engine: number;
  from: VersionHandle;
  to: VersionHandle;
  computedAt: string;
  ms: number;
  result: DiffResult;
}

export const changesDir = (cacheDir: string) => path.join(cacheDir, "changes");

export function diffKey(from: VersionHandle, to: VersionHandle): string {
  return crypto.createHash("sha256").update(`${ENGINE_VERSION}\0${INGEST_VERSION}\0${from.contentHash}\0${to.contentHash}`).digest("hex").slice(0, 40);
}

export const diffFile = (cacheDir: string, from: VersionHandle, to: VersionHandle) => path.join(changesDir(cacheDir), `${diffKey(from, to)}.json`);

export const documentFile = (cacheDir: string, v: VersionHandle) => path.join(versionDir(cacheDir, v.apiId, v.versionId), VERSION_FILES.document);

export function readCachedDiff(cacheDir: string, from: VersionHandle, to: VersionHandle): CachedDiff | null {
  const cached = readJson<CachedDiff>(diffFile(cacheDir, from, to));
  return cached && cached.engine === ENGINE_VERSION ? cached : null;
}

export function writeCachedDiff(cacheDir: string, value: CachedDiff): void {
  writeJsonAtomic(diffFile(cacheDir, value.from, value.to), value);
}

/** Hand-written changelog entries of one API, validated at ingest (entries.ts). */
export const entriesFile = (cacheDir: string, apiId: string) => path.join(cacheDir, "apis", apiId, "changelog.json");
