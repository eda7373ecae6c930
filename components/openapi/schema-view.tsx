// Renders a JSON Schema as nested, collapsible property lists. Server-rendered with <details>,
// so expanding works without JavaScript. Component $refs become links; a $ref already being
// expanded higher up (recursion) is shown as a link only.
//
// A page's HTML must not grow with the size of the whole API (GitHub's pull-request schema
// inlines repository, user, milestone… to any depth: 1 MB per page when expanded fully). So a
// named component is expanded once per page (SchemaTree), nested ones only while the page's
// row budget lasts; after that it is a link to its own schema page.
// Rows use short semantic classes (globals.css, "Schema trees") because a tree repeats them
// hundreds of times.
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { componentSchemaName, deref, isObj, str } from "@/lib/openapi/document";
import { constraintsOf, flatSchema, hasStructure, mergeAllOf, typeLabel } from "@/lib/openapi/schema";
import { Markdown } from "./markdown";

type Obj = Record<string, unknown>;
const MAX_DEPTH = 5;
const MAX_ENUM = 24;
/** Property rows one page may render before nested components become links. */
export const ROW_BUDGET = 250;

/** What the schema trees of one page share: components expanded so far, rows left. */
export interface SchemaTree {
  expanded: Set<string>;
  rowsLeft: number;
}

export function newSchemaTree(rows = ROW_BUDGET): SchemaTree {
  return { expanded: new Set(), rowsLeft: rows };
}

export interface SchemaCtx {
  doc: Obj;
  /** URL prefix of the version, for links to schema pages: /apis/<api>/<version>. */
  base: string;
  /** Component names being expanded above this point. */
  stack: string[];
  depth: number;
  /** Request bodies hide readOnly properties, responses hide writeOnly ones. */
  mode?: "request" | "response";
  /** Shared by the page's trees; SchemaView makes one when the page passes none. */
  tree?: SchemaTree;
}

function SchemaLink({ name, base, children }: { name: string; base: string; children: ReactNode }) {
  return (
    <p className="sch-note">
      {children} <Link href={`${base}/schemas/${encodeURIComponent(name)}`}>{name}</Link>.
    </p>
  );
}

function TypeRef({ schema, ctx }: { schema: unknown; ctx: SchemaCtx }) {
  const label = typeLabel(schema, ctx.doc);
  const name = isObj(schema) ? componentSchemaName(schema.$ref) : null;
  const itemsName = !name && isObj(schema) && isObj(schema.items) ? componentSchemaName(schema.items.$ref) : null;
  const target = name ?? itemsName;
  if (!target) return <span className="sch-type">{label}</span>;
  return (
    <Link href={`${ctx.base}/schemas/${encodeURIComponent(target)}`} className="sch-type">
      {label}
    </Link>
  );
}

function Facts({ schema }: { schema: Obj }) {
  const facts: string[] = constraintsOf(schema);
  if (schema.default !== undefined) facts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.const !== undefined) facts.push(`always ${JSON.stringify(schema.const)}`);
  const example = schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined);
  if (example !== undefined && typeof example !== "object") facts.push(`example ${JSON.stringify(example)}`);
  const values = Array.isArray(schema.enum) ? schema.enum : null;
  if (!facts.length && !values) return null;
  return (
    <div className="sch-facts">
      {facts.map((f) => (
        <code key={f}>{f}</code>
      ))}
      {values && (
        <span>
          one of{" "}
          {values.slice(0, MAX_ENUM).map((v, i) => (
            <code key={i} className="sch-enum">{JSON.stringify(v)}</code>
          ))}
          {values.length > MAX_ENUM && <span>and {values.length - MAX_ENUM} more</span>}
        </span>
      )}
    </div>
  );
}

/** The inside of a schema: its properties, items, alternatives. */
export function SchemaBody({ schema, ctx }: { schema: unknown; ctx: SchemaCtx }) {
  const name = isObj(schema) ? componentSchemaName(schema.$ref) : null;
  if (name && ctx.stack.includes(name)) return <SchemaLink name={name} base={ctx.base}>Recursive: the same structure as</SchemaLink>;
  if (ctx.depth > MAX_DEPTH) {
    return name ? <SchemaLink name={name} base={ctx.base}>Nested deeper: see</SchemaLink> : <p className="sch-note">Nested deeper than this page shows.</p>;
  }
  if (name && ctx.tree) {
    if (ctx.tree.expanded.has(name)) return <SchemaLink name={name} base={ctx.base}>Shown above on this page; also at</SchemaLink>;
    if (ctx.depth > 0 && ctx.tree.rowsLeft <= 0) return <SchemaLink name={name} base={ctx.base}>Properties listed at</SchemaLink>;
  }
  if (name) ctx.tree?.expanded.add(name);
  const resolved = deref(ctx.doc, schema);
  if (!resolved) return null;
  const inner: SchemaCtx = { ...ctx, stack: name ? [...ctx.stack, name] : ctx.stack, depth: ctx.depth + 1 };
  const s = mergeAllOf(resolved, ctx.doc);

  const alternatives = Array.isArray(s.oneOf) ? { kind: "One of", list: s.oneOf } : Array.isArray(s.anyOf) ? { kind: "Any of", list: s.anyOf } : null;
  if (alternatives) return <Alternatives kind={alternatives.kind} list={alternatives.list} schema={s} ctx={inner} />;

  if (s.items !== undefined && !isObj(s.properties)) {
    return hasStructure(s.items, ctx.doc) ? (
      <div>
        <p className="sch-note">Each item:</p>
        <SchemaBody schema={s.items} ctx={inner} />
      </div>
    ) : null;
  }
  const hidden = (p: unknown) => {
    const ps = deref(ctx.doc, p);
    return (ctx.mode === "request" && ps?.readOnly === true) || (ctx.mode === "response" && ps?.writeOnly === true);
  };
  const props = isObj(s.properties) ? Object.entries(s.properties).filter(([, p]) => !hidden(p)) : [];
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  return (
    <div>
      {props.length > 0 && (
        <ul className="sch-list">
          {props.map(([prop, ps]) => (
            <Property key={prop} name={prop} schema={ps} required={required.has(prop)} ctx={inner} />
          ))}
        </ul>
      )}
      {isObj(s.additionalProperties) && (
        <p className="sch-note">
          Additional properties: <TypeRef schema={s.additionalProperties} ctx={inner} />
        </p>
      )}
    </div>
  );
}

function Alternatives({ kind, list, schema, ctx }: { kind: string; list: unknown[]; schema: Obj; ctx: SchemaCtx }) {
  const disc = isObj(schema.discriminator) ? schema.discriminator : null;
  const mapping = disc && isObj(disc.mapping) ? (disc.mapping as Record<string, string>) : {};
  const valueFor = (alt: unknown) => {
    const ref = isObj(alt) ? alt.$ref : undefined;
    const hit = Object.entries(mapping).find(([, target]) => target === ref);
    return hit?.[0] ?? (typeof ref === "string" ? componentSchemaName(ref) : null);
  };
  return (
    <div className="space-y-2">
      <p className="text-xs text-fg-muted">
        {kind}
        {disc && typeof disc.propertyName === "string" && (
          <>
            , chosen by <code className="rounded bg-bg-muted px-1">{disc.propertyName}</code>
          </>
        )}
        :
      </p>
      {list.map((alt, i) => (
        <details key={i} className="rounded-md border border-border" open={ctx.depth <= 1 && list.length <= 4}>
          <summary className="cursor-pointer px-3 py-1.5 text-sm">
            <TypeRef schema={alt} ctx={ctx} />
            {disc && valueFor(alt) && (
              <span className="ml-2 text-xs text-fg-muted">
                {String(disc.propertyName)} = <code>{JSON.stringify(valueFor(alt))}</code>
              </span>
            )}
          </summary>
          <div className="border-t border-border p-3">
            <SchemaBody schema={alt} ctx={ctx} />
          </div>
        </details>
      ))}
    </div>
  );
}

function Property({ name, schema, required, ctx }: { name: string; schema: unknown; required: boolean; ctx: SchemaCtx }) {
  if (ctx.tree) ctx.tree.rowsLeft--;
  const s = flatSchema(schema, ctx.doc);
  const nested = hasStructure(schema, ctx.doc);
  const head = (
    <div className="sch-head">
      <code className="sch-name">{name}</code>
      <TypeRef schema={schema} ctx={ctx} />
      {required && <span className="sch-req">required</span>}
      {s.readOnly === true && <Badge>read-only</Badge>}
      {s.writeOnly === true && <Badge>write-only</Badge>}
      {s.deprecated === true && <Badge tone="warn">deprecated</Badge>}
    </div>
  );
  const body = (
    <>
      <Markdown text={str(s.description) ?? str(isObj(schema) ? schema.description : null)} className="sch-desc" />
      <Facts schema={s} />
    </>
  );
  return (
    <li>
      {nested ? (
        <details>
          <summary>{head}</summary>
          {body}
          <div className="sch-nested">
            <SchemaBody schema={schema} ctx={ctx} />
          </div>
        </details>
      ) : (
        <>
          {head}
          {body}
        </>
      )}
    </li>
  );
}

/** A whole schema with its label line, for request bodies, responses and schema pages. */
export function SchemaView({ schema, ctx: outer }: { schema: unknown; ctx: SchemaCtx }) {
  const ctx: SchemaCtx = outer.tree ? outer : { ...outer, tree: newSchemaTree() };
  const s = flatSchema(schema, ctx.doc);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-2 text-sm">
        <TypeRef schema={schema} ctx={ctx} />
        {s.deprecated === true && <Badge tone="warn">deprecated</Badge>}
      </div>
      <Markdown text={str(s.description)} className="text-sm text-fg-muted" />
      <Facts schema={s} />
      <SchemaBody schema={schema} ctx={ctx} />
    </div>
  );
}
