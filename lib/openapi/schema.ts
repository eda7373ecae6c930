// Reading JSON Schemas (OpenAPI 3.0 and 3.1 dialects) for display: labels, constraints and
// allOf merging. Pure; the React renderer is components/openapi/schema-view.tsx.
import { componentSchemaName, deref, isObj } from "./document";

type Obj = Record<string, unknown>;

/** allOf parts merged into one object schema (properties, required, and the rest shallowly). */
export function mergeAllOf(schema: Obj, doc: Obj, depth = 0): Obj {
  if (!Array.isArray(schema.allOf) || depth > 8) return schema;
  const { allOf, ...rest } = schema;
  const merged: Obj = {};
  const properties: Obj = {};
  const required = new Set<string>();
  for (const part of [...(allOf as unknown[]), rest]) {
    const resolved = deref(doc, part);
    if (!resolved) continue;
    const flat = mergeAllOf(resolved, doc, depth + 1);
    for (const [k, v] of Object.entries(flat)) {
      if (k === "properties" && isObj(v)) Object.assign(properties, v);
      else if (k === "required" && Array.isArray(v)) v.forEach((r) => required.add(String(r)));
      else if (k !== "$ref" && !(k in merged)) merged[k] = v;
    }
  }
  if (Object.keys(properties).length) merged.properties = properties;
  if (required.size) merged.required = [...required];
  if (!merged.type && merged.properties) merged.type = "object";
  return merged;
}

/** A schema with its $refs followed and its allOf parts merged: what a reader sees as one shape. */
export function flatSchema(schema: unknown, doc: Obj): Obj {
  return mergeAllOf(deref(doc, schema) ?? {}, doc);
}

/** JSON types of a schema, with null when nullable (3.0 `nullable`, 3.1 type arrays). */
export function typesOf(schema: Obj): string[] {
  const types = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === "string" ? [schema.type] : [];
  if (!types.length) {
    if (isObj(schema.properties) || schema.additionalProperties !== undefined) types.push("object");
    else if (schema.items !== undefined) types.push("array");
  }
  if (schema.nullable === true && !types.includes("null")) types.push("null");
  return types;
}

/** A short type label: "string<date-time>", "array of Station", "integer | null", "Alert". */
export function typeLabel(schema: unknown, doc: Obj, depth = 0): string {
  if (!isObj(schema)) return schema === true ? "any" : schema === false ? "never" : "any";
  const ref = componentSchemaName(schema.$ref);
  if (ref) return ref;
  if (depth > 4) return "…";
  const resolved = deref(doc, schema) ?? {};
  if (Array.isArray(resolved.oneOf)) return "one of " + resolved.oneOf.map((s) => typeLabel(s, doc, depth + 1)).join(", ");
  if (Array.isArray(resolved.anyOf)) return "any of " + resolved.anyOf.map((s) => typeLabel(s, doc, depth + 1)).join(", ");
  const s = mergeAllOf(resolved, doc);
  const types = typesOf(s);
  if (!types.length) return "any";
  return types
    .map((t) => {
      if (t === "array") return `array of ${typeLabel(s.items, doc, depth + 1)}`;
      if (typeof s.format === "string" && t !== "null") return `${t}<${s.format}>`;
      return t;
    })
    .join(" | ");
}

/** Validation keywords as readable phrases: "≥ 1", "≤ 100 characters", "pattern ^[a-z]+$". */
export function constraintsOf(schema: Obj): string[] {
  const out: string[] = [];
  const n = (k: string) => (typeof schema[k] === "number" ? (schema[k] as number) : undefined);
  const min = n("minimum");
  const max = n("maximum");
  // 3.0 exclusive* are booleans, 3.1 numbers.
  const exMin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : schema.exclusiveMinimum === true ? min : undefined;
  const exMax = typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum : schema.exclusiveMaximum === true ? max : undefined;
  if (exMin !== undefined) out.push(`> ${exMin}`);
  else if (min !== undefined) out.push(`≥ ${min}`);
  if (exMax !== undefined) out.push(`< ${exMax}`);
  else if (max !== undefined) out.push(`≤ ${max}`);
  if (n("multipleOf") !== undefined) out.push(`multiple of ${n("multipleOf")}`);
  const range = (lo: number | undefined, hi: number | undefined, unit: string) => {
    if (lo !== undefined && hi !== undefined) out.push(lo === hi ? `exactly ${lo} ${unit}` : `${lo}–${hi} ${unit}`);
    else if (lo !== undefined) out.push(`at least ${lo} ${unit}`);
    else if (hi !== undefined) out.push(`at most ${hi} ${unit}`);
  };
  range(n("minLength"), n("maxLength"), "characters");
  range(n("minItems"), n("maxItems"), "items");
  range(n("minProperties"), n("maxProperties"), "properties");
  if (schema.uniqueItems === true) out.push("unique items");
  if (typeof schema.pattern === "string") out.push(`pattern ${schema.pattern}`);
  return out;
}

/** Whether a schema has inner structure worth a nested, collapsible view. */
export function hasStructure(schema: unknown, doc: Obj): boolean {
  const s = deref(doc, schema);
  if (!s) return false;
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf) || Array.isArray(s.allOf)) return true;
  if (isObj(s.properties) || isObj(s.additionalProperties)) return true;
  if (s.items !== undefined) return hasStructure(s.items, doc);
  return false;
}
