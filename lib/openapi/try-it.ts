// The Try-it console's model: what the server passes about one operation (TryItSpec, small and
// serialisable), what the reader typed (TryItInput), and the request built from both. Pure
// functions with no imports, so the console's chunk stays small and everything is unit-tested.

export type ParamIn = "path" | "query" | "header" | "cookie";

export interface TryItParam {
  name: string;
  in: ParamIn;
  required: boolean;
  /** Arrays are typed comma-separated and sent by style/explode. */
  array: boolean;
  style: string;
  explode: boolean;
  /** Type label for the form ("integer", "string<date>"). */
  type: string;
  enum?: string[];
  /** Prefilled value (required parameters) or placeholder (optional ones). */
  example?: string;
}

export interface TryItServer {
  url: string;
  description?: string;
  variables: { name: string; default: string; enum?: string[] }[];
}

export type TryItScheme =
  | { id: string; kind: "apiKey"; in: "header" | "query" | "cookie"; name: string }
  | { id: string; kind: "http"; scheme: string }
  | { id: string; kind: "oauth2" | "openIdConnect" }
  | { id: string; kind: "unsupported"; type: string };

export interface TryItBody {
  mediaType: string;
  example: string;
}

export interface TryItSpec {
  method: string;
  path: string;
  servers: TryItServer[];
  parameters: TryItParam[];
  bodies: TryItBody[];
  bodyRequired: boolean;
  schemes: TryItScheme[];
  /** Security requirements (OR of ANDs) as scheme ids; [] is "no authorization". */
  requirements: string[][];
}

/** What the reader has for one scheme: a token or key, or a user name and password (basic). */
export interface Credential {
  token?: string;
  username?: string;
  password?: string;
}

export interface TryItInput {
  serverUrl: string;
  /** By paramKey(). */
  values: Record<string, string>;
  body: { mediaType: string; text: string } | null;
  /** Index into spec.requirements. */
  requirement: number;
  credentials: Record<string, Credential>;
}

export interface BuiltRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
}

export interface FieldError {
  /** paramKey(), "server", "body" or "auth:<scheme id>". */
  field: string;
  message: string;
}

export type BuildResult = { ok: true; request: BuiltRequest; warnings: string[] } | { ok: false; errors: FieldError[]; warnings: string[] };

export const paramKey = (p: { in: ParamIn; name: string }) => `${p.in}:${p.name}`;

export const isJsonMediaType = (mediaType: string) => /^application\/(.+\+)?json\b/i.test(mediaType.trim()) || /\/json\b/i.test(mediaType);

/**
 * Headers a page cannot set on fetch(): the browser drops them or fails. (Fetch standard's
 * forbidden request-header names; `Proxy-` and `Sec-` prefixes too.)
 */
const FORBIDDEN_HEADERS = new Set([
  "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method", "connection",
  "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer", "set-cookie",
  "te", "trailer", "transfer-encoding", "upgrade", "via",
]);
export const isForbiddenHeader = (name: string) => {
  const n = name.toLowerCase();
  return FORBIDDEN_HEADERS.has(n) || n.startsWith("proxy-") || n.startsWith("sec-");
};

/** A server's URL with its variables filled in (the reader's values, else the defaults). */
export function resolveServerUrl(server: TryItServer, values: Record<string, string> = {}): string {
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = values[name] ?? server.variables.find((x) => x.name === name)?.default;
    return v === undefined || v === "" ? whole : v;
  });
  // Swagger 2.0 without `schemes` converts to a protocol-relative URL.
  return url.startsWith("//") ? `https:${url}` : url;
}

/** Percent-encodes, leaving the characters RFC 3986 allows as they are in a query value and that read better raw. */
const encodeQueryValue = (text: string) => encodeURIComponent(text).replace(/%(2C|3A|40|2F|24)/gi, (e) => decodeURIComponent(e));

/** "a, b ,c" → ["a", "b", "c"] (empty items dropped). */
const splitList = (text: string) => text.split(",").map((s) => s.trim()).filter((s) => s !== "");

/** The query pairs for one parameter value, following style/explode (already encoded). */
function queryPairs(p: TryItParam, raw: string): string[] {
  const name = encodeURIComponent(p.name);
  if (!p.array) return [`${name}=${encodeQueryValue(raw)}`];
  const items = splitList(raw);
  if (p.style === "form" && p.explode) return items.map((v) => `${name}=${encodeQueryValue(v)}`);
  const sep = p.style === "spaceDelimited" ? "%20" : p.style === "pipeDelimited" ? "|" : ",";
  return [`${name}=${items.map(encodeQueryValue).join(sep)}`];
}

/** UTF-8 safe base64, for Basic credentials. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** "Unexpected token } in JSON at position 12" → with line and column when the engine says where. */
export function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    if (!pos) return message;
    const before = text.slice(0, Number(pos[1]));
    const line = before.split("\n").length;
    const column = Number(pos[1]) - before.lastIndexOf("\n");
    return `${message.replace(/\s*\(line \d+ column \d+\)/, "")} (line ${line}, column ${column})`;
  }
}

/**
 * The request the console sends, or the reasons it cannot: missing required values, a server
 * URL that is not absolute http(s), a JSON body that does not parse. `portalOrigin` is the
 * portal's own origin: credentials are never sent there.
 */
export function buildRequest(spec: TryItSpec, input: TryItInput, portalOrigin?: string): BuildResult {
  const errors: FieldError[] = [];
  const warnings: string[] = [];
  const headers: [string, string][] = [];
  const query: string[] = [];

  let base: URL | null = null;
  const serverUrl = input.serverUrl.trim();
  try {
    base = new URL(serverUrl);
    if (base.protocol !== "https:" && base.protocol !== "http:") base = null;
  } catch {
    base = null;
  }
  if (/\{[^}]*\}/.test(serverUrl)) {
    base = null;
    errors.push({ field: "server", message: "Fill in the server variables ({…}) in the URL" });
  } else if (!base) {
    errors.push({ field: "server", message: serverUrl ? "Enter the server's full URL, starting with https:// or http://" : "Enter the server's URL" });
  }

  let path = spec.path;
  for (const p of spec.parameters) {
    const key = paramKey(p);
    const raw = (input.values[key] ?? "").trim();
    if (raw === "") {
      if (p.required) errors.push({ field: key, message: `${p.name} is required` });
      continue;
    }
    if (p.in === "path") {
      const value = p.array ? splitList(raw).map(encodeURIComponent).join(",") : encodeURIComponent(raw);
      path = path.split(`{${p.name}}`).join(value);
    } else if (p.in === "query") {
      query.push(...queryPairs(p, raw));
    } else if (p.in === "header") {
      if (isForbiddenHeader(p.name)) warnings.push(`Header ${p.name} not sent: browsers do not let a page set it.`);
      else headers.push([p.name, p.array ? splitList(raw).join(",") : raw]);
    } else {
      warnings.push(`Cookie ${p.name} not sent: browsers do not let a page set cookies for another site (use curl).`);
    }
  }

  const requirement = spec.requirements[input.requirement] ?? [];
  let sendsCredentials = false;
  for (const id of requirement) {
    const scheme = spec.schemes.find((s) => s.id === id);
    const cred = input.credentials[id] ?? {};
    const token = (cred.token ?? "").trim();
    if (!scheme) continue;
    if (scheme.kind === "apiKey") {
      if (!token) continue;
      if (scheme.in === "header") headers.push([scheme.name, token]);
      else if (scheme.in === "query") query.push(`${encodeURIComponent(scheme.name)}=${encodeQueryValue(token)}`);
      else {
        warnings.push(`API key cookie ${scheme.name} not sent: browsers do not let a page set cookies for another site (use curl).`);
        continue;
      }
      sendsCredentials = true;
    } else if (scheme.kind === "http" && scheme.scheme.toLowerCase() === "basic") {
      if (!cred.username && !cred.password) continue;
      headers.push(["Authorization", `Basic ${base64(`${cred.username ?? ""}:${cred.password ?? ""}`)}`]);
      sendsCredentials = true;
    } else if (scheme.kind !== "unsupported") {
      if (!token) continue;
      const name = scheme.kind === "http" && scheme.scheme.toLowerCase() !== "bearer" ? scheme.scheme : "Bearer";
      headers.push(["Authorization", /^bearer\s/i.test(token) && name === "Bearer" ? token : `${name} ${token}`]);
      sendsCredentials = true;
    } else {
      warnings.push(`${scheme.id} (${scheme.type}) cannot be sent from a browser.`);
    }
  }
  if (sendsCredentials && base && portalOrigin && base.origin === portalOrigin) {
    errors.push({ field: "server", message: "This URL is the portal itself, not the API: your key is never sent to the portal. Enter the API's server." });
  }

  let body: string | undefined;
  const method = spec.method.toUpperCase();
  if (input.body && spec.bodies.length > 0) {
    const text = input.body.text;
    if (text.trim() === "") {
      if (spec.bodyRequired) errors.push({ field: "body", message: "The request body is required" });
    } else if (method === "GET" || method === "HEAD") {
      warnings.push(`Body not sent: browsers cannot send a body with ${method}.`);
    } else {
      const problem = isJsonMediaType(input.body.mediaType) ? jsonError(text) : null;
      if (problem) errors.push({ field: "body", message: `The body is not valid JSON: ${problem}` });
      body = text;
      headers.push(["Content-Type", input.body.mediaType]);
    }
  }

  if (errors.length > 0 || !base) return { ok: false, errors, warnings };
  const search = [base.search.slice(1), ...query].filter(Boolean).join("&");
  const url = `${base.origin}${base.pathname.replace(/\/+$/, "")}${path}${search ? `?${search}` : ""}`;
  return { ok: true, request: { method, url, headers, ...(body !== undefined ? { body } : {}) }, warnings };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The same request as a curl command (for servers that refuse browsers: CORS). */
export function toCurl(r: BuiltRequest): string {
  const lines = [`curl --request ${r.method} ${shellQuote(r.url)}`];
  for (const [name, value] of r.headers) lines.push(`  --header ${shellQuote(`${name}: ${value}`)}`);
  if (r.body !== undefined) lines.push(`  --data ${shellQuote(r.body)}`);
  return lines.join(" \\\n");
}

/**
 * Where a Portolan test key goes (components/openapi/try-it/test-key.tsx): the schemes that take
 * one (an API key in a header or query, a bearer token) in the chosen requirement, else in the
 * first requirement that has any; null when the operation takes no such credential.
 */
export function keyTargets(spec: TryItSpec, current: number): { requirement: number; ids: string[] } | null {
  const takesKey = (id: string) => {
    const s = spec.schemes.find((x) => x.id === id);
    return s !== undefined && ((s.kind === "apiKey" && s.in !== "cookie") || (s.kind === "http" && s.scheme.toLowerCase() === "bearer"));
  };
  for (const i of [current, ...spec.requirements.keys()]) {
    const ids = (spec.requirements[i] ?? []).filter(takesKey);
    if (ids.length) return { requirement: i, ids };
  }
  return null;
}
