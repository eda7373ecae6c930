// Builds one version's search index (search.json) from its OpenAPI 3.x document and model, once,
// at ingest. Pure: never throws on odd-but-parseable documents (missing summaries, junk where
// objects belong, $ref cycles). Entries carry what results show; the MiniSearch part holds the
// full text (summaries, operationIds, paths, tags, parameter names, the start of descriptions).
import MiniSearch, { type AsPlainObject } from "minisearch";
import { deref, effectiveParameters, isObj, str } from "../openapi/document";
import type { HttpMethod, VersionModel } from "../specs/model";
import { MINISEARCH_OPTIONS, SEARCH_FORMAT, type Field } from "./terms";

type Obj = Record<string, unknown>;

export type EntryKind = "operation" | "webhook" | "schema";

export interface SearchEntry {
  kind: EntryKind;
  /** URL segment: operation or webhook slug, or the schema's name. */
  slug: string;
  /** Operations and webhooks. */
  method?: HttpMethod;
  /** Operations: the path template. Webhooks: the webhook's name. */
  path?: string;
  operationId?: string;
  /** Summary, or "METHOD /path"; the schema name for schemas. */
  title: string;
  deprecated?: true;
}

export interface SearchIndexFile {
  format: number;
  entries: SearchEntry[];
  index: AsPlainObject;
}

/** Descriptions are indexed by their first paragraphs only: enough to find, small to keep. */
const TEXT_CHARS = 600;
const MAX_PARAMS = 40;

/** Markdown to plain words: link targets, code fences and HTML tags carry no search value. */
export function plainText(markdown: unknown, max = TEXT_CHARS): string {
  const s = str(markdown);
  if (!s) return "";
  return s
    .slice(0, max * 3)
    .replace(/```[\s\S]*?(```|$)/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

type Doc = Record<Field, string> & { id: number };

function operationDoc(doc: Obj, pathItem: Obj, op: Obj, entry: SearchEntry, tags: string[]): Omit<Doc, "id"> {
  let params: string[] = [];
  try {
    params = effectiveParameters(doc, pathItem, op).slice(0, MAX_PARAMS).map((p) => p.name);
  } catch {
    // Junk in parameters: the operation stays findable by everything else.
  }
  return {
    name: entry.title,
    words: entry.operationId ?? "",
    path: entry.path ?? "",
    tags: tags.join(" "),
    params: params.join(" "),
    text: plainText(op.description) || plainText(pathItem.description),
  };
}

export function buildSearchIndex(doc: Obj, model: VersionModel): SearchIndexFile {
  const entries: SearchEntry[] = [];
  const docs: Doc[] = [];
  const add = (entry: SearchEntry, fields: Omit<Doc, "id">) => {
    docs.push({ id: entries.length, ...fields });
    entries.push(entry);
  };
  const paths = isObj(doc.paths) ? doc.paths : {};

  for (const op of model.operations) {
    const entry: SearchEntry = { kind: "operation", slug: op.slug, method: op.method, path: op.path, title: op.title };
    if (op.operationId) entry.operationId = op.operationId;
    if (op.deprecated) entry.deprecated = true;
    const pathItem = deref(doc, paths[op.path]) ?? {};
    const operation = isObj(pathItem[op.method]) ? (pathItem[op.method] as Obj) : {};
    add(entry, operationDoc(doc, pathItem, operation, entry, op.tags));
  }

  const webhooks = isObj(doc.webhooks) ? doc.webhooks : {};
  for (const hook of model.webhooks) {
    const entry: SearchEntry = { kind: "webhook", slug: hook.slug, method: hook.method, path: hook.name, title: hook.title };
    if (hook.deprecated) entry.deprecated = true;
    const item = deref(doc, webhooks[hook.name]) ?? {};
    const operation = isObj(item[hook.method]) ? (item[hook.method] as Obj) : {};
    const operationId = str(operation.operationId);
    if (operationId) entry.operationId = operationId;
    const tags = Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === "string") : [];
    add(entry, { ...operationDoc(doc, item, operation, entry, tags), name: `${hook.title} ${hook.name}`, path: "" });
  }

  const schemas = isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};
  for (const name of model.schemaNames) {
    const schema = deref(doc, schemas[name]) ?? {};
    add(
      { kind: "schema", slug: name, title: name },
      { name: `${name} ${str(schema.title) ?? ""}`, words: "", path: "", tags: "", params: "", text: plainText(schema.description) },
    );
  }

  const index = new MiniSearch<Doc>(MINISEARCH_OPTIONS);
  index.addAll(docs);
  return { format: SEARCH_FORMAT, entries, index: index.toJSON() };
}
