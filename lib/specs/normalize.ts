// OpenAPI 3.x document (Swagger 2.0 is converted first, see to-openapi3.ts) → VersionModel, the
// navigation-sized summary pages list from. Pure: no I/O, never throws on odd-but-parseable input
// (missing operationIds, summaries or tags, duplicate ids, junk where objects belong).
import { webhooksOf } from "../openapi/document";
import {
  HTTP_METHODS,
  type HttpMethod,
  type OperationSummary,
  type SecuritySchemeSummary,
  type ServerSummary,
  type SpecFormat,
  type TagSummary,
  type VersionModel,
  type WebhookSummary,
} from "./model";

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
export function slugify(s: string): string {
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
    const base = fromId || `${op.method}-${slugify(op.path) || "root"}`;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return { ...op, slug };
  });
}

/** Every (method, operation) of a path item, in the conventional method order. */
export function operationsOf(item: unknown): [HttpMethod, Obj][] {
  if (!isObj(item)) return [];
  return HTTP_METHODS.flatMap((m) => (isObj(item[m]) ? [[m, item[m] as Obj] as [HttpMethod, Obj]] : []));
}

/** `x-sunset` as an ISO date (YYYY-MM-DD or a full timestamp); anything else is ignored. */
function sunsetOf(op: Obj): string | null {
  const v = op["x-sunset"];
  const text = v instanceof Date ? v.toISOString() : typeof v === "string" ? v.trim() : null;
  return text && /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text)) ? text : null;
}

function readOperations(paths: Obj): OperationSummary[] {
  const raw: Omit<OperationSummary, "slug">[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of operationsOf(item)) {
      raw.push({
        method,
        path,
        operationId: str(op.operationId),
        title: str(op.summary)?.trim() ?? `${method.toUpperCase()} ${path}`,
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [],
        deprecated: op.deprecated === true,
        sunset: sunsetOf(op),
      });
    }
  }
  return assignSlugs(raw);
}

/**
 * A summary fit for a heading: one line of at most 120 characters. Some descriptions put whole
 * paragraphs there (GitHub's webhooks: "This event occurs when … [About pull requests](…)"); those
 * stay text on the page and the heading falls back to the name.
 */
export function headingSummary(summary: unknown): string | null {
  const s = str(summary)?.trim();
  return s && s.length <= 120 && !s.includes("\n") ? s : null;
}

function readWebhooks(webhooks: unknown): WebhookSummary[] {
  if (!isObj(webhooks)) return [];
  const out: WebhookSummary[] = [];
  const used = new Set<string>();
  for (const [name, item] of Object.entries(webhooks)) {
    const ops = operationsOf(item);
    for (const [method, op] of ops) {
      let slug = slugify(name) || "webhook";
      if (ops.length > 1) slug += `-${method}`;
      for (let n = 2; used.has(slug); n++) slug = `${slugify(name)}-${n}`;
      used.add(slug);
      out.push({ slug, name, method, title: headingSummary(op.summary) ?? name, deprecated: op.deprecated === true });
    }
  }
  return out;
}

function readServers(doc: Obj): ServerSummary[] {
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  return servers.filter(isObj).flatMap((s) => (str(s.url) ? [{ url: String(s.url), description: str(s.description) }] : []));
}

function describeScheme(s: Obj): string[] {
  switch (s.type) {
    case "apiKey":
      return [`${String(s.in ?? "header")} parameter \`${String(s.name ?? "")}\``];
    case "http": {
      const scheme = String(s.scheme ?? "").toLowerCase();
      return [scheme === "bearer" && str(s.bearerFormat) ? `bearer (${String(s.bearerFormat)})` : scheme || "http"];
    }
    case "oauth2":
      return isObj(s.flows)
        ? Object.entries(s.flows).map(([flow, f]) => {
            const scopes = isObj(f) && isObj(f.scopes) ? Object.keys(f.scopes).length : 0;
            return `OAuth 2.0 ${flow}${scopes ? ` (${scopes} scopes)` : ""}`;
          })
        : ["OAuth 2.0"];
    case "openIdConnect":
      return [`OpenID Connect ${str(s.openIdConnectUrl) ?? ""}`.trim()];
    case "mutualTLS":
      return ["mutual TLS (client certificate)"];
    default:
      return [];
  }
}

function readSecuritySchemes(components: Obj): SecuritySchemeSummary[] {
  const schemes = isObj(components.securitySchemes) ? components.securitySchemes : {};
  return Object.entries(schemes)
    .filter((e): e is [string, Obj] => isObj(e[1]))
    .map(([name, s]) => ({ name, type: String(s.type ?? "unknown"), description: str(s.description), details: describeScheme(s) }));
}

/**
 * @param doc the OpenAPI 3.x document (converted when the original was Swagger 2.0)
 * @param original format and version of the description as written
 */
export function normalize(doc: Obj, original: { format: SpecFormat; formatVersion: string } = detectFormat(doc)): VersionModel {
  const info = isObj(doc.info) ? doc.info : {};
  const components = isObj(doc.components) ? doc.components : {};
  const tags: TagSummary[] = (Array.isArray(doc.tags) ? doc.tags : [])
    .filter(isObj)
    .map((t) => ({ name: String(t.name ?? ""), description: str(t.description) }))
    .filter((t) => t.name !== "");
  return {
    format: original.format,
    formatVersion: original.formatVersion,
    title: str(info.title) ?? "Untitled API",
    infoVersion: str(info.version) ?? "",
    description: str(info.description),
    servers: readServers(doc),
    securitySchemes: readSecuritySchemes(components),
    tags,
    operations: readOperations(isObj(doc.paths) ? doc.paths : {}),
    schemaNames: isObj(components.schemas) ? Object.keys(components.schemas) : [],
    webhooks: readWebhooks(webhooksOf(doc)),
  };
}
