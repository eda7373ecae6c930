// What the Try-it console needs to know about one operation, read from the OpenAPI document on
// the server: parameters, request bodies (with their examples), servers and security. Only this
// operation's data, capped in size: the result is a prop, so it travels in the page's payload.
import { deref, effectiveParameters, effectiveSecurity, isObj, str } from "./document";
import { exampleForMedia } from "./samples";
import { flatSchema, typeLabel, typesOf } from "./schema";
import type { TryItBody, TryItParam, TryItScheme, TryItServer, TryItSpec } from "./try-it";

type Obj = Record<string, unknown>;

/** Request examples above this size are not prefilled (the reader can still type a body). */
const MAX_BODY_EXAMPLE = 16_000;
const MAX_ENUM = 50;
const MAX_VALUE = 200;

const text = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === "string" ? v : Array.isArray(v) ? v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(",") : typeof v === "object" ? JSON.stringify(v) : String(v);
  return s.length > MAX_VALUE ? undefined : s;
};

/** Bodies the console can edit as text; multipart and binary uploads are left to the code samples. */
const editable = (mediaType: string) => /json|text\/|xml|x-www-form-urlencoded|yaml/i.test(mediaType);

function servers(doc: Obj, pathItem: Obj, operation: Obj): TryItServer[] {
  for (const holder of [operation, pathItem, doc]) {
    const list = Array.isArray(holder.servers) ? holder.servers.filter(isObj) : [];
    if (list.length === 0) continue;
    return list
      .filter((s) => typeof s.url === "string")
      .map((s) => ({
        url: String(s.url),
        ...(str(s.description) ? { description: str(s.description)!.split("\n")[0]! } : {}),
        variables: Object.entries(isObj(s.variables) ? s.variables : {}).map(([name, v]) => {
          const o = isObj(v) ? v : {};
          const values = Array.isArray(o.enum) ? o.enum.map(String).slice(0, MAX_ENUM) : undefined;
          return { name, default: o.default === undefined ? "" : String(o.default), ...(values ? { enum: values } : {}) };
        }),
      }));
  }
  return [];
}

function scheme(id: string, raw: unknown): TryItScheme {
  const s = isObj(raw) ? raw : {};
  if (s.type === "apiKey" && typeof s.name === "string" && (s.in === "header" || s.in === "query" || s.in === "cookie")) return { id, kind: "apiKey", in: s.in, name: s.name };
  if (s.type === "http" && typeof s.scheme === "string") return { id, kind: "http", scheme: s.scheme };
  if (s.type === "oauth2" || s.type === "openIdConnect") return { id, kind: s.type };
  return { id, kind: "unsupported", type: typeof s.type === "string" ? s.type : "unknown" };
}

export function tryItSpecFor(doc: Obj, method: string, path: string, pathItem: Obj, operation: Obj): TryItSpec {
  const parameters: TryItParam[] = effectiveParameters(doc, pathItem, operation).map((p) => {
    const schema = flatSchema(p.schema, doc);
    const raw = p.raw;
    const style = typeof raw.style === "string" ? raw.style : p.in === "query" || p.in === "cookie" ? "form" : "simple";
    const items = typesOf(schema).includes("array") ? flatSchema(schema.items, doc) : null;
    const values = (items ?? schema).enum;
    const example = text(p.example ?? schema.example ?? schema.default ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined));
    return {
      name: p.name,
      in: p.in,
      required: p.required,
      array: items !== null,
      style,
      explode: typeof raw.explode === "boolean" ? raw.explode : style === "form",
      type: typeLabel(p.schema, doc),
      ...(Array.isArray(values) ? { enum: values.slice(0, MAX_ENUM).map(String) } : {}),
      ...(example !== undefined ? { example } : {}),
    };
  });

  const body = deref<Obj>(doc, operation.requestBody);
  const bodies: TryItBody[] = Object.entries(isObj(body?.content) ? body.content : {})
    .filter(([mediaType]) => editable(mediaType))
    .map(([mediaType, media]) => {
      const ex = exampleForMedia(isObj(media) ? media : undefined, doc, "request")?.value;
      const example = ex === undefined ? "" : typeof ex === "string" ? ex : JSON.stringify(ex, null, 2);
      return { mediaType, example: example.length > MAX_BODY_EXAMPLE ? "" : example };
    });

  const requirements = effectiveSecurity(doc, operation).map((req) => req.map((r) => r.scheme));
  const schemesObj = isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const ids = [...new Set(requirements.flat())];
  return {
    method,
    path,
    servers: servers(doc, pathItem, operation),
    parameters,
    bodies,
    bodyRequired: body?.required === true,
    schemes: ids.map((id) => scheme(id, deref(doc, schemesObj[id]))),
    requirements,
  };
}
