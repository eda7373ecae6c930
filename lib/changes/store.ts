// The portal's read side of changes: diffs from the disk cache (written at ingest for consecutive
// versions), computed once on first request for any other pair (then cached on disk too), and
// hand-written entries from every entry source. Never computed per page render: a page reads
// a cached file, or the first request for a new pair computes and stores it.
import "server-only";
import { publicApis } from "@/lib/access/visibility";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { cacheDirFor, readJson } from "@/lib/specs/cache";
import { getCatalog, getDocument } from "@/lib/specs/index";
import type { CatalogApi, CatalogVersion } from "@/lib/specs/model";
import { publishedEntries } from "./admin-entries";
import { ENGINE_VERSION, entriesFile, readCachedDiff, writeCachedDiff, type CachedDiff } from "./cache";
import { releasesOf, timeline, type Release } from "./changelog";
import { diffDocuments } from "./diff";
import type { ChangelogEntry, ChangelogEntrySource } from "./entries";
import { consecutivePairs, handle } from "./pairs";

const cacheDir = () => cacheDirFor(env().dataDir);

/** Parsed diffs, most recently used last; GitHub-sized diffs are a few hundred KB each. */
const diffs = new Map<string, CachedDiff | null>();
const MAX_DIFFS = 24;
/** Pairs that failed to compute, and when: not retried for a while. */
const failures = new Map<string, number>();
const RETRY_AFTER_MS = 10 * 60_000;

function remember(key: string, value: CachedDiff | null): CachedDiff | null {
  diffs.delete(key);
  diffs.set(key, value);
  while (diffs.size > MAX_DIFFS) diffs.delete(diffs.keys().next().value!);
  return value;
}

/** The diff between two loaded versions of `api` (any order), or null when it cannot be had. */
export function getDiff(api: CatalogApi, from: CatalogVersion, to: CatalogVersion): CachedDiff | null {
  if (from.status !== "ok" || to.status !== "ok") return null;
  const a = handle(api.id, from);
  const b = handle(api.id, to);
  const key = `${ENGINE_VERSION}:${a.contentHash}:${b.contentHash}`;
  if (diffs.has(key)) return remember(key, diffs.get(key)!);
  const cached = readCachedDiff(cacheDir(), a, b);
  if (cached) return remember(key, cached);
  if (Date.now() - (failures.get(key) ?? -Infinity) < RETRY_AFTER_MS) return null;
  // Not precomputed (a pair of non-consecutive versions, or ingest hit its limits): compute once.
  try {
    const before = getDocument(api.id, from.id);
    const after = getDocument(api.id, to.id);
    if (!before || !after) throw new Error("document.json missing");
    const started = performance.now();
    const result = diffDocuments(before, after);
    const value: CachedDiff = { engine: ENGINE_VERSION, from: a, to: b, computedAt: new Date().toISOString(), ms: Math.round(performance.now() - started), result };
    writeCachedDiff(cacheDir(), value);
    log.info({ api: api.id, from: from.id, to: to.id, ms: value.ms, changes: result.changes.length }, "changes computed");
    return remember(key, value);
  } catch (e) {
    failures.set(key, Date.now());
    log.warn({ api: api.id, from: from.id, to: to.id, err: (e as Error).message }, "changes could not be computed");
    return null;
  }
}

/** Entries written as files in the specs folder, as validated at ingest. */
export const fileEntrySource: ChangelogEntrySource = {
  name: "specs folder",
  async entries(apiId) {
    return readJson<ChangelogEntry[]>(entriesFile(cacheDir(), apiId)) ?? [];
  },
};

/**
 * Published entries written by admins (/admin/changelog). `next build` without a database (CI,
 * `npm run bench`) prerenders without them; the pages pick them up at their next revalidation,
 * and publishing revalidates them at once (lib/changes/revalidate.ts).
 */
export const adminEntrySource: ChangelogEntrySource = {
  name: "admin area",
  async entries(apiId) {
    if (!env().DATABASE_URL) return [];
    return publishedEntries(db(), apiId);
  },
};

/** Where entries come from: the specs folder and the admin area. */
const ENTRY_SOURCES: ChangelogEntrySource[] = [fileEntrySource, adminEntrySource];

export async function entriesOf(apiId: string): Promise<ChangelogEntry[]> {
  const all = (await Promise.all(ENTRY_SOURCES.map((s) => s.entries(apiId)))).flat();
  return all.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** Releases of one API, newest first. The caller has checked that the viewer may see it. */
export async function releasesFor(api: CatalogApi): Promise<Release[]> {
  const pairs = new Map(consecutivePairs(api.versions).map(([a, b]) => [`${a.id}\0${b.id}`, getDiff(api, a, b)]));
  return releasesOf(api, (a, b) => pairs.get(`${a.id}\0${b.id}`)?.result ?? undefined, await entriesOf(api.id));
}

/** Releases of every public API on one timeline, whoever asks (the global changelog and its feeds). */
export async function publicTimeline(): Promise<Release[]> {
  const apis = publicApis(getCatalog().apis);
  return timeline((await Promise.all(apis.map((api) => releasesFor(api)))).flat());
}
