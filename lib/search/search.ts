// Search across the catalog for one viewer: which versions are searched (the latest version of
// every API the viewer may see, or the one version a docs page is scoped to), the API and version
// entries themselves, and the merge of every index's ranked entries into one list of hits with
// URLs. Pure apart from the index loader it is given, so tests and the benchmark use it directly.
import { visibleApis } from "../access/visibility";
import type { Viewer } from "../access/viewer";
import type { Catalog, CatalogApi, CatalogVersion, HttpMethod } from "../specs/model";
import type { EntryKind } from "./build";
import { atBoundary, BAND, better, distance, parseQuery, rankIndex, sortRanked, type LoadedIndex, type MatchKind, type ParsedQuery, type Structural } from "./rank";
import { processTerm, tokenize } from "./terms";

export interface SearchRequest {
  q: string;
  /** Scope to one API (its latest version unless `version` is given). */
  api?: string;
  version?: string;
  limit: number;
}

export interface SearchHit {
  kind: EntryKind | "api" | "version";
  apiId: string;
  apiName: string;
  /** The version the hit belongs to (null for an API itself). */
  version: string | null;
  method: HttpMethod | null;
  /** Operations: the path template; webhooks: the webhook's name. */
  path: string | null;
  title: string;
  url: string;
  deprecated: boolean;
  match: MatchKind;
}

export interface SearchScope {
  apiId: string;
  apiName: string;
  version: string;
}

export type SearchOutcome = { ok: true; hits: SearchHit[]; scope: SearchScope | null } | { ok: false; reason: "not_found" };

export type IndexLoader = (api: CatalogApi, version: CatalogVersion) => LoadedIndex | null;

interface Target {
  api: CatalogApi;
  version: CatalogVersion;
  /** URL segment: "latest" when the scope said so, else the version id. */
  segment: string;
}

interface Candidate {
  score: number;
  entry: { title: string; path?: string };
  hit: SearchHit;
}

/** An API's or version's name against the query: exact, prefix, or a word inside it. */
function nameMatch(name: string, q: ParsedQuery): Structural | null {
  const low = name.toLowerCase();
  const n = q.needle;
  if (low === n) return { band: "exact", score: BAND.exact + 30 };
  if (n.length >= 2 && low.startsWith(n)) return { band: "prefix", score: BAND.prefix - distance(low, n) };
  if (n.length >= 3 && atBoundary(low, n)) return { band: "fragment", score: BAND.segment - distance(low, n) };
  return null;
}

/** Every query word (as indexed) starts a word of the text: a full-text match for catalog entries. */
function wordsMatch(text: string, q: ParsedQuery): boolean {
  const words = tokenize(text).map((t) => processTerm(t) ?? "");
  const terms = tokenize(q.text).flatMap((t) => processTerm(t) ?? []);
  return terms.length > 0 && terms.every((t) => words.some((w) => w.startsWith(t)));
}

function catalogCandidates(api: CatalogApi, q: ParsedQuery, versions: CatalogVersion[]): Candidate[] {
  const out: Candidate[] = [];
  const apiHit = better(nameMatch(api.name, q), nameMatch(api.id, q));
  const apiText = !apiHit && wordsMatch(`${api.name} ${api.summary ?? ""}`, q);
  if (apiHit || apiText) {
    out.push({
      // Someone typing an API's name most likely wants the API: ahead of its operations in the same band.
      score: apiHit ? apiHit.score + 100 : 200,
      entry: { title: api.name },
      hit: { kind: "api", apiId: api.id, apiName: api.name, version: null, method: null, path: null, title: api.name, url: `/apis/${api.id}`, deprecated: false, match: apiHit?.band ?? "text" },
    });
  }
  for (const v of versions) {
    const id = v.id.toLowerCase();
    const exact = q.needle === id || q.needle === `${api.id} ${id}`.toLowerCase() || q.needle === `${api.name} ${id}`.toLowerCase();
    if (!exact) continue;
    const title = `${api.name} ${v.id}`;
    out.push({
      score: BAND.exact + 10,
      entry: { title },
      hit: { kind: "version", apiId: api.id, apiName: api.name, version: v.id, method: null, path: null, title, url: `/apis/${api.id}/${encodeURIComponent(v.id)}`, deprecated: v.lifecycle === "deprecated" || v.lifecycle === "retired", match: "exact" },
    });
  }
  return out;
}

function entryUrl(t: Target, kind: EntryKind, slug: string): string {
  const base = `/apis/${t.api.id}/${encodeURIComponent(t.segment)}`;
  if (kind === "operation") return `${base}/operations/${slug}`;
  if (kind === "webhook") return `${base}/webhooks/${slug}`;
  return `${base}/schemas/${encodeURIComponent(slug)}`;
}

function resolveTargets(apis: CatalogApi[], req: SearchRequest): { targets: Target[]; scope: SearchScope | null } | null {
  if (!req.api) {
    const targets = apis.flatMap((api) => {
      const version = api.versions.find((v) => v.id === api.latestVersion);
      return version ? [{ api, version, segment: version.id }] : [];
    });
    return { targets, scope: null };
  }
  const api = apis.find((a) => a.id === req.api);
  const versionId = !req.version || req.version === "latest" ? api?.latestVersion : req.version;
  const version = api?.versions.find((v) => v.id === versionId);
  if (!api || !version) return null;
  return {
    targets: [{ api, version, segment: req.version === "latest" ? "latest" : version.id }],
    scope: { apiId: api.id, apiName: api.name, version: version.id },
  };
}

/**
 * Hidden APIs (partner, internal, invalid api.yaml) are removed before anything is searched, so
 * neither their entries nor their names can reach the results; scoping to one answers not_found,
 * exactly like an unknown API.
 */
export function searchCatalog(catalog: Catalog, viewer: Viewer, req: SearchRequest, load: IndexLoader): SearchOutcome {
  const apis = visibleApis(viewer, catalog.apis);
  const resolved = resolveTargets(apis, req);
  if (!resolved) return { ok: false, reason: "not_found" };
  const { targets, scope } = resolved;
  const q = parseQuery(req.q);
  if (!q) return { ok: true, hits: [], scope };

  const candidates: Candidate[] = [];
  for (const t of targets) {
    const index = t.version.status === "ok" ? load(t.api, t.version) : null;
    if (index) {
      for (const r of rankIndex(index, q, req.limit)) {
        const e = r.entry;
        candidates.push({
          score: r.score,
          entry: e,
          hit: {
            kind: e.kind,
            apiId: t.api.id,
            apiName: t.api.name,
            version: t.version.id,
            method: e.method ?? null,
            path: e.path ?? null,
            title: e.title,
            url: entryUrl(t, e.kind, e.slug),
            deprecated: e.deprecated === true,
            match: r.match,
          },
        });
      }
    }
    candidates.push(...catalogCandidates(t.api, q, scope ? [t.version] : t.api.versions));
  }
  return { ok: true, hits: sortRanked(candidates).slice(0, req.limit).map((c) => c.hit), scope };
}
