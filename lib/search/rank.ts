// Portolan's ranking over one version's index: structural matches on paths, operationIds and
// names first (exact, then prefix, then path-segment fragments, then any substring), full-text
// matches (MiniSearch, BM25) after them. Scores live in bands that never overlap, so a path
// match always outranks a description that happens to mention the words:
//   exact 1000+ · prefix 800+ · segment fragment 600+ · substring 400+ · text 0–250
// Within a band shorter (closer) matches come first, and full-text relevance breaks ties.
// No regular expression is ever built from the query.
import MiniSearch, { type SearchResult } from "minisearch";
import { HTTP_METHODS, type HttpMethod } from "../specs/model";
import type { SearchEntry, SearchIndexFile } from "./build";
import { BOOST, MINISEARCH_OPTIONS, processTerm, tokenize } from "./terms";

export type MatchKind = "exact" | "prefix" | "fragment" | "text";

export const BAND = { exact: 1000, prefix: 800, segment: 600, substring: 400 } as const;
const TEXT_MAX = 250;
/** Full-text relevance added inside a structural band, at most. */
const TIE_MAX = 50;
/** How much of the query reaches the full-text engine (terms): bounds the work per query. */
const MAX_TERMS = 10;
export const MAX_QUERY_CHARS = 200;

export interface ParsedQuery {
  /** Trimmed, whitespace collapsed, as typed (for display and full text). */
  text: string;
  /** Lower-cased `text`, for titles and names. */
  lower: string;
  /** A leading HTTP method before a path ("GET /repos"): structural matches must have it. */
  method: HttpMethod | null;
  /** Lower-cased query without the method; a path-like one normalised (no host, `:id` → `{id}`). */
  needle: string;
  /** `needle` with every `{param}` as `{}`, so parameter names never decide a path match. */
  shape: string;
  pathLike: boolean;
  /** Segments of a concrete path ("/repos/octocat/hello/pulls"), matched against templates. */
  concrete: string[] | null;
}

const shapeOf = (s: string) => s.replace(/\{[^}/]*\}/g, "{}");

export function parseQuery(raw: string): ParsedQuery | null {
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_CHARS);
  if (!text) return null;
  let rest = text;
  let method: HttpMethod | null = null;
  const space = text.indexOf(" ");
  const first = space > 0 ? text.slice(0, space).toLowerCase() : "";
  if ((HTTP_METHODS as readonly string[]).includes(first) && /[/{]/.test(text.slice(space + 1))) {
    method = first as HttpMethod;
    rest = text.slice(space + 1);
  }
  let needle = rest.toLowerCase();
  const pathLike = /[/{}]/.test(needle);
  if (pathLike) {
    needle = needle
      .replace(/^https?:\/\/[^/]+/, "")
      .replace(/[?#].*$/, "")
      .replace(/(^|\/):([a-z_][\w-]*)/g, "$1{$2}")
      .replace(/\/{2,}/g, "/");
    if (needle.length > 1) needle = needle.replace(/\/$/, "");
  }
  const concrete = pathLike && needle.startsWith("/") && !needle.includes("{") && needle.length > 1 ? needle.slice(1).split("/") : null;
  return { text, lower: text.toLowerCase(), method, needle, shape: shapeOf(needle), pathLike, concrete };
}

interface Keys {
  /** Lower-cased path template (webhooks: their name). */
  path: string;
  /** `path` with every parameter as `{}`. */
  shape: string;
  segments: string[];
  operationId: string;
  /** Lower-cased title (schema name for schemas). */
  title: string;
}

export interface LoadedIndex {
  entries: SearchEntry[];
  keys: Keys[];
  mini: MiniSearch;
}

export function loadIndex(file: SearchIndexFile): LoadedIndex {
  const keys = file.entries.map((e): Keys => {
    const path = (e.path ?? "").toLowerCase();
    return {
      path,
      shape: shapeOf(path),
      segments: path.startsWith("/") ? path.slice(1).split("/") : [],
      operationId: (e.operationId ?? "").toLowerCase(),
      title: e.title.toLowerCase(),
    };
  });
  return { entries: file.entries, keys, mini: MiniSearch.loadJS(file.index, MINISEARCH_OPTIONS) };
}

/** "/repos/{owner}/{repo}/pulls" matches "/repos/octocat/hello/pulls"; fewer parameters is closer. */
function templateMatch(segments: string[], concrete: string[]): number | null {
  if (segments.length !== concrete.length) return null;
  let params = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.includes("{")) {
      if (concrete[i] === "") return null;
      params++;
    } else if (s !== concrete[i]) return null;
  }
  return params;
}

/** True when `needle` starts at a word boundary of `hay` (start, or after a non-alphanumeric). */
export function atBoundary(hay: string, needle: string): boolean {
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    if (i === 0 || !/[a-z0-9]/.test(hay[i - 1]!)) return true;
  }
  return false;
}

/** 0..100: how much longer the matched text is than the query (shorter = closer = better). */
export const distance = (hay: string, needle: string) => Math.min(100, Math.max(0, hay.length - needle.length));

export type Structural = { band: Exclude<MatchKind, "text">; score: number };

/** A path template against a query: prefix, whole segments anywhere ("pulls/{}"), or any substring. */
function pathMatch(path: string, q: string): Structural | null {
  const bare = path.startsWith("/") ? path.slice(1) : path;
  const from = path.startsWith(q) ? path : bare.startsWith(q) ? bare : null;
  if (from !== null) {
    const boundary = from.length === q.length || from[q.length] === "/";
    return { band: "prefix", score: BAND.prefix - distance(path, q) + (boundary ? 30 : 0) };
  }
  const core = q.replace(/^\/|\/$/g, "");
  const slashed = `${path}/`;
  if (core && slashed.includes(`/${core}/`)) {
    return { band: "fragment", score: BAND.segment - distance(path, q) };
  }
  if (path.includes(q)) return { band: "fragment", score: BAND.substring - distance(path, q) };
  return null;
}

export const better = (a: Structural | null, b: Structural | null) => (!a ? b : !b ? a : b.score > a.score ? b : a);

/** The structural match of one entry, or null when only full text can match it. */
export function structuralScore(e: SearchEntry, k: Keys, q: ParsedQuery): Structural | null {
  if (q.method && e.method !== q.method) return null;
  const { needle: n, shape: s } = q;
  // Parameter names decide nothing, unless the query is nothing but parameters ("{owner}").
  const literalShape = /[a-z0-9]/.test(s.replace(/\{\}/g, ""));
  const named = e.kind !== "operation"; // schemas and webhooks: the name is the identifier
  // "/alerts" and "alerts" both name the path /alerts.
  const slashed = n.startsWith("/") ? n : `/${n}`;
  if (k.path && (k.path === n || k.path === slashed || (literalShape && (k.shape === s || k.shape === `/${s}`)))) return { band: "exact", score: BAND.exact + 40 };
  if (k.operationId && k.operationId === n) return { band: "exact", score: BAND.exact + 40 };
  if (named && k.title === q.lower) return { band: "exact", score: BAND.exact + 30 };
  if (q.concrete && k.segments.length) {
    const params = templateMatch(k.segments, q.concrete);
    if (params !== null) return { band: "exact", score: BAND.exact + 20 - Math.min(20, params * 4) };
  }
  if (k.title === q.lower) return { band: "exact", score: BAND.exact };
  if (n.length < 2) return null;

  let path: Structural | null = null;
  if (k.path) {
    path = pathMatch(k.path, n);
    if (literalShape && s !== n) path = better(path, pathMatch(k.shape, s));
  }
  let id: Structural | null = null;
  const ident = k.operationId || (named ? k.title : "");
  if (ident) {
    if (ident.startsWith(n)) id = { band: "prefix", score: BAND.prefix - distance(ident, n) };
    else if (n.length >= 3 && atBoundary(ident, n)) id = { band: "fragment", score: BAND.segment - distance(ident, n) };
    else if (n.length >= 3 && ident.includes(n)) id = { band: "fragment", score: BAND.substring - distance(ident, n) };
  }
  const best = better(path, id);
  if (!best) return null;
  // Path and operationId both match ("pulls" → /repos/…/pulls, pulls/list): surer than one alone;
  // and a path that ends with the query is the collection itself, not something under it.
  const core = (literalShape ? s : n).replace(/^\/|\/$/g, "");
  const ends = core !== "" && (k.shape.endsWith(`/${core}`) || k.path.endsWith(`/${core}`));
  return { band: best.band, score: best.score + (path && id ? 10 : 0) + (ends ? 20 : 0) };
}

export interface RankedEntry {
  entry: SearchEntry;
  match: MatchKind;
  score: number;
}

const KIND_ORDER = { operation: 3, webhook: 2, schema: 0 } as const;

/** Full-text relevance of every entry the engine finds, 0..1 relative to the best in this index. */
function textScores(index: LoadedIndex, q: ParsedQuery, limit: number): Map<number, number> {
  const words = tokenize(q.text).slice(0, MAX_TERMS);
  const out = new Map<number, number>();
  const wanted = new Set(words.flatMap((w) => processTerm(w) ?? [])).size;
  if (wanted === 0) return out;
  const terms = words.join(" ");
  const options = {
    boost: BOOST,
    prefix: (t: string) => t.length >= 3,
    fuzzy: (t: string) => (t.length >= 6 ? 0.15 : false),
    maxFuzzy: 2,
  };
  const and: SearchResult[] = index.mini.search(terms, { ...options, combineWith: "AND" });
  // Too few results with every word: also those with most of the words, ranked well below.
  const or: SearchResult[] =
    and.length < limit && wanted > 1
      ? index.mini.search(terms, { ...options, combineWith: "OR" }).filter((r) => r.queryTerms.length * 2 >= wanted + 1)
      : [];
  const top = Math.max(and[0]?.score ?? 0, (or[0]?.score ?? 0) * 0.4, 1e-9);
  for (const r of or) out.set(r.id as number, (r.score * 0.4) / top);
  for (const r of and) out.set(r.id as number, r.score / top);
  return out;
}

/** Every matching entry of one index, best first, at most `limit`. */
export function rankIndex(index: LoadedIndex, q: ParsedQuery, limit: number): RankedEntry[] {
  const text = textScores(index, q, limit);
  // "check runs" → "check-runs", "rate limit" → "rate_limit": words as paths and ids spell them.
  const variants =
    !q.pathLike && q.text.includes(" ") && q.text.length <= 60
      ? ["-", "_"].flatMap((sep) => parseQuery(q.text.replace(/ /g, sep)) ?? [])
      : [];
  const ranked: RankedEntry[] = [];
  for (let i = 0; i < index.entries.length; i++) {
    const e = index.entries[i]!;
    const t = text.get(i) ?? 0;
    let hit = structuralScore(e, index.keys[i]!, q);
    for (const v of variants) hit = better(hit, structuralScore(e, index.keys[i]!, v));
    if (!hit && t === 0) continue;
    const base = hit ? hit.score + t * TIE_MAX : t * TEXT_MAX;
    const score = base + KIND_ORDER[e.kind] - (e.deprecated ? 15 : 0);
    ranked.push({ entry: e, match: hit?.band ?? "text", score });
  }
  return sortRanked(ranked).slice(0, limit);
}

export function sortRanked<T extends { score: number; entry: { title: string; path?: string } }>(list: T[]): T[] {
  return list.sort(
    (a, b) =>
      b.score - a.score ||
      (a.entry.path ?? a.entry.title).length - (b.entry.path ?? b.entry.title).length ||
      a.entry.title.localeCompare(b.entry.title),
  );
}

