// How text becomes search terms, shared by the index builder (at ingest) and the query side:
// MiniSearch needs the very same options to load an index it serialised.
import type { Options } from "minisearch";

/** Bump when the entries, fields or term processing change: older search.json files are rebuilt. */
export const SEARCH_FORMAT = 1;

export const FIELDS = ["name", "words", "path", "tags", "params", "text"] as const;
export type Field = (typeof FIELDS)[number];

/** Field weights for the full-text part; the structural ranking (rank.ts) comes on top. */
export const BOOST: Record<Field, number> = { name: 3, words: 2, path: 2, tags: 1.5, params: 1, text: 0.4 };

const STOP = new Set(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "that", "the", "this", "to", "with"]);

/** Splits on anything that is not a letter or digit, and at camelCase boundaries ("getRepoContent"). */
export function tokenize(text: string): string[] {
  return text
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "");
}

/** Lower case, no stop words, a light plural folding ("repositories" → "repository", "pulls" → "pull"). */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (t.length > 40 || STOP.has(t)) return null;
  if (t.length > 4 && t.endsWith("ies")) return `${t.slice(0, -3)}y`;
  if (t.length > 3 && t.endsWith("s") && !/(ss|us|is)$/.test(t)) return t.slice(0, -1);
  return t;
}

export const MINISEARCH_OPTIONS: Options = {
  idField: "id",
  fields: [...FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
};
