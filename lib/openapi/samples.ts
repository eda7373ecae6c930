// Request code samples and example payloads for one OpenAPI operation.
//
// Pure functions (no I/O, no "server-only"): used by server components and by tsx scripts.
// Snippets come from @readme/httpsnippet (fed a HAR request built here), generated examples
// from openapi-sampler. Every exported function is total: a broken spec yields placeholders,
// never an exception.

import { HTTPSnippet } from "@readme/httpsnippet";
import { sample } from "openapi-sampler";

export interface SampleInput {
  /** A bundled OpenAPI 3.0/3.1 document; internal "#/..." $refs may remain (cycles possible). */
  doc: Record<string, unknown>;
  /** "get", "post", ... */
  method: string;
  /** Path template, e.g. "/stations/{stationId}". */
  path: string;
  /** The operation object, path-level parameters already merged into `parameters`. */
  operation: Record<string, unknown>;
  /** Base URL of the server; null → "https://api.example.com". */
  serverUrl: string | null;
}

export interface CodeSample {
  id: "curl" | "javascript" | "python" | "go" | string;
  label: string;
  code: string;
}

type Json = Record<string, unknown>;
type Mode = "request" | "response";

const DEFAULT_SERVER = "https://api.example.com";
/** Generated examples are deepened level by level until their JSON passes this many characters. */
const MAX_EXAMPLE_CHARS = 6000;
const SAMPLE_DEPTHS = [2, 3, 4, 5, 6, 8];

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// $ref resolution (internal refs only)

/** Resolves an internal JSON pointer ("#/components/schemas/Foo"); undefined when missing or external. */
function getPointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  const fragment = ref.slice(1);
  if (fragment === "") return doc;
  if (!fragment.startsWith("/")) return undefined;
  let current: unknown = doc;
  for (const raw of fragment.slice(1).split("/")) {
    let token = raw;
    try {
      token = decodeURIComponent(raw);
    } catch {
      // keep the raw token: a stray "%" is not an escape
    }
    token = token.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current) && /^\d+$/.test(token)) current = current[Number(token)];
    else if (isObj(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}

/** Follows a chain of $refs (bounded, so ref cycles end); undefined when it doesn't land. */
function deref(doc: unknown, value: unknown): unknown {
  let current = value;
  for (let hops = 0; hops < 32 && isObj(current) && typeof current.$ref === "string"; hops++) {
    current = getPointer(doc, current.$ref);
  }
  return isObj(current) && typeof current.$ref === "string" ? undefined : current;
}

// ---------------------------------------------------------------------------------------------
// Preparing a document for openapi-sampler
//
// openapi-sampler resolves $refs against the document we pass it and handles allOf, oneOf and
// recursion, but it throws on a dangling $ref, builds `minItems` items and `minLength`
// characters, and always picks the first oneOf branch without setting the discriminator.
// So it samples a copy of the document, made once per document, in which those are fixed.

interface Prepared {
  doc: Json;
  memo: WeakMap<object, unknown>;
  source: Json;
}

const preparedDocs = new WeakMap<object, Prepared>();

/** Keys whose values openapi-sampler returns as they are: not schemas, so copied untouched. */
const VERBATIM_KEYS = new Set(["example", "examples", "default", "const", "enum"]);
/** Keys whose values map arbitrary names (which may be "example", "default"...) to objects. */
const NAME_MAP_KEYS = new Set([
  "properties",
  "patternProperties",
  "dependentSchemas",
  "$defs",
  "definitions",
  "schemas",
  "responses",
  "parameters",
]);

function prepare(doc: Json): Prepared {
  let prepared = preparedDocs.get(doc);
  if (!prepared) {
    const partial = { memo: new WeakMap<object, unknown>(), source: doc };
    const copied = copyForSampler(doc, partial, false);
    prepared = { ...partial, doc: isObj(copied) ? copied : {} };
    markInheritedDiscriminators(prepared.doc);
    preparedDocs.set(doc, prepared);
  }
  return prepared;
}

/** Copies a node (memoised, so shared and cyclic objects stay shared and cyclic), fixing schemas on the way. */
function copyForSampler(node: unknown, ctx: Omit<Prepared, "doc">, isNameMap: boolean): unknown {
  if (typeof node !== "object" || node === null) return node;
  const seen = ctx.memo.get(node);
  if (seen !== undefined) return seen;
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    ctx.memo.set(node, out);
    for (const item of node) out.push(copyForSampler(item, ctx, false));
    return out;
  }
  const out: Json = {};
  ctx.memo.set(node, out);
  for (const [key, value] of Object.entries(node)) {
    if (!isNameMap && VERBATIM_KEYS.has(key)) {
      // Only the first enum value is ever used: don't carry a huge enum around.
      out[key] = key === "enum" && Array.isArray(value) ? value.slice(0, 1) : value;
    } else {
      out[key] = copyForSampler(value, ctx, !isNameMap && NAME_MAP_KEYS.has(key));
    }
  }
  if (!isNameMap) fixSchema(out, ctx.source);
  return out;
}

function fixSchema(schema: Json, source: Json): void {
  // Dangling or external refs would make the sampler throw: sample their siblings instead.
  if (typeof schema.$ref === "string" && getPointer(source, schema.$ref) === undefined) delete schema.$ref;
  // Keep generated arrays to one item and strings short.
  if (typeof schema.minItems === "number" && schema.minItems > 1) schema.minItems = 1;
  if (typeof schema.minLength === "number" && schema.minLength > 64) schema.minLength = 64;

  // oneOf/anyOf + discriminator: sample the first mapped branch, with its discriminator value.
  const discriminator = schema.discriminator;
  const key = Array.isArray(schema.oneOf) ? "oneOf" : Array.isArray(schema.anyOf) ? "anyOf" : null;
  if (!key || !isObj(discriminator) || typeof discriminator.propertyName !== "string") return;
  const choice = discriminatorChoice(discriminator, schema[key] as unknown[], source);
  if (choice) {
    schema[key] = [
      { allOf: [{ $ref: choice.ref }, { properties: { [discriminator.propertyName]: { const: choice.value } } }] },
    ];
  }
}

function discriminatorChoice(discriminator: Json, branches: unknown[], source: Json): { ref: string; value: string } | null {
  const candidates: { ref: string; value: string }[] = [];
  if (isObj(discriminator.mapping)) {
    for (const [value, target] of Object.entries(discriminator.mapping)) {
      if (typeof target !== "string") continue;
      // A mapping value is a reference or a bare schema name.
      const ref = target.includes("/") || target.startsWith("#") ? target : `#/components/schemas/${target}`;
      candidates.push({ ref, value });
    }
  }
  for (const branch of branches) {
    if (isObj(branch) && typeof branch.$ref === "string") {
      candidates.push({ ref: branch.$ref, value: lastSegment(branch.$ref) });
    }
  }
  return candidates.find((c) => isObj(getPointer(source, c.ref))) ?? null;
}

/**
 * `Cat: { allOf: [{ $ref: Pet }, ...] }` where Pet has a discriminator: when Cat is sampled on
 * its own, its discriminator property gets Cat's mapping key (or its name), not "string".
 */
function markInheritedDiscriminators(doc: Json): void {
  const schemas = isObj(doc.components) ? doc.components.schemas : undefined;
  if (!isObj(schemas)) return;
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObj(schema) || !Array.isArray(schema.allOf)) continue;
    for (const part of schema.allOf) {
      const base = isObj(part) && typeof part.$ref === "string" ? deref(doc, part) : undefined;
      if (!isObj(base) || base.oneOf || base.anyOf || !isObj(base.discriminator)) continue;
      const { propertyName, mapping } = base.discriminator;
      if (typeof propertyName !== "string") continue;
      const mapped = isObj(mapping)
        ? Object.entries(mapping).find(
            ([, target]) => typeof target === "string" && (target === name || deref(doc, { $ref: target }) === schema),
          )
        : undefined;
      schema.allOf = [...schema.allOf, { properties: { [propertyName]: { const: mapped?.[0] ?? name } } }];
      break;
    }
  }
}

function lastSegment(ref: string): string {
  const segment = ref.split("/").pop() ?? ref;
  try {
    return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
  } catch {
    return segment;
  }
}

// ---------------------------------------------------------------------------------------------
// Examples

/** A JSON-safe copy: drops undefined and functions, breaks cycles, never shares objects with the spec. */
function toPlain(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "object") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (depth > 64 || seen.has(value)) return null;
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((item) => toPlain(item, depth + 1, seen) ?? null);
  } else {
    const obj: Json = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = toPlain(item, depth + 1, seen);
      if (plain !== undefined) obj[key] = plain;
    }
    out = obj;
  }
  seen.delete(value);
  return out;
}

/** What to show when a schema can't be sampled at all. */
function placeholderFor(schema: unknown, doc: Json): unknown {
  const resolved = deref(doc, schema);
  const type = isObj(resolved) ? (Array.isArray(resolved.type) ? resolved.type[0] : resolved.type) : undefined;
  switch (type) {
    case "object":
      return {};
    case "array":
      return [];
    case "string":
      return "string";
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return true;
    default:
      return isObj(resolved) && (resolved.properties || resolved.allOf) ? {} : null;
  }
}

type SamplerOptions = NonNullable<Parameters<typeof sample>[1]>;
type SamplerSchema = Parameters<typeof sample>[0];

function runSampler(schema: unknown, doc: Json, options: SamplerOptions): unknown {
  const prepared = prepare(doc);
  const root = copyForSampler(schema, prepared, false);
  if (!isObj(root)) throw new Error("not a schema object");
  return sample(root as SamplerSchema, { quiet: true, ...options }, prepared.doc);
}

/**
 * A generated example for `schema` (resolving internal $refs against `doc`). Request mode
 * leaves out readOnly properties, response mode (the default) writeOnly ones. Deep schemas are
 * cut off at the depth where the example would stop being readable.
 */
export function exampleForSchema(
  schema: unknown,
  doc: Record<string, unknown>,
  opts?: { mode?: "request" | "response" },
): unknown {
  const mode: Mode = opts?.mode ?? "response";
  let best: unknown;
  let bestText: string | undefined;
  // Iterative deepening: each level costs about as much as all the shallower ones, and we
  // stop at the first that is too large, so a huge schema never gets fully expanded.
  for (const maxSampleDepth of SAMPLE_DEPTHS) {
    let value: unknown;
    try {
      value = toPlain(
        runSampler(schema, doc, { maxSampleDepth, skipReadOnly: mode === "request", skipWriteOnly: mode === "response" }),
      );
    } catch {
      break;
    }
    const text = JSON.stringify(value) ?? "";
    if (bestText !== undefined && (text.length > MAX_EXAMPLE_CHARS || text === bestText)) break;
    best = value;
    bestText = text;
  }
  return best === undefined ? placeholderFor(schema, doc) : best;
}

/**
 * The example for a media type object: its `example`, else the first of its `examples` that
 * has a value (following $refs to components/examples), else one generated from its schema.
 */
export function exampleForMedia(
  media: Record<string, unknown> | undefined,
  doc: Record<string, unknown>,
  mode: "request" | "response",
): { value: unknown; source: "example" | "examples" | "schema" } | null {
  if (!isObj(media)) return null;
  if (media.example !== undefined) return { value: toPlain(media.example), source: "example" };
  if (isObj(media.examples)) {
    for (const entry of Object.values(media.examples)) {
      const example = deref(doc, entry);
      if (isObj(example) && example.value !== undefined) return { value: toPlain(example.value), source: "examples" };
    }
  }
  if (media.schema !== undefined) return { value: exampleForSchema(media.schema, doc, { mode }), source: "schema" };
  return null;
}

// ---------------------------------------------------------------------------------------------
// The HAR request

interface HarPair {
  name: string;
  value: string;
}
interface HarParam {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
}
interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  headers: HarPair[];
  queryString: HarPair[];
  cookies: HarPair[];
  headersSize: number;
  bodySize: number;
  postData?: { mimeType: string; text?: string; params?: HarParam[] };
}

/** RFC 9110 token: anything else can't be a header name, and would break the generated code. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** OpenAPI says header parameters with these names are ignored (they come from elsewhere). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/** "stationId" → "STATION_ID": an obvious placeholder that survives URL encoding. */
function placeholderName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return words ? words.toUpperCase() : "VALUE";
}

const hasOwnValue = (schema: unknown): boolean =>
  isObj(schema) &&
  (schema.example !== undefined ||
    schema.default !== undefined ||
    schema.const !== undefined ||
    (Array.isArray(schema.examples) && schema.examples.length > 0) ||
    (Array.isArray(schema.enum) && schema.enum.length > 0));

function parameterExample(param: Json, doc: Json): unknown {
  if (param.example !== undefined) return toPlain(param.example);
  if (isObj(param.examples)) {
    for (const entry of Object.values(param.examples)) {
      const example = deref(doc, entry);
      if (isObj(example) && example.value !== undefined) return toPlain(example.value);
    }
  }
  let value: unknown;
  let schema = param.schema;
  if (schema !== undefined) {
    value = exampleForSchema(schema, doc, { mode: "request" });
  } else if (isObj(param.content)) {
    const media = Object.values(param.content)[0];
    schema = isObj(media) ? media.schema : undefined;
    value = exampleForMedia(isObj(media) ? media : undefined, doc, "request")?.value;
  }
  // The sampler's "string" (or nothing at all) says less than the parameter's own name.
  if (value === undefined || value === null || (value === "string" && !hasOwnValue(deref(doc, schema)))) {
    return placeholderName(String(param.name));
  }
  return value;
}

const scalarText = (value: unknown): string =>
  value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);

/** Serialises a parameter value following its style/explode, as name/value pairs. */
function serializeParameter(param: Json, value: unknown): HarPair[] {
  const name = String(param.name);
  const location = param.in;
  if (param.content !== undefined) return [{ name, value: typeof value === "string" ? value : (JSON.stringify(value) ?? "") }];
  const style = typeof param.style === "string" ? param.style : location === "query" || location === "cookie" ? "form" : "simple";
  const explode = typeof param.explode === "boolean" ? param.explode : style === "form";
  const separator = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";

  if (Array.isArray(value)) {
    if (location === "query" && explode && style === "form") return value.map((v) => ({ name, value: scalarText(v) }));
    return [{ name, value: value.map(scalarText).join(separator) }];
  }
  if (isObj(value)) {
    const entries = Object.entries(value);
    if (location === "query" && style === "deepObject") {
      return entries.map(([key, v]) => ({ name: `${name}[${key}]`, value: scalarText(v) }));
    }
    if (location === "query" && explode) return entries.map(([key, v]) => ({ name: key, value: scalarText(v) }));
    const text = explode
      ? entries.map(([key, v]) => `${key}=${scalarText(v)}`).join(",")
      : entries.flatMap(([key, v]) => [key, scalarText(v)]).join(",");
    return [{ name, value: text }];
  }
  return [{ name, value: scalarText(value) }];
}

/**
 * Query and cookie text is encoded here (the HAR is passed as already encoded) so that
 * characters legal in a query stay readable: `start=2026-01-01T00:00:00Z`, `ids=a,b`.
 */
const encodeQuery = (text: string): string =>
  encodeURIComponent(text)
    .replace(/%(2C|3A|40|2F|24)/gi, (escape) => decodeURIComponent(escape))
    .replace(/'/g, "%27"); // the URL lands inside single-quoted strings

function baseUrl(serverUrl: string | null, doc: Json): string {
  let base = (serverUrl ?? "").trim() || DEFAULT_SERVER;
  // Fill server variables with their defaults when the URL is one of the doc's templates.
  const server = Array.isArray(doc.servers) ? doc.servers.find((s) => isObj(s) && s.url === base) : undefined;
  if (isObj(server) && isObj(server.variables)) {
    const variables = server.variables;
    base = base.replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      return isObj(variable) && variable.default !== undefined ? String(variable.default) : whole;
    });
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(base)) {
    try {
      base = new URL(base, DEFAULT_SERVER).href; // a relative server URL, e.g. "/v2"
    } catch {
      base = DEFAULT_SERVER;
    }
  }
  return base.replace(/\/+$/, "");
}

interface Auth {
  headers: HarPair[];
  query: HarPair[];
  cookies: HarPair[];
}

/** Placeholder credentials for the first security requirement (operation-level, else document-level). */
function authFor(operation: Json, doc: Json): Auth {
  const auth: Auth = { headers: [], query: [], cookies: [] };
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(doc.security) ? doc.security : [];
  // `{}` means "no auth is an option"; show the first alternative that does authenticate.
  const requirement = requirements.find((r) => isObj(r) && Object.keys(r).length > 0);
  const schemes = isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  if (!isObj(requirement)) return auth;
  for (const schemeName of Object.keys(requirement)) {
    const scheme = deref(doc, schemes[schemeName]);
    if (!isObj(scheme)) continue;
    const type = String(scheme.type ?? "").toLowerCase();
    if (type === "apikey" && typeof scheme.name === "string") {
      const pair = { name: scheme.name, value: "YOUR_API_KEY" };
      if (scheme.in === "header") auth.headers.push(pair);
      else if (scheme.in === "query") auth.query.push(pair);
      else if (scheme.in === "cookie") auth.cookies.push(pair);
    } else if (type === "http") {
      const httpScheme = String(scheme.scheme ?? "").toLowerCase();
      const value =
        httpScheme === "bearer"
          ? "Bearer YOUR_TOKEN"
          : httpScheme === "basic"
            ? "Basic BASE64_ENCODED_USERNAME_AND_PASSWORD"
            : `${String(scheme.scheme)} YOUR_CREDENTIALS`;
      auth.headers.push({ name: "Authorization", value });
    } else if (type === "oauth2" || type === "openidconnect") {
      auth.headers.push({ name: "Authorization", value: "Bearer YOUR_ACCESS_TOKEN" });
    }
  }
  return auth;
}

/** Whether a multipart part is a file upload, judged from its property schema. */
function isFileSchema(schema: unknown, doc: Json): boolean {
  const resolved = deref(doc, schema);
  if (!isObj(resolved)) return false;
  if (resolved.type === "array") return isFileSchema(resolved.items, doc);
  return (
    resolved.format === "binary" ||
    resolved.format === "base64" ||
    resolved.contentMediaType !== undefined ||
    resolved.contentEncoding !== undefined
  );
}

/** Top-level properties of an object schema, including those of its allOf parts. */
function propertiesOf(schema: unknown, doc: Json, depth = 0): Json {
  const resolved = deref(doc, schema);
  if (!isObj(resolved) || depth > 8) return {};
  const own = isObj(resolved.properties) ? resolved.properties : {};
  const inherited = Array.isArray(resolved.allOf) ? resolved.allOf.map((part) => propertiesOf(part, doc, depth + 1)) : [];
  return Object.assign({}, ...inherited, own) as Json;
}

/** The request body of the first media type, as HAR postData plus its Content-Type header. */
function requestBody(operation: Json, doc: Json): { postData: NonNullable<HarRequest["postData"]>; contentType?: string } | null {
  const body = deref(doc, operation.requestBody);
  const content = isObj(body) && isObj(body.content) ? body.content : undefined;
  const [mediaType, media] = content ? (Object.entries(content)[0] ?? []) : [];
  if (typeof mediaType !== "string" || !isObj(media)) return null;

  const example = exampleForMedia(media, doc, "request");
  let value = example?.value;
  let mime = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  let contentType = mediaType;
  if (mime.includes("*")) contentType = mime = typeof value === "string" ? "text/plain" : "application/json";

  if (mime === "application/x-www-form-urlencoded" || mime.startsWith("multipart/")) {
    const multipart = mime.startsWith("multipart/");
    const properties = propertiesOf(media.schema, doc);
    const params: HarParam[] = [];
    for (const [name, fieldValue] of Object.entries(isObj(value) ? value : {})) {
      // (curl prints a file part's name unquoted: only plain names become file parts.)
      if (multipart && /^[\w.-]+$/.test(name) && isFileSchema(properties[name], doc)) {
        params.push({ name, fileName: "path/to/file" });
        continue;
      }
      for (const item of Array.isArray(fieldValue) ? fieldValue : [fieldValue]) {
        params.push({ name, value: scalarText(item) });
      }
    }
    // httpsnippet writes the multipart Content-Type itself (with its boundary).
    return { postData: { mimeType: mime, params }, contentType: multipart ? undefined : contentType };
  }

  if (/\bxml\b/.test(mime) && example?.source === "schema") {
    try {
      value = runSampler(media.schema, doc, { format: "xml", skipReadOnly: true, maxSampleDepth: 4 });
    } catch {
      // keep the JSON-shaped example
    }
  }
  const isJson = /\bjson\b/.test(mime);
  const text =
    typeof value === "string" && !isJson
      ? value
      : JSON.stringify(value === undefined || (isJson && value === null) ? {} : value, null, 2);
  return { postData: { mimeType: isJson ? "application/json" : mime, text }, contentType };
}

function buildHar(input: SampleInput): HarRequest {
  const { doc, operation } = input;
  const parameters = (Array.isArray(operation.parameters) ? operation.parameters : [])
    .map((p) => deref(doc, p))
    .filter((p): p is Json => isObj(p) && typeof p.name === "string" && typeof p.in === "string");

  const pathValues = new Map<string, string>();
  const headers: HarPair[] = [];
  const queryString: HarPair[] = [];
  const cookies: HarPair[] = [];
  for (const param of parameters) {
    if (param.in !== "path" && param.required !== true) continue;
    const pairs = serializeParameter(param, parameterExample(param, doc));
    if (param.in === "path") pathValues.set(String(param.name), pairs.map((p) => p.value).join(","));
    else if (param.in === "query") queryString.push(...pairs);
    else if (param.in === "cookie") cookies.push(...pairs);
    else if (param.in === "header" && !IGNORED_HEADERS.has(String(param.name).toLowerCase())) headers.push(...pairs);
  }

  const path = (input.path.startsWith("/") ? input.path : `/${input.path}`).replace(/\{([^}]*)\}/g, (_, name: string) =>
    encodeURIComponent(pathValues.get(name) ?? placeholderName(name)),
  );

  const auth = authFor(operation, doc);
  const body = requestBody(operation, doc);
  const allHeaders = [
    ...(body?.contentType ? [{ name: "Content-Type", value: body.contentType }] : []),
    ...auth.headers,
    ...headers,
  ];
  // One value per header name (credentials win over a documented parameter of the same name).
  const seen = new Set<string>();
  const uniqueHeaders = allHeaders.filter((h) => {
    const key = h.name.toLowerCase();
    if (!HEADER_NAME.test(h.name) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const encodePair = (p: HarPair): HarPair => ({ name: encodeQuery(p.name), value: encodeQuery(p.value) });
  return {
    ...bareRequest(input.method, baseUrl(input.serverUrl, doc) + path),
    headers: uniqueHeaders.map((h) => ({ name: h.name, value: h.value.replace(/[\x00-\x08\x0a-\x1f\x7f]+/g, " ") })),
    queryString: [...queryString, ...auth.query].map(encodePair),
    cookies: [...cookies, ...auth.cookies].map(encodePair),
    ...(body ? { postData: body.postData } : {}),
  };
}

function bareRequest(method: unknown, url: string): HarRequest {
  return {
    // Both end up unquoted in some targets (`curl --request POST`), so keep them tame.
    method: typeof method === "string" && /^[A-Za-z]+$/.test(method) ? method.toUpperCase() : "GET",
    url: url.replace(/[\x00-\x20\x7f]/g, (c) => encodeURIComponent(c)),
    httpVersion: "HTTP/1.1",
    headers: [],
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
  };
}

// ---------------------------------------------------------------------------------------------
// Snippets

const TARGETS = [
  { id: "curl", label: "cURL", target: "shell", client: "curl" },
  { id: "javascript", label: "JavaScript", target: "javascript", client: "fetch" },
  { id: "python", label: "Python", target: "python", client: "requests" },
  { id: "go", label: "Go", target: "go", client: "native" },
] as const;

type SnippetInput = ConstructorParameters<typeof HTTPSnippet>[0];

const controlEscape = (c: string): string =>
  ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
/** Python string content, for httpsnippet's literals which only escape `"` in values and nothing in keys. */
const pyValue = (text: string): string => text.replace(/\\/g, "\\\\").replace(/[\x00-\x1f\x7f]/g, controlEscape);
const pyKey = (text: string): string => pyValue(text).replace(/"/g, '\\"');
/** JavaScript single-quoted string content (httpsnippet's fetch `form.append(...)` doesn't escape). */
const jsValue = (text: string): string =>
  text.replace(/[\\']/g, "\\$&").replace(/[\x00-\x1f\x7f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
/**
 * For strings that httpsnippet's fetch prints with stringify-object@3, which escapes quotes and
 * newlines but not backslashes (so `x\` would end the literal early). Escaping the quotes here
 * too keeps its `\?'` → `\'` replacement from eating one of our backslashes.
 */
const jsLiteral = (text: string): string => text.replace(/\\/g, "\\\\").replace(/'/g, "\\'");

function mapStrings(value: unknown, key: (k: string) => string, leaf: (v: string) => string): unknown {
  if (typeof value === "string") return leaf(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, key, leaf));
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [key(k), mapStrings(v, key, leaf)]));
  return value;
}

/**
 * A fresh copy of the request for one target (httpsnippet mutates it while converting), with
 * strings pre-escaped where that target's code generator would otherwise emit broken code.
 */
function harFor(id: string, har: HarRequest): HarRequest {
  const copy = structuredClone(har);
  if (id === "javascript") copy.headers = copy.headers.map((h) => ({ ...h, value: jsLiteral(h.value) }));
  const post = copy.postData;
  if (!post) return copy;
  const hasFile = post.params?.some((p) => p.fileName !== undefined) ?? false;
  if (id === "python") {
    if (post.mimeType === "application/json" && post.text) {
      try {
        post.text = JSON.stringify(mapStrings(JSON.parse(post.text), pyKey, pyValue));
      } catch {
        // not JSON after all: printed as an escaped string
      }
    }
    // Multipart without files is printed as its raw (safely escaped) text: leave it alone.
    if (post.params && (post.mimeType !== "multipart/form-data" || hasFile)) {
      post.params = post.params.map((p) => ({ ...p, name: pyKey(p.name), ...(p.value !== undefined && { value: pyValue(p.value) }) }));
    }
  }
  if (id === "javascript") {
    const escape = post.mimeType === "multipart/form-data" ? jsValue : jsLiteral;
    if (post.params) {
      post.params = post.params.map((p) => ({ ...p, name: escape(p.name), ...(p.value !== undefined && { value: escape(p.value) }) }));
    } else if (post.text && post.mimeType === "application/json") {
      post.text = JSON.stringify(mapStrings(JSON.parse(post.text), jsLiteral, jsLiteral));
    } else if (post.text) {
      post.text = jsLiteral(post.text);
    }
  }
  return copy;
}

/** Go: show the body as a raw string literal rather than one long line of escaped JSON. */
function goRawBody(code: string, text: string | undefined): string {
  if (!text || /[`\r]/.test(text)) return code; // raw strings can't hold a backquote and drop CRs
  return code.replace(`strings.NewReader(${JSON.stringify(text)})`, () => `strings.NewReader(\`${text}\`)`);
}

/** Code samples for one operation: cURL, JavaScript (fetch), Python (requests), Go (net/http). */
export function buildCodeSamples(input: SampleInput): CodeSample[] {
  let har: HarRequest;
  try {
    har = buildHar(input);
  } catch {
    // Only reachable on a pathological spec (e.g. a stack overflow): fall back to a bare request.
    har = bareRequest(input.method, baseUrl(input.serverUrl, {}) + String(input.path));
  }
  return TARGETS.map(({ id, label, target, client }) => {
    let code: string | false | undefined;
    try {
      // A fresh request each time: httpsnippet mutates the request while converting it.
      const snippet = new HTTPSnippet(harFor(id, har) as unknown as SnippetInput, { harIsAlreadyEncoded: true });
      code = snippet.convert(target, client)[0];
      if (id === "go" && typeof code === "string") code = goRawBody(code, har.postData?.text);
      // httpsnippet falls back to an unquoted heredoc when the body has a quote: quote the
      // delimiter so that pasting the command can't expand `$(...)` from the spec's example.
      if (id === "curl" && typeof code === "string") code = code.replace("@- <<EOF\n", "@- <<'EOF'\n");
    } catch {
      code = undefined;
    }
    const comment = id === "javascript" || id === "go" ? "//" : "#";
    return { id, label, code: typeof code === "string" ? code : `${comment} Could not generate a ${label} sample for ${har.method} ${har.url}` };
  });
}
