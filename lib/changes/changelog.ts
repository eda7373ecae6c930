// An API's changelog as pages, feeds and Markdown show it: one release per loaded version, newest
// first, each with the diff from the version before and the hand-written entries about it. Pure:
// store.ts feeds it the diffs and entries, visibility is checked by the caller.
import type { CatalogApi, CatalogVersion } from "@/lib/specs/model";
import type { ChangelogEntry } from "./entries";
import { SEVERITIES, type Change, type DiffResult, type OperationRef, type Severity } from "./types";

export interface Release {
  api: CatalogApi;
  version: CatalogVersion;
  previous: CatalogVersion | null;
  /** YYYY-MM-DD: `released` in api.yaml, else a date-named version, else the newest entry's date. */
  date: string | null;
  diff: DiffResult | null;
  /** The diff should exist but could not be computed. */
  diffFailed: boolean;
  entries: ChangelogEntry[];
  counts: Record<Severity, number>;
}

export type DiffLookup = (from: CatalogVersion, to: CatalogVersion) => DiffResult | null | undefined;

export const countBySeverity = (changes: readonly Change[]): Record<Severity, number> => {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const c of changes) counts[c.severity]++;
  return counts;
};

const DATE_ID = /^\d{4}-\d{2}-\d{2}$/;

/** Releases of `api`, newest first. `diffs` answers undefined for a pair it failed to compute. */
export function releasesOf(api: CatalogApi, diffs: DiffLookup, entries: readonly ChangelogEntry[]): Release[] {
  const loaded = api.versions.filter((v) => v.status === "ok");
  const order = new Map(api.versions.map((v, i) => [v.id, i]));
  // An entry goes with the newest version it names.
  const byVersion = new Map<string, ChangelogEntry[]>();
  for (const e of entries) {
    const newest = [...e.versions].filter((v) => loaded.some((l) => l.id === v)).sort((a, b) => (order.get(b) ?? 0) - (order.get(a) ?? 0))[0];
    if (newest) byVersion.set(newest, [...(byVersion.get(newest) ?? []), e]);
  }
  return loaded
    .map((version, i): Release => {
      const previous = i > 0 ? loaded[i - 1]! : null;
      const diff = previous ? diffs(previous, version) : null;
      const own = (byVersion.get(version.id) ?? []).sort((a, b) => b.date.localeCompare(a.date));
      const date = version.released ?? (DATE_ID.test(version.id) ? version.id : (own.at(-1)?.date ?? null));
      return { api, version, previous, date, diff: diff ?? null, diffFailed: previous !== null && diff === undefined, entries: own, counts: countBySeverity(diff?.changes ?? []) };
    })
    .reverse();
}

export function filterChanges(changes: readonly Change[], severity: Severity | null): Change[] {
  return severity ? changes.filter((c) => c.severity === severity) : [...changes];
}

/** Entries shown under a severity filter: those that say they are of that severity. */
export function filterEntries(entries: readonly ChangelogEntry[], severity: Severity | null): ChangelogEntry[] {
  return severity ? entries.filter((e) => e.severity === severity) : [...entries];
}

/** Releases of many APIs on one timeline, newest first (undated ones last). */
export function timeline(releases: readonly Release[]): Release[] {
  return [...releases].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.api.name.localeCompare(b.api.name));
}

/** "/users/{id}" and "/users/{userId}" are one operation across versions. */
const normalized = (op: OperationRef) => `${op.method.toLowerCase()} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;

export interface OperationHistoryItem {
  release: Release;
  changes: Change[];
  /** Changes to shared schemas this operation uses (listed on the diff page). */
  schemaChanges: number;
}

interface DiffIndex {
  /** Non-documentation changes per operation (old and new path). */
  ops: Map<string, Change[]>;
  /** Non-documentation changes of shared schemas, counted per operation that uses them. */
  schemaChanges: Map<string, number>;
}

const indexes = new WeakMap<DiffResult, DiffIndex>();

/** Built once per diff: operation pages of a 1,000-operation API each look themselves up. */
function indexOf(diff: DiffResult): DiffIndex {
  let index = indexes.get(diff);
  if (index) return index;
  index = { ops: new Map(), schemaChanges: new Map() };
  const perSchema = new Map<string, number>();
  for (const c of diff.changes) {
    if (c.severity === "documentation") continue;
    if (c.operation) {
      const keys = new Set([normalized(c.operation), ...(c.previousPath ? [normalized({ method: c.operation.method, path: c.previousPath })] : [])]);
      for (const k of keys) index.ops.set(k, [...(index.ops.get(k) ?? []), c]);
    } else if (c.schema) perSchema.set(c.schema, (perSchema.get(c.schema) ?? 0) + 1);
  }
  for (const [schema, users] of Object.entries(diff.schemaUsers)) {
    const n = perSchema.get(schema) ?? 0;
    if (!n) continue;
    for (const u of users) {
      const space = u.indexOf(" ");
      const k = normalized({ method: u.slice(0, space), path: u.slice(space + 1) });
      index.schemaChanges.set(k, (index.schemaChanges.get(k) ?? 0) + n);
    }
  }
  indexes.set(diff, index);
  return index;
}

/** The history of one operation: per release, its own changes and how many schema changes reach it. */
export function operationHistory(releases: readonly Release[], op: OperationRef): OperationHistoryItem[] {
  const key = normalized(op);
  const out: OperationHistoryItem[] = [];
  for (const release of releases) {
    if (!release.diff) continue;
    const index = indexOf(release.diff);
    const changes = index.ops.get(key) ?? [];
    const schemaChanges = index.schemaChanges.get(key) ?? 0;
    if (changes.length || schemaChanges) out.push({ release, changes, schemaChanges });
  }
  return out;
}

/**
 * The hand-written entries (specs folder and admin area) that go with a comparison: those naming a
 * version after the older of the two, up to and including the newer (just `to` without `from`).
 */
export function entriesBetween(api: CatalogApi, from: string | null, to: string, entries: readonly ChangelogEntry[]): ChangelogEntry[] {
  const index = new Map(api.versions.map((v, i) => [v.id, i]));
  const a = from === null ? index.get(to)! - 1 : index.get(from)!;
  const b = index.get(to)!;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return entries.filter((e) => e.versions.some((v) => {
    const i = index.get(v);
    return i !== undefined && i > lo && i <= hi;
  }));
}
