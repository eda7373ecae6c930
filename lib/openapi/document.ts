// Reading an OpenAPI 3.x document (document.json) for pages: $ref resolution, the effective
// parameters and security of an operation. Pure functions over plain JSON.
type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

/** The value at a local JSON pointer ("#/components/schemas/Pet"), or undefined. */
export function resolvePointer(doc: Obj, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObj(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Follows $ref chains (bounded, so a ref cycle cannot hang a render). */
export function deref<T = Obj>(doc: Obj, value: unknown): T | undefined {
  let node = value;
  for (let i = 0; i < 32 && isObj(node) && typeof node.$ref === "string"; i++) node = resolvePointer(doc, node.$ref);
  return isObj(node) && typeof node.$ref !== "string" ? (node as T) : undefined;
}

/** "#/components/schemas/Pet" → "Pet" (only for component schemas). */
export function componentSchemaName(ref: unknown): string | null {
  if (typeof ref !== "string") return null;
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return m ? decodeURIComponent(m[1]!).replace(/~1/g, "/").replace(/~0/g, "~") : null;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  deprecated: boolean;
  description: string | null;
  schema: unknown;
  example: unknown;
  raw: Obj;
}

export const PARAMETER_LOCATIONS = ["path", "query", "header", "cookie"] as const;

/** Path-level parameters merged with the operation's (the operation's win, by name + location). */
export function effectiveParameters(doc: Obj, pathItem: Obj, operation: Obj): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const p = deref(doc, entry);
      if (!p || typeof p.name !== "string" || !PARAMETER_LOCATIONS.includes(p.in as never)) continue;
      const media = isObj(p.content) ? Object.values(p.content).find(isObj) : undefined;
      byKey.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in as Parameter["in"],
        required: p.in === "path" || p.required === true,
        deprecated: p.deprecated === true,
        description: str(p.description),
        schema: p.schema ?? media?.schema,
        example: p.example ?? (isObj(p.examples) ? deref(doc, Object.values(p.examples)[0])?.value : undefined),
        raw: p,
      });
    }
  }
  return [...byKey.values()];
}

/** A response's `headers` map as parameters (in: header), for the same rendering as request headers. */
export function headerParameters(doc: Obj, headers: unknown): Parameter[] {
  if (!isObj(headers)) return [];
  return Object.entries(headers).map(([name, h]) => {
    const hd = deref(doc, h) ?? {};
    return { name, in: "header", required: hd.required === true, deprecated: hd.deprecated === true, description: str(hd.description), schema: hd.schema, example: hd.example, raw: hd };
  });
}

export type SecurityRequirement = { scheme: string; scopes: string[] }[];

/** The operation's security, else the document's. An empty requirement ({}) means "optional". */
export function effectiveSecurity(doc: Obj, operation: Obj): SecurityRequirement[] {
  const list = Array.isArray(operation.security) ? operation.security : Array.isArray(doc.security) ? doc.security : [];
  return list.filter(isObj).map((req) => Object.entries(req).map(([scheme, scopes]) => ({ scheme, scopes: Array.isArray(scopes) ? scopes.map(String) : [] })));
}

/** The first server URL of the operation, path item or document. */
export function serverUrlFor(doc: Obj, pathItem: Obj, operation: Obj): string | null {
  for (const holder of [operation, pathItem, doc]) {
    const servers = Array.isArray(holder.servers) ? holder.servers.filter(isObj) : [];
    const first = servers[0];
    if (first && typeof first.url === "string") {
      // Fill server variables with their defaults: "{region}.api.example.com" → "eu.api.example.com".
      const vars = isObj(first.variables) ? first.variables : {};
      return first.url.replace(/\{([^}]+)\}/g, (m, name: string) => {
        const v = vars[name];
        return isObj(v) && v.default !== undefined ? String(v.default) : m;
      });
    }
  }
  return null;
}

/**
 * The document's webhooks: OpenAPI 3.1 `webhooks`, or the `x-webhooks` extension that 3.0
 * descriptions (GitHub's among them) use for the same thing.
 */
export function webhooksOf(doc: Record<string, unknown>): Record<string, unknown> {
  const w = isObj(doc.webhooks) ? doc.webhooks : isObj(doc["x-webhooks"]) ? doc["x-webhooks"] : null;
  return (w as Record<string, unknown> | null) ?? {};
}
