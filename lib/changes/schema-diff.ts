// Compares two schemas for one direction of the exchange (what a client sends, or what it
// reads) and returns findings relative to the two roots. The caller names the place (a query
// parameter, a response body, a component) and turns findings into changes (operations.ts).
//
// Shared component schemas are compared once: where both sides reference the same component
// (`$ref: '#/components/schemas/X'`), the walk stops and reports the use instead, and diff.ts
// compares X itself once per direction. That keeps GitHub-sized descriptions (a user schema used
// by 800 operations) to one pass over each schema. Other reference pairs (a response that moved
// from `Error` to `Problem`) are compared structurally, once per pair (memo), with a cycle guard.
import { isObj } from "@/lib/openapi/document";
import { RULES } from "./rules";
import { componentName, hiddenIn, peel, resolve, typeAccepts, typeLabel, typesOverlap, view, type Bound, type SchemaView } from "./schema-view";

type Obj = Record<string, unknown>;
export type Dir = "request" | "response";

export interface FindingArgs {
  from?: string;
  to?: string;
  values?: string[];
  variants?: string[];
  by?: string;
}

export interface RawFinding {
  /** A complete rule id (property rules) … */
  kind?: string;
  /** … or a schema rule the caller prefixes with the place ("type-changed" → "request-parameter-type-changed"). */
  rule?: string;
  /** Property path below the root: ["data", "[]", "severity"]. */
  prop: string[];
  /** JSON pointer segments below the root (newer version's names). */
  ptr: string[];
  args: FindingArgs;
  /** Found in these oneOf/anyOf variants only (when not in every one). */
  only?: string[];
}

export interface SchemaDiffContext {
  before: Obj;
  after: Obj;
  onComponent: (name: string, dir: Dir) => void;
  /** Findings of reference pairs already compared, and the components they reach. */
  memo: Map<string, { findings: RawFinding[]; uses: [string, Dir][] }>;
  uses: [string, Dir][];
  steps: number;
  limit: number;
  truncated: boolean;
}

export function newSchemaContext(before: Obj, after: Obj, onComponent: SchemaDiffContext["onComponent"], limit = 2_000_000): SchemaDiffContext {
  return { before, after, onComponent, memo: new Map(), uses: [], steps: 0, limit, truncated: false };
}

const MAX_DEPTH = 48;
const show = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

function prefixed(findings: RawFinding[], prop: string[], ptr: string[]): RawFinding[] {
  if (!prop.length && !ptr.length) return findings;
  return findings.map((f) => ({ ...f, prop: [...prop, ...f.prop], ptr: [...ptr, ...f.ptr] }));
}

/** Compares `before` and `after` (schemas of the older and newer version) for direction `dir`. */
export function compareSchemas(ctx: SchemaDiffContext, before: unknown, after: unknown, dir: Dir): RawFinding[] {
  return compare(ctx, before, after, dir, new Set(), 0);
}

function compare(ctx: SchemaDiffContext, before: unknown, after: unknown, dir: Dir, stack: Set<string>, depth: number): RawFinding[] {
  if (before === undefined || after === undefined || depth > MAX_DEPTH) return [];
  if (++ctx.steps > ctx.limit) {
    ctx.truncated = true;
    return [];
  }
  const pb = peel(before);
  const pa = peel(after);
  const out: RawFinding[] = [];
  const refB = isObj(pb.node) ? componentName(pb.node.$ref) : null;
  const refA = isObj(pa.node) ? componentName(pa.node.$ref) : null;
  if (refB !== null && refB === refA) {
    // The same component on both sides: compared once on its own (diff.ts); only a nullable
    // wrapper around the reference belongs to this place.
    nullability(out, pb.nullable, pa.nullable);
    use(ctx, refB, dir);
    return out;
  }
  const rb = resolve(ctx.before, pb.node);
  const ra = resolve(ctx.after, pa.node);
  if (!rb.schema || !ra.schema) return out;
  const key = rb.ref && ra.ref ? `${dir}\0${rb.ref}\0${ra.ref}\0${pb.nullable}\0${pa.nullable}` : null;
  if (key) {
    if (stack.has(key)) return out;
    const known = ctx.memo.get(key);
    if (known) {
      for (const [name, d] of known.uses) use(ctx, name, d);
      return known.findings;
    }
    stack.add(key);
  }
  const firstUse = ctx.uses.length;
  const vb = view(rb.schema, ctx.before, pb.nullable);
  const va = view(ra.schema, ctx.after, pa.nullable);
  compareViews(ctx, vb, va, dir, stack, depth, out);
  if (key) {
    stack.delete(key);
    ctx.memo.set(key, { findings: out, uses: ctx.uses.slice(firstUse) });
  }
  return out;
}

function use(ctx: SchemaDiffContext, name: string, dir: Dir): void {
  ctx.uses.push([name, dir]);
  ctx.onComponent(name, dir);
}

function nullability(out: RawFinding[], before: boolean, after: boolean): void {
  if (before !== after) out.push({ rule: after ? "became-nullable" : "became-not-nullable", prop: [], ptr: [], args: {} });
}

function compareViews(ctx: SchemaDiffContext, b: SchemaView, a: SchemaView, dir: Dir, stack: Set<string>, depth: number, out: RawFinding[]): void {
  const add = (rule: string, args: FindingArgs = {}, ptr: string[] = []) => out.push({ rule, prop: [], ptr, args });
  if (!b.deprecated && a.deprecated) out.push({ kind: `${dir}-property-deprecated`, prop: [], ptr: ["deprecated"], args: {} });
  if (b.raw.description !== a.raw.description || b.raw.title !== a.raw.title) out.push({ kind: "doc", prop: [], ptr: [], args: {} });
  nullability(out, b.nullable, a.nullable);

  if (b.variants || a.variants) {
    compareVariants(ctx, b, a, dir, stack, depth, out);
    return;
  }

  const lb = typeLabel(b);
  const la = typeLabel(a);
  if (lb !== la) {
    const widened = dir === "request" ? typeAccepts(a, b) : typeAccepts(b, a);
    add(widened ? (dir === "request" ? "type-generalized" : "type-specialized") : "type-changed", { from: lb, to: la }, ["type"]);
    if (!typesOverlap(a, b)) return;
  }

  compareEnum(b, a, add);
  compareBound("min", b.lower, a.lower, false, add);
  compareBound("max", b.upper, a.upper, true, add);
  compareCount("max-length", b.maxLength, a.maxLength, true, add);
  compareCount("min-length", b.minLength ?? 0, a.minLength ?? 0, false, add);
  compareCount("max-items", b.maxItems, a.maxItems, true, add);
  compareCount("min-items", b.minItems, a.minItems, false, add);
  if (b.pattern !== a.pattern) {
    if (b.pattern === undefined) add("pattern-added", { to: a.pattern }, ["pattern"]);
    else if (a.pattern === undefined) add("pattern-removed", { from: b.pattern }, ["pattern"]);
    else add("pattern-changed", { from: b.pattern, to: a.pattern }, ["pattern"]);
  }

  compareProperties(ctx, b, a, dir, stack, depth, out);
  if (b.raw.items !== undefined && a.raw.items !== undefined) {
    out.push(...prefixed(compare(ctx, b.raw.items, a.raw.items, dir, stack, depth + 1), ["[]"], ["items"]));
  }
  if (isObj(b.raw.additionalProperties) && isObj(a.raw.additionalProperties)) {
    out.push(...prefixed(compare(ctx, b.raw.additionalProperties, a.raw.additionalProperties, dir, stack, depth + 1), ["*"], ["additionalProperties"]));
  }
}

function compareEnum(b: SchemaView, a: SchemaView, add: (rule: string, args?: FindingArgs, ptr?: string[]) => void): void {
  if (b.enum && a.enum) {
    const keysA = new Set(a.enum.map((v) => JSON.stringify(v)));
    const keysB = new Set(b.enum.map((v) => JSON.stringify(v)));
    const removed = b.enum.filter((v) => !keysA.has(JSON.stringify(v)));
    const added = a.enum.filter((v) => !keysB.has(JSON.stringify(v)));
    if (removed.length) add("enum-value-removed", { values: removed.map(show) }, ["enum"]);
    if (added.length) add("enum-value-added", { values: added.map(show) }, ["enum"]);
  } else if (!b.enum && a.enum) {
    add("became-enum", { values: a.enum.map(show) }, ["enum"]);
  } else if (b.enum && !a.enum) {
    add("became-not-enum", { values: b.enum.map(show) }, ["enum"]);
  }
}

const boundText = (x: Bound) => `${x.exclusive ? "> " : ""}${x.value}`.replace(/^> (.*)$/, "$1 (exclusive)");

/** Lower (`upper` false) or upper bound: set, unset, or moved; "increased"/"decreased" name the value's move. */
function compareBound(name: "min" | "max", b: Bound | undefined, a: Bound | undefined, upper: boolean, add: (rule: string, args?: FindingArgs, ptr?: string[]) => void): void {
  const ptr = [upper ? "maximum" : "minimum"];
  if (!b && !a) return;
  if (!b) return add(`${name}-set`, { to: boundText(a!) }, ptr);
  if (!a) return add(`${name}-unset`, { from: boundText(b) }, ptr);
  if (b.value === a.value && b.exclusive === a.exclusive) return;
  // An exclusive bound at the same value is tighter: a lower bound moves up, an upper one down.
  const up = a.value > b.value || (a.value === b.value && (upper ? !a.exclusive : a.exclusive));
  add(`${name}-${up ? "increased" : "decreased"}`, { from: boundText(b), to: boundText(a) }, ptr);
}

function compareCount(name: string, b: number | undefined, a: number | undefined, canUnset: boolean, add: (rule: string, args?: FindingArgs, ptr?: string[]) => void): void {
  const ptr = [name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())];
  if (b === a) return;
  if (b === undefined) return add(`${name}-set`, { to: String(a) }, ptr);
  if (a === undefined) return canUnset || name === "min-items" ? add(`${name}-unset`, { from: String(b) }, ptr) : undefined;
  add(`${name}-${a > b ? "increased" : "decreased"}`, { from: String(b), to: String(a) }, ptr);
}

function compareProperties(ctx: SchemaDiffContext, b: SchemaView, a: SchemaView, dir: Dir, stack: Set<string>, depth: number, out: RawFinding[]): void {
  const names = new Set([...Object.keys(b.properties), ...Object.keys(a.properties)]);
  const closed = a.raw.additionalProperties === false;
  for (const name of names) {
    const pb = b.properties[name];
    const pa = a.properties[name];
    const hideB = pb !== undefined && hiddenIn(dir, pb, ctx.before);
    const hideA = pa !== undefined && hiddenIn(dir, pa, ctx.after);
    const at = (kind: string): RawFinding => ({ kind, prop: [name], ptr: ["properties", name], args: {} });
    if (pa === undefined) {
      if (hideB) continue;
      if (dir === "request") out.push(at(closed ? "request-property-removed-closed" : "request-property-removed"));
      else out.push(at(b.required.has(name) ? "response-required-property-removed" : "response-optional-property-removed"));
      continue;
    }
    if (pb === undefined) {
      if (hideA) continue;
      if (dir === "request") out.push(at(a.required.has(name) ? "new-required-request-property" : "new-optional-request-property"));
      else out.push(at(a.required.has(name) ? "response-required-property-added" : "response-optional-property-added"));
      continue;
    }
    if (hideA && hideB) continue;
    const reqB = b.required.has(name);
    const reqA = a.required.has(name);
    if (reqB !== reqA && !hideA) {
      if (dir === "request") out.push(at(reqA ? "request-property-became-required" : "request-property-became-optional"));
      else out.push(at(reqA ? "response-property-became-required" : "response-property-became-optional"));
    }
    out.push(...prefixed(compare(ctx, pb, pa, dir, stack, depth + 1), [name], ["properties", name]));
  }
}

/** A variant's name for texts and matching: its component name, else its title, else its position. */
function variantName(v: unknown, i: number): string {
  if (isObj(v)) return componentName(v.$ref) ?? (typeof v.title === "string" ? v.title : `variant ${i + 1}`);
  return `variant ${i + 1}`;
}

const breakingCount = (fs: RawFinding[], dir: Dir) => fs.filter((f) => RULES[f.kind ?? `${dir}-property-${f.rule}`]?.severity === "breaking").length;

const findingKey = (f: RawFinding) => `${f.kind ?? f.rule}\0${f.prop.join("/")}\0${JSON.stringify(f.args)}`;

/** The findings of every variant, once each; those not found in every variant say where they were. */
function union(per: RawFinding[][], names: string[]): RawFinding[] {
  const seen = new Map<string, { f: RawFinding; in: string[] }>();
  per.forEach((fs, i) => {
    for (const f of fs) {
      const k = findingKey(f);
      const entry = seen.get(k);
      if (entry) entry.in.push(names[i]!);
      else seen.set(k, { f, in: [names[i]!] });
    }
  });
  return [...seen.values()].map(({ f, in: where }) => (where.length < per.length ? { ...f, only: [...new Set(where)] } : f));
}

/**
 * oneOf/anyOf. Both sides composite: variants matched by name, each pair compared. One side only:
 * the single shape is compared with every variant. A client reading a response must cope with
 * every variant it may get (all findings count); a client sending a request needs one variant
 * that still accepts what it sends (the closest variant's findings count).
 */
function compareVariants(ctx: SchemaDiffContext, b: SchemaView, a: SchemaView, dir: Dir, stack: Set<string>, depth: number, out: RawFinding[]): void {
  const by = (v: SchemaView) => (isObj(v.raw.discriminator) && typeof v.raw.discriminator.propertyName === "string" ? v.raw.discriminator.propertyName : undefined);
  const ptr = [Array.isArray(a.raw.oneOf) || Array.isArray(b.raw.oneOf) ? "oneOf" : "anyOf"];
  if (b.variants && a.variants) {
    const namesA = a.variants.map(variantName);
    const namesB = b.variants.map(variantName);
    const removed = namesB.filter((n) => !namesA.includes(n));
    const added = namesA.filter((n) => !namesB.includes(n));
    if (removed.length) out.push({ rule: "one-of-removed", prop: [], ptr, args: { variants: removed } });
    if (added.length) out.push({ rule: "one-of-added", prop: [], ptr, args: { variants: added, by: by(a) } });
    namesB.forEach((n, i) => {
      const j = namesA.indexOf(n);
      if (j >= 0) out.push(...prefixed(compare(ctx, b.variants![i], a.variants![j], dir, stack, depth + 1), [], [...ptr, String(j)]));
    });
    return;
  }
  const single = b.variants ? a : b;
  const variants = (b.variants ?? a.variants)!;
  const names = variants.map(variantName);
  out.push({ rule: b.variants ? "one-of-removed" : "one-of-added", prop: [], ptr, args: { variants: names, by: b.variants ? by(b) : by(a), from: "one shape" } });
  const per = variants.map((v) => {
    const fs: RawFinding[] = [];
    const resolved = resolve(b.variants ? ctx.before : ctx.after, v).schema;
    if (!resolved) return fs;
    const vv = view(resolved, b.variants ? ctx.before : ctx.after, false);
    compareViews(ctx, b.variants ? vv : single, b.variants ? single : vv, dir, stack, depth + 1, fs);
    return fs.filter((f) => f.kind !== "doc");
  });
  // Responses: every variant may arrive (after is composite), or the one shape must still read as
  // some old variant (before was composite); requests the other way round.
  const everyVariant = (dir === "response") === !!a.variants;
  if (everyVariant) out.push(...union(per, names));
  else out.push(...per.reduce((best, fs) => (breakingCount(fs, dir) < breakingCount(best, dir) ? fs : best)));
}
