// One schema as the diff engine compares it: $refs followed, allOf merged, nullability read the
// three ways descriptions write it (3.0 `nullable`, 3.1 `type: [x, "null"]`, `oneOf/anyOf` with a
// `{type: "null"}` member), `const` read as a one-value enum. Pure.
import { isObj, resolvePointer } from "@/lib/openapi/document";
import { mergeAllOf } from "@/lib/openapi/schema";

type Obj = Record<string, unknown>;

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

/** "#/components/schemas/Pet" → "Pet"; null for any other reference. */
export function componentName(ref: unknown): string | null {
  if (typeof ref !== "string") return null;
  const m = COMPONENT_REF.exec(ref);
  return m ? decodeURIComponent(m[1]!).replace(/~1/g, "/").replace(/~0/g, "~") : null;
}

const isNullSchema = (s: unknown): boolean =>
  isObj(s) && (s.type === "null" || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === "null") || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null));

/**
 * `oneOf: [X, {type: null}]` (and anyOf) → X, nullable. Other schemas are returned as they are.
 * X may still be a $ref: the caller decides whether to follow it.
 */
export function peel(schema: unknown): { node: unknown; nullable: boolean } {
  if (!isObj(schema)) return { node: schema, nullable: false };
  for (const key of ["oneOf", "anyOf"] as const) {
    const list = schema[key];
    if (!Array.isArray(list) || !list.some(isNullSchema)) continue;
    const rest = list.filter((s) => !isNullSchema(s));
    if (rest.length === 1 && Object.keys(schema).every((k) => k === key || k === "description" || k === "title")) {
      return { node: rest[0], nullable: true };
    }
    return { node: { ...schema, [key]: rest }, nullable: true };
  }
  return { node: schema, nullable: false };
}

/** Follows a $ref chain (bounded). Returns the last reference seen, so memo keys can name it. */
export function resolve(doc: Obj, value: unknown): { schema: Obj | undefined; ref: string | null } {
  let node = value;
  let ref: string | null = null;
  for (let i = 0; i < 32 && isObj(node) && typeof node.$ref === "string"; i++) {
    ref = node.$ref;
    node = resolvePointer(doc, node.$ref);
  }
  return { schema: isObj(node) && typeof node.$ref !== "string" ? node : undefined, ref };
}

export interface Bound {
  value: number;
  exclusive: boolean;
}

export interface SchemaView {
  raw: Obj;
  /** JSON types without "null"; empty when the schema does not say (any). */
  types: string[];
  format: string | null;
  nullable: boolean;
  /** Allowed values (without null), or null when unrestricted. */
  enum: unknown[] | null;
  lower?: Bound;
  upper?: Bound;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  /** oneOf/anyOf members that are not the null type. */
  variants: unknown[] | null;
  properties: Obj;
  required: Set<string>;
  deprecated: boolean;
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function bound(s: Obj, exKey: "exclusiveMinimum" | "exclusiveMaximum", key: "minimum" | "maximum"): Bound | undefined {
  const ex = s[exKey];
  if (typeof ex === "number") return { value: ex, exclusive: true };
  const v = num(s[key]);
  return v === undefined ? undefined : { value: v, exclusive: ex === true };
}

export function view(schema: Obj, doc: Obj, wrapperNullable: boolean): SchemaView {
  const s = mergeAllOf(schema, doc);
  const rawTypes = Array.isArray(s.type) ? s.type.map(String) : typeof s.type === "string" ? [s.type] : [];
  const types = rawTypes.filter((t) => t !== "null");
  if (!types.length && !rawTypes.length) {
    if (isObj(s.properties)) types.push("object");
    else if (s.items !== undefined && !Array.isArray(s.oneOf) && !Array.isArray(s.anyOf)) types.push("array");
  }
  let values: unknown[] | null = Array.isArray(s.enum) ? s.enum : "const" in s ? [s.const] : null;
  const enumNull = values?.includes(null) ?? false;
  if (values) values = values.filter((v) => v !== null);
  const variantsRaw = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : null;
  const variants = variantsRaw?.filter((v) => !isNullSchema(v)) ?? null;
  return {
    raw: s,
    types: [...new Set(types)].sort(),
    format: typeof s.format === "string" ? s.format : null,
    nullable: wrapperNullable || s.nullable === true || rawTypes.includes("null") || enumNull || (variantsRaw !== null && variantsRaw.length !== variants!.length),
    enum: values && values.length ? values : null,
    lower: bound(s, "exclusiveMinimum", "minimum"),
    upper: bound(s, "exclusiveMaximum", "maximum"),
    minLength: num(s.minLength),
    maxLength: num(s.maxLength),
    minItems: num(s.minItems),
    maxItems: num(s.maxItems),
    pattern: typeof s.pattern === "string" ? s.pattern : undefined,
    variants: variants && variants.length ? variants : null,
    properties: isObj(s.properties) ? s.properties : {},
    required: new Set(Array.isArray(s.required) ? s.required.map(String) : []),
    deprecated: s.deprecated === true,
  };
}

/** "string<date-time>", "integer", "any". */
export function typeLabel(v: SchemaView): string {
  if (!v.types.length) return "any";
  return v.types.map((t) => (v.format && t !== "object" && t !== "array" ? `${t}<${v.format}>` : t)).join(" | ");
}

/** Every value valid under `from` is also valid under `to`, as far as type and format tell. */
export function typeAccepts(to: SchemaView, from: SchemaView): boolean {
  if (!to.types.length) return true;
  if (!from.types.length) return false;
  const covers = (t: string) => to.types.includes(t) || (t === "integer" && to.types.includes("number"));
  return from.types.every(covers) && (to.format === null || to.format === from.format);
}

/** The two schemas share at least one JSON type (so comparing their insides makes sense). */
export function typesOverlap(a: SchemaView, b: SchemaView): boolean {
  if (!a.types.length || !b.types.length) return true;
  return a.types.some((t) => b.types.includes(t) || (t === "integer" && b.types.includes("number")) || (t === "number" && b.types.includes("integer")));
}

/** Hidden from one side of the exchange: readOnly properties are not sent, writeOnly ones not returned. */
export function hiddenIn(dir: "request" | "response", schema: unknown, doc: Obj): boolean {
  const s = resolve(doc, schema).schema;
  return !!s && (dir === "request" ? s.readOnly === true : s.writeOnly === true);
}
