// Bundled description (any supported format) → VersionModel. Pure: no I/O, never throws on
// odd-but-parseable input (missing operationIds, summaries or tags, duplicate ids).
import { HTTP_METHODS, type HttpMethod, type OperationSummary, type SpecFormat, type TagSummary, type VersionModel } from "./model";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

export function detectFormat(doc: Obj): { format: SpecFormat; formatVersion: string } {
  if (doc.swagger === "2.0") return { format: "swagger-2.0", formatVersion: "2.0" };
  const v = String(doc.openapi ?? "");
  if (v.startsWith("3.0")) return { format: "openapi-3.0", formatVersion: v };
  if (v.startsWith("3.2")) return { format: "openapi-3.2", formatVersion: v };
  return { format: "openapi-3.1", formatVersion: v };
}

/** "/users/{id}/keys" → "users-id-keys"; kept readable for URLs. */
function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[{}]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
}

/** Assigns each operation a unique, stable slug. Duplicate operationIds fall back to method+path. */
function assignSlugs(ops: Omit<OperationSummary, "slug">[]): OperationSummary[] {
  const idCounts = new Map<string, number>();
  for (const op of ops) if (op.operationId) idCounts.set(op.operationId, (idCounts.get(op.operationId) ?? 0) + 1);
  const used = new Set<string>();
  return ops.map((op) => {
    const fromId = op.operationId && idCounts.get(op.operationId) === 1 ? slugify(op.operationId) : "";
    let slug = fromId || `${op.method}-${slugify(op.path) || "root"}`;
    for (let n = 2; used.has(slug); n++) slug = `${fromId || `${op.method}-${slugify(op.path)}`}-${n}`;
    used.add(slug);
    return { ...op, slug };
  });
}

export function normalize(doc: Obj): VersionModel {
  const { format, formatVersion } = detectFormat(doc);
  const info = isObj(doc.info) ? doc.info : {};
  const paths = isObj(doc.paths) ? doc.paths : {};
  const raw: Omit<OperationSummary, "slug">[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [];
      raw.push({
        method: method as HttpMethod,
        path,
        operationId: str(op.operationId),
        title: str(op.summary)?.trim() ?? `${method.toUpperCase()} ${path}`,
        tags,
        deprecated: op.deprecated === true,
      });
    }
  }
  const tags: TagSummary[] = (Array.isArray(doc.tags) ? doc.tags : [])
    .filter(isObj)
    .map((t) => ({ name: String(t.name ?? ""), description: str(t.description) }))
    .filter((t) => t.name !== "");

  const components = isObj(doc.components) ? doc.components : {};
  const schemas = format === "swagger-2.0" ? doc.definitions : components.schemas;
  return {
    format,
    formatVersion,
    title: str(info.title) ?? "Untitled API",
    infoVersion: str(info.version) ?? "",
    description: str(info.description),
    tags,
    operations: assignSlugs(raw),
    schemaCount: isObj(schemas) ? Object.keys(schemas).length : 0,
    webhookCount: isObj(doc.webhooks) ? Object.keys(doc.webhooks).length : 0,
  };
}
