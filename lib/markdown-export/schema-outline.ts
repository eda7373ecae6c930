// A JSON Schema as a nested Markdown list: the same reading as components/openapi/schema-view.tsx
// (allOf merged, oneOf/anyOf as alternatives with discriminator values, recursion as a link,
// readOnly hidden in requests and writeOnly in responses), bounded in depth and in length so a
// page never grows with the size of the whole API.
import { componentSchemaName, deref, isObj, str } from "@/lib/openapi/document";
import { constraintsOf, flatSchema, hasStructure, mergeAllOf, typeLabel } from "@/lib/openapi/schema";
import { code, link, list, listItem, paragraph, specInline, specMarkdown, text, type Block, type Inline } from "./mdast";

type Obj = Record<string, unknown>;
const MAX_DEPTH = 5;
const MAX_ENUM = 24;
/** Property lines per outline; past it the outline ends with a pointer to the schema's own page. */
const MAX_ITEMS = 400;

export interface OutlineCtx {
  doc: Obj;
  /** URL of a component schema's Markdown page. */
  schemaUrl: (name: string) => string;
  mode?: "request" | "response";
  stack: string[];
  depth: number;
  budget: { items: number };
}

export function newOutlineCtx(doc: Obj, schemaUrl: (name: string) => string, mode?: "request" | "response"): OutlineCtx {
  return { doc, schemaUrl, mode, stack: [], depth: 0, budget: { items: MAX_ITEMS } };
}

/** The type label, linked to the component schema's page when it names one. */
export function typeRef(schema: unknown, ctx: Pick<OutlineCtx, "doc" | "schemaUrl">): Inline {
  const label = code(typeLabel(schema, ctx.doc));
  const name = isObj(schema) ? componentSchemaName(schema.$ref) : null;
  const itemsName = !name && isObj(schema) && isObj(schema.items) ? componentSchemaName(schema.items.$ref) : null;
  const target = name ?? itemsName;
  return target ? link(ctx.schemaUrl(target), label) : label;
}

const json = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Constraints, default, const, example and enum values, as inline content ("" when none). */
export function facts(schema: Obj): Inline[] {
  // A pattern is shown as code: escaped as text, `^[A-Z]{2}$` would read `^\[A-Z]{2}$`.
  const parts: Inline[][] = constraintsOf(schema).map((c) => (c.startsWith("pattern ") ? [text("pattern "), code(c.slice(8))] : [text(c)]));
  if (schema.default !== undefined) parts.push([text("default "), code(json(schema.default))]);
  if (schema.const !== undefined) parts.push([text("always "), code(json(schema.const))]);
  const example = schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined);
  if (example !== undefined && typeof example !== "object") parts.push([text("example "), code(json(example))]);
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.slice(0, MAX_ENUM).flatMap((v, i) => (i ? [text(", "), code(json(v))] : [code(json(v))]));
    const more = schema.enum.length > MAX_ENUM ? [text(` and ${schema.enum.length - MAX_ENUM} more`)] : [];
    parts.push([text("one of "), ...values, ...more]);
  }
  return parts.flatMap((p, i) => (i ? [text("; "), ...p] : p));
}

function spend(ctx: OutlineCtx): boolean {
  ctx.budget.items -= 1;
  return ctx.budget.items >= 0;
}

/** The inside of a schema (properties, items, alternatives) as list items. */
function bodyItems(schema: unknown, ctx: OutlineCtx): Block[] {
  const name = isObj(schema) ? componentSchemaName(schema.$ref) : null;
  if (ctx.depth > MAX_DEPTH) {
    return [paragraph(text("Nested deeper: see "), name ? link(ctx.schemaUrl(name), code(name)) : text("the linked schema"), text("."))];
  }
  if (name && ctx.stack.includes(name)) {
    return [paragraph(text("Recursive: the same structure as "), link(ctx.schemaUrl(name), code(name)), text(" above."))];
  }
  const resolved = deref(ctx.doc, schema);
  if (!resolved) return [];
  const inner: OutlineCtx = { ...ctx, stack: name ? [...ctx.stack, name] : ctx.stack, depth: ctx.depth + 1 };
  const s = mergeAllOf(resolved, ctx.doc);

  const alternatives = Array.isArray(s.oneOf) ? { kind: "One of", list: s.oneOf } : Array.isArray(s.anyOf) ? { kind: "Any of", list: s.anyOf } : null;
  if (alternatives) {
    const disc = isObj(s.discriminator) ? s.discriminator : null;
    const propertyName = disc && typeof disc.propertyName === "string" ? disc.propertyName : null;
    const mapping = disc && isObj(disc.mapping) ? (disc.mapping as Record<string, unknown>) : {};
    const items = [];
    for (const alt of alternatives.list) {
      if (!spend(ctx)) break;
      const ref = isObj(alt) ? alt.$ref : undefined;
      const value = Object.entries(mapping).find(([, target]) => target === ref)?.[0] ?? (typeof ref === "string" ? componentSchemaName(ref) : null);
      const head = [typeRef(alt, ctx), ...(propertyName && value ? [text(` (${propertyName} = `), code(json(value)), text(")")] : [])];
      items.push(listItem(paragraph(...head), ...bodyItems(alt, inner)));
    }
    return [paragraph(text(alternatives.kind), ...(propertyName ? [text(", chosen by "), code(propertyName)] : []), text(":")), list(items)];
  }

  if (s.items !== undefined && !isObj(s.properties)) {
    return hasStructure(s.items, ctx.doc) ? [paragraph("Each item:"), ...bodyItems(s.items, inner)] : [];
  }

  const hidden = (p: unknown) => {
    const ps = deref(ctx.doc, p);
    return (ctx.mode === "request" && ps?.readOnly === true) || (ctx.mode === "response" && ps?.writeOnly === true);
  };
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const props = isObj(s.properties) ? Object.entries(s.properties).filter(([, p]) => !hidden(p)) : [];
  const items = [];
  for (const [prop, ps] of props) {
    if (!spend(ctx)) {
      items.push(listItem(paragraph(text("… more properties: see "), name ? link(ctx.schemaUrl(name), code(name)) : text("the full description"), text("."))));
      break;
    }
    items.push(propertyItem(prop, ps, required.has(prop), inner));
  }
  if (isObj(s.additionalProperties)) items.push(listItem(paragraph(text("Additional properties: "), typeRef(s.additionalProperties, ctx))));
  return items.length ? [list(items)] : [];
}

function propertyItem(name: string, schema: unknown, required: boolean, ctx: OutlineCtx) {
  const s = flatSchema(schema, ctx.doc);
  const flags = [required && "required", s.readOnly === true && "read-only", s.writeOnly === true && "write-only", s.deprecated === true && "deprecated"].filter(Boolean);
  const description = specInline(str(s.description) ?? str(isObj(schema) ? schema.description : null));
  const f = facts(s);
  const head: Inline[] = [code(name), text(" "), typeRef(schema, ctx)];
  if (flags.length) head.push(text(`, ${flags.join(", ")}`));
  if (description.length) head.push(text(": "), ...description);
  if (f.length) head.push(text(" ("), ...f, text(")"));
  return listItem(paragraph(...head), ...(hasStructure(schema, ctx.doc) ? bodyItems(schema, ctx) : []));
}

/** A whole schema: its type, description and facts, then its structure. */
export function schemaOutline(schema: unknown, ctx: OutlineCtx): Block[] {
  const s = flatSchema(schema, ctx.doc);
  const f = facts(s);
  return [
    paragraph(text("Type: "), typeRef(schema, ctx), ...(s.deprecated === true ? [text(" (deprecated)")] : [])),
    ...specMarkdown(str(s.description), 3),
    ...(f.length ? [paragraph(...f)] : []),
    ...bodyItems(schema, ctx),
  ];
}
