// Renders a JSON Schema as nested, collapsible property lists. Server-rendered with <details>,
// so expanding works without JavaScript. Component $refs become links; a $ref already being
// expanded higher up (recursion) is shown as a link only, and expansion stops at MAX_DEPTH so a
// page never grows with the size of the whole API.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { componentSchemaName, deref, isObj, str } from "@/lib/openapi/document";
import { constraintsOf, flatSchema, hasStructure, mergeAllOf, typeLabel } from "@/lib/openapi/schema";
import { Markdown } from "./markdown";

type Obj = Record<string, unknown>;
const MAX_DEPTH = 5;
const MAX_ENUM = 24;

export interface SchemaCtx {
  doc: Obj;
  /** URL prefix of the version, for links to schema pages: /apis/<api>/<version>. */
  base: string;
  /** Component names being expanded above this point. */
  stack: string[];
  depth: number;
  /** Request bodies hide readOnly properties, responses hide writeOnly ones. */
  mode?: "request" | "response";
}

function TypeRef({ schema, ctx }: { schema: unknown; ctx: SchemaCtx }) {
  const label = typeLabel(schema, ctx.doc);
  const name = isObj(schema) ? componentSchemaName(schema.$ref) : null;
  const itemsName = !name && isObj(schema) && isObj(schema.items) ? componentSchemaName(schema.items.$ref) : null;
  const target = name ?? itemsName;
  if (!target) return <span className="font-mono text-xs text-info">{label}</span>;
  return (
    <Link href={`${ctx.base}/schemas/${encodeURIComponent(target)}`} className="font-mono text-xs text-info hover:underline">
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
    <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-fg-muted">
      {facts.map((f) => (
        <span key={f} className="font-mono">{f}</span>
      ))}
      {values && (
        <span>
          one of{" "}
          {values.slice(0, MAX_ENUM).map((v, i) => (
            <code key={i} className="mr-1 rounded bg-bg-muted px-1 py-px text-fg">{JSON.stringify(v)}</code>
          ))}
          {values.length > MAX_ENUM && <span>and {values.length - MAX_ENUM} more</span>}
        </span>
      )}
    </div>
  );
}

/** The inside of a schema: its properties, items, alternatives. */
export function SchemaBody({ schema, ctx }: { schema: unknown; ctx: SchemaCtx }) {
  if (ctx.depth > MAX_DEPTH) return <p className="text-xs text-fg-muted">Nested deeper: open the linked schema.</p>;
  const name = isObj(schema) ? componentSchemaName(schema.$ref) : null;
  if (name && ctx.stack.includes(name)) {
    return (
      <p className="text-xs text-fg-muted">
        Recursive: the same structure as{" "}
        <Link className="font-mono text-info hover:underline" href={`${ctx.base}/schemas/${encodeURIComponent(name)}`}>{name}</Link> above.
      </p>
    );
  }
  const resolved = deref(ctx.doc, schema);
  if (!resolved) return null;
  const inner: SchemaCtx = { ...ctx, stack: name ? [...ctx.stack, name] : ctx.stack, depth: ctx.depth + 1 };
  const s = mergeAllOf(resolved, ctx.doc);

  const alternatives = Array.isArray(s.oneOf) ? { kind: "One of", list: s.oneOf } : Array.isArray(s.anyOf) ? { kind: "Any of", list: s.anyOf } : null;
  if (alternatives) return <Alternatives kind={alternatives.kind} list={alternatives.list} schema={s} ctx={inner} />;

  if (s.items !== undefined && !isObj(s.properties)) {
    return hasStructure(s.items, ctx.doc) ? (
      <div>
        <p className="mb-1 text-xs text-fg-muted">Each item:</p>
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
        <ul className="divide-y divide-border rounded-md border border-border">
          {props.map(([prop, ps]) => (
            <Property key={prop} name={prop} schema={ps} required={required.has(prop)} ctx={inner} />
          ))}
        </ul>
      )}
      {isObj(s.additionalProperties) && (
        <p className="mt-2 text-xs text-fg-muted">
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
  const s = flatSchema(schema, ctx.doc);
  const nested = hasStructure(schema, ctx.doc);
  const head = (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <code className="text-sm font-semibold text-fg">{name}</code>
      <TypeRef schema={schema} ctx={ctx} />
      {required && <span className="text-xs font-medium text-danger">required</span>}
      {s.readOnly === true && <Badge>read-only</Badge>}
      {s.writeOnly === true && <Badge>write-only</Badge>}
      {s.deprecated === true && <Badge tone="warn">deprecated</Badge>}
    </div>
  );
  const body = (
    <>
      <Markdown text={str(s.description) ?? str(isObj(schema) ? schema.description : null)} className="mt-1 text-sm text-fg-muted" />
      <Facts schema={s} />
    </>
  );
  return (
    <li className="px-3 py-2">
      {nested ? (
        <details>
          <summary className="cursor-pointer list-inside marker:text-fg-muted">
            <span className="inline-block align-top">{head}</span>
          </summary>
          {body}
          <div className="mt-2 pl-3">
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
export function SchemaView({ schema, ctx }: { schema: unknown; ctx: SchemaCtx }) {
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
