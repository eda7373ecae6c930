// Operations: which were added, removed, moved or deprecated, and for each one present in both
// versions its parameters, request body, responses and security. Operations are matched by
// method and path with parameter names ignored, so `/users/{id}` → `/users/{userId}` is one
// operation with a renamed path parameter, not a removal and an addition.
import { effectiveParameters, isObj, type Parameter } from "@/lib/openapi/document";
import { operationsOf } from "@/lib/specs/normalize";
import type { Place, Target } from "./emit";
import { compareSchemas } from "./schema-diff";
import { compareOperationSecurity } from "./security";
import { capitalize, code } from "./text";
import type { OperationRef } from "./types";
import { entries, mediaKey, obj, str, type Obj, type Walk } from "./walk";

interface Op {
  method: string;
  path: string;
  pathItem: Obj;
  op: Obj;
}

const templateNames = (path: string) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
const normPath = (path: string) => path.replace(/\{[^}]*\}/g, "{}");
const opLabel = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** `to` is `from` with one or more `{param}` segments left out. */
function dropsParams(from: string, to: string): boolean {
  const f = from.split("/");
  const t = to.split("/");
  if (t.length >= f.length) return false;
  let j = 0;
  for (const seg of f) {
    if (j < t.length && seg === t[j]) j++;
    else if (!/^\{[^}]*\}$/.test(seg)) return false;
  }
  return j === t.length;
}

function listOps(doc: Obj): Op[] {
  return entries(doc.paths).flatMap(([path, raw]) => {
    const pathItem = obj(doc, raw);
    return operationsOf(pathItem).map(([method, op]) => ({ method, path, pathItem, op }));
  });
}

/** Matches operations by method and path template; paths that only differ in parameter names match. */
function matchOps(before: Op[], after: Op[]): { pairs: [Op, Op][]; removed: Op[]; added: Op[] } {
  const byExact = new Map(after.map((o) => [`${o.method} ${o.path}`, o]));
  const byNorm = new Map<string, Op[]>();
  for (const o of after) byNorm.set(`${o.method} ${normPath(o.path)}`, [...(byNorm.get(`${o.method} ${normPath(o.path)}`) ?? []), o]);
  const used = new Set<Op>();
  const pairs: [Op, Op][] = [];
  const removed: Op[] = [];
  for (const b of before) {
    const exact = byExact.get(`${b.method} ${b.path}`);
    const candidates = byNorm.get(`${b.method} ${normPath(b.path)}`) ?? [];
    const match = exact ?? (candidates.length === 1 && !used.has(candidates[0]!) ? candidates[0] : undefined);
    if (match && !used.has(match)) {
      used.add(match);
      pairs.push([b, match]);
    } else removed.push(b);
  }
  return { pairs, removed, added: after.filter((o) => !used.has(o)) };
}

export function compareOperations(w: Walk): void {
  const { pairs, removed, added } = matchOps(listOps(w.before), listOps(w.after));
  const afterPaths = new Set(listOps(w.after).map((o) => normPath(o.path)));
  for (const b of removed) {
    const ref = { method: b.method, path: b.path };
    const ptr = ["paths", b.path, b.method];
    // Dropped path parameter: the same method now lives at the path without that segment.
    const moved = added.find((a) => a.method === b.method && dropsParams(b.path, a.path));
    if (moved) {
      const gone = templateNames(b.path).filter((n) => !templateNames(moved.path).includes(n));
      w.out.add("request-path-parameter-removed", `Removed path parameter ${gone.map(code).join(", ")} from ${opLabel(b.method, b.path)}: it is now ${opLabel(moved.method, moved.path)}`, { operation: ref }, ptr);
      continue;
    }
    const deprecated = b.op.deprecated === true;
    const whole = !afterPaths.has(normPath(b.path));
    const kind = `${whole ? "api-path-removed" : "api-removed"}-${deprecated ? "with" : "without"}-deprecation`;
    w.out.add(kind, `Removed ${opLabel(b.method, b.path)}${deprecated ? ", which was deprecated" : ""}`, { operation: ref }, ptr);
  }
  for (const a of added) {
    const summary = str(a.op.summary)?.trim();
    w.out.add("endpoint-added", `Added ${opLabel(a.method, a.path)}${summary ? ` (${summary})` : ""}`, { operation: { method: a.method, path: a.path } }, ["paths", a.path, a.method]);
  }
  for (const [b, a] of pairs) compareOperation(w, b, a);
}

function compareOperation(w: Walk, b: Op, a: Op): void {
  const label = opLabel(a.method, a.path);
  const target: Target = { operation: { method: a.method, path: a.path }, ...(b.path !== a.path ? { previousPath: b.path } : {}) };
  const ptr = ["paths", a.path, a.method];
  w.setUser(label);
  const namesB = templateNames(b.path);
  const namesA = templateNames(a.path);
  namesB.forEach((n, i) => {
    if (namesA[i] !== undefined && namesA[i] !== n) w.out.add("request-path-parameter-renamed", `Renamed path parameter ${code(n)} of ${label} to ${code(namesA[i]!)}`, target, [...ptr, "parameters", "path", namesA[i]!]);
  });
  lifecycle(w, b.op, a.op, label, target, ptr);
  if (str(b.op.summary) !== str(a.op.summary)) w.out.doc(target, label, "summary", ptr);
  if (str(b.op.description) !== str(a.op.description)) w.out.doc(target, label, "description", ptr);
  compareParameters(w, b, a, label, target, ptr, namesB, namesA);
  compareRequestBody(w, b.op, a.op, label, target, ptr);
  compareResponses(w, b.op.responses, a.op.responses, label, target, ptr, "response");
  compareOperationSecurity(w, b.op, a.op, label, target, ptr);
}

function lifecycle(w: Walk, b: Obj, a: Obj, label: string, target: Target, ptr: string[]): void {
  const sunset = str(a["x-sunset"]);
  if (b.deprecated !== true && a.deprecated === true) {
    w.out.add(target.webhook ? "webhook-deprecated" : "endpoint-deprecated", `Deprecated ${label}${sunset ? `; it stops working on ${sunset}` : ""}`, target, [...ptr, "deprecated"]);
  } else if (b.deprecated === true && a.deprecated !== true && !target.webhook) {
    w.out.add("endpoint-reactivated", `${label} is no longer deprecated`, target, [...ptr, "deprecated"]);
  } else if (b.deprecated === true && sunset !== str(b["x-sunset"]) && sunset) {
    w.out.add("api-sunset-changed", `${label} now stops working on ${sunset}${str(b["x-sunset"]) ? ` (was ${str(b["x-sunset"])})` : ""}`, target, [...ptr, "x-sunset"]);
  }
  const idB = str(b.operationId);
  const idA = str(a.operationId);
  if (idB && idA && idB !== idA) w.out.add("api-operation-id-removed", `The operationId of ${label} changed from ${code(idB)} to ${code(idA)}`, target, [...ptr, "operationId"]);
}

const paramKey = (p: Parameter) => `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`;
const paramPhrase = (p: Parameter) => `${p.in} parameter ${code(p.name)}`;

function compareParameters(w: Walk, b: Op, a: Op, label: string, target: Target, ptr: string[], namesB: string[], namesA: string[]): void {
  const pb = effectiveParameters(w.before, b.pathItem, b.op);
  const pa = effectiveParameters(w.after, a.pathItem, a.op);
  // Path parameters pair up by position in the template (renames are reported above).
  const key = (p: Parameter, names: string[]) => (p.in === "path" && names.includes(p.name) ? `path#${names.indexOf(p.name)}` : paramKey(p));
  const mapA = new Map(pa.map((p) => [key(p, namesA), p]));
  const mapB = new Map(pb.map((p) => [key(p, namesB), p]));
  for (const [k, p] of mapB) {
    const q = mapA.get(k);
    const at = [...ptr, "parameters", p.in, q?.name ?? p.name];
    if (!q) {
      if (p.in === "path") continue; // the path itself changed: reported as a moved or removed operation
      const kind = p.deprecated ? "request-parameter-removed-with-deprecation" : "request-parameter-removed";
      w.out.add(kind, `Removed ${p.deprecated ? "deprecated " : p.required ? "required " : ""}${paramPhrase(p)} from ${label}`, target, at);
      continue;
    }
    if (!p.required && q.required) w.out.add("request-parameter-became-required", `${capitalize(paramPhrase(q))} of ${label} is now required`, target, [...at, "required"]);
    if (p.required && !q.required) w.out.add("request-parameter-became-optional", `${capitalize(paramPhrase(q))} of ${label} is now optional`, target, [...at, "required"]);
    if (!p.deprecated && q.deprecated) w.out.add("request-parameter-deprecated", `Deprecated ${paramPhrase(q)} of ${label}`, target, [...at, "deprecated"]);
    if (p.deprecated && !q.deprecated) w.out.add("request-parameter-reactivated", `${capitalize(paramPhrase(q))} of ${label} is no longer deprecated`, target, [...at, "deprecated"]);
    if (p.description !== q.description) w.out.doc(target, label, "parameter descriptions", at);
    const place: Place = { ...target, phrase: `${paramPhrase(q)} of ${label}`, suffix: "", label, level: "param", dir: "request", ptr: [...at, "schema"] };
    w.out.findings(place, compareSchemas(w.schemas, p.schema, q.schema, "request"));
  }
  for (const [k, q] of mapA) {
    if (mapB.has(k) || q.in === "path") continue;
    w.out.add(q.required ? "new-required-request-parameter" : "new-optional-request-parameter", `Added ${q.required ? "required" : "optional"} ${paramPhrase(q)} to ${label}`, target, [...ptr, "parameters", q.in, q.name]);
  }
}

function contentOf(doc: Obj, holder: Obj): Map<string, { name: string; schema: unknown }> {
  return new Map(entries(holder.content).map(([name, m]) => [mediaKey(name), { name, schema: obj(doc, m).schema }]));
}

function compareRequestBody(w: Walk, opB: Obj, opA: Obj, label: string, target: Target, ptr: string[]): void {
  const at = [...ptr, "requestBody"];
  const hasB = isObj(opB.requestBody);
  const hasA = isObj(opA.requestBody);
  const b = obj(w.before, opB.requestBody);
  const a = obj(w.after, opA.requestBody);
  if (!hasB && !hasA) return;
  if (!hasA) return w.out.add("request-body-removed", `Removed the request body of ${label}`, target, at);
  if (!hasB) {
    return w.out.add(a.required === true ? "request-body-added-required" : "request-body-added-optional", a.required === true ? `${label} now requires a request body` : `${label} now accepts an optional request body`, target, at);
  }
  if (b.required !== true && a.required === true) w.out.add("request-body-became-required", `The request body of ${label} is now required`, target, [...at, "required"]);
  if (b.required === true && a.required !== true) w.out.add("request-body-became-optional", `The request body of ${label} is now optional`, target, [...at, "required"]);
  if (str(b.description) !== str(a.description)) w.out.doc(target, label, "request body description", at);
  const cb = contentOf(w.before, b);
  const ca = contentOf(w.after, a);
  for (const [key, mb] of cb) {
    const ma = ca.get(key);
    if (!ma) {
      w.out.add("request-body-media-type-removed", `${label} no longer accepts ${code(mb.name)} request bodies`, target, [...at, "content", mb.name]);
      continue;
    }
    const place: Place = { ...target, phrase: `the request body of ${label}`, suffix: "", label, level: "body", dir: "request", ptr: [...at, "content", ma.name, "schema"] };
    w.out.findings(place, compareSchemas(w.schemas, mb.schema, ma.schema, "request"));
  }
  for (const [key, ma] of ca) if (!cb.has(key)) w.out.add("request-body-media-type-added", `${label} now accepts ${code(ma.name)} request bodies`, target, [...at, "content", ma.name]);
}

const success = (status: string) => /^2/.test(status);

/**
 * Responses of an operation (dir "response"), or a webhook's payload seen from the receiver. The
 * phrase names them "the 200 response of GET /alerts".
 */
export function compareResponses(w: Walk, rb: unknown, ra: unknown, label: string, target: Target, ptr: string[], dir: "response" | "request"): void {
  const listB = new Map(entries(rb).map(([s, r]) => [s.toUpperCase(), obj(w.before, r)]));
  const listA = new Map(entries(ra).map(([s, r]) => [s.toUpperCase(), obj(w.after, r)]));
  for (const [status, b] of listB) {
    const at = [...ptr, "responses", status];
    const a = listA.get(status);
    if (!a) {
      w.out.add(success(status) ? "response-success-status-removed" : "response-non-success-status-removed", `Removed the ${status} response of ${label}`, target, at);
      continue;
    }
    const phrase = `the ${status} response of ${label}`;
    if (str(b.description) !== str(a.description)) w.out.doc(target, label, "response descriptions", at);
    compareHeaders(w, b, a, phrase, target, at);
    const cb = contentOf(w.before, b);
    const ca = contentOf(w.after, a);
    for (const [key, mb] of cb) {
      const ma = ca.get(key);
      if (!ma) {
        w.out.add("response-media-type-removed", `${capitalize(phrase)} is no longer sent as ${code(mb.name)}`, target, [...at, "content", mb.name]);
        continue;
      }
      const place: Place = { ...target, phrase, suffix: "", label, level: "body", dir, ptr: [...at, "content", ma.name, "schema"] };
      w.out.findings(place, compareSchemas(w.schemas, mb.schema, ma.schema, dir));
    }
    for (const [key, ma] of ca) if (!cb.has(key)) w.out.add("response-media-type-added", `${capitalize(phrase)} can now be sent as ${code(ma.name)}`, target, [...at, "content", ma.name]);
  }
  for (const status of listA.keys()) {
    if (!listB.has(status)) w.out.add(success(status) ? "response-success-status-added" : "response-non-success-status-added", `Added a ${status} response to ${label}`, target, [...ptr, "responses", status]);
  }
}

function compareHeaders(w: Walk, b: Obj, a: Obj, phrase: string, target: Target, ptr: string[]): void {
  const hb = new Map(entries(b.headers).map(([n, h]) => [n.toLowerCase(), { name: n, h: obj(w.before, h) }]));
  const ha = new Map(entries(a.headers).map(([n, h]) => [n.toLowerCase(), { name: n, h: obj(w.after, h) }]));
  for (const [key, { name, h }] of hb) {
    const now = ha.get(key);
    if (!now) {
      w.out.add(h.required === true ? "required-response-header-removed" : "optional-response-header-removed", `Removed response header ${code(name)} from ${phrase}`, target, [...ptr, "headers", name]);
    } else if (h.required === true && now.h.required !== true) {
      w.out.add("response-header-became-optional", `Response header ${code(name)} of ${phrase} may now be missing`, target, [...ptr, "headers", name]);
    }
  }
  for (const [key, { name }] of ha) if (!hb.has(key)) w.out.add("response-header-added", `Added response header ${code(name)} to ${phrase}`, target, [...ptr, "headers", name]);
}

export type { OperationRef };
