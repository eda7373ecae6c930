// The Markdown rendering of each reference page, from the same model (model.json) and OpenAPI 3.x
// document (document.json) the HTML pages read, with the same helpers (lib/openapi). Pure: the
// caller resolves the page and checks visibility (lib/markdown-export/serve.ts). Links are
// absolute and point at other Markdown pages, so a document stands on its own.
import { buildCodeSamples, exampleForMedia, exampleForSchema } from "@/lib/openapi/samples";
import {
  deref,
  effectiveParameters,
  effectiveSecurity,
  headerParameters,
  isObj,
  serverUrlFor,
  str,
  type Parameter,
} from "@/lib/openapi/document";
import { flatSchema } from "@/lib/openapi/schema";
import { absolute, CATALOG_PATH, markdownPath, refPath, versionPath, type RefPage } from "@/lib/discovery/urls";
import { groupByTag, type OperationGroup } from "@/lib/specs/group";
import type { CatalogApi, CatalogVersion, HttpMethod, VersionModel } from "@/lib/specs/model";
import { operationsOf } from "@/lib/specs/normalize";
import {
  blockquote,
  code,
  codeBlock,
  heading,
  link,
  list,
  listItem,
  paragraph,
  serialize,
  specInline,
  specMarkdown,
  strong,
  table,
  text,
  type Block,
  type Inline,
} from "./mdast";
import { facts, newOutlineCtx, schemaOutline, typeRef } from "./schema-outline";

type Obj = Record<string, unknown>;

/** Above this many operations an overview lists tags only (as the HTML overview does). */
const FULL_LIST_LIMIT = 150;
const MAX_EXAMPLE_CHARS = 20_000;

export interface VersionContext {
  /** PORTAL_URL, no trailing slash. */
  origin: string;
  api: CatalogApi;
  version: CatalogVersion;
  model: VersionModel | null;
}

const mdUrl = (ctx: VersionContext, page: RefPage) => absolute(ctx.origin, markdownPath(refPath(ctx.api.id, ctx.version.id, page)));
const htmlUrl = (ctx: VersionContext, page: RefPage) => absolute(ctx.origin, refPath(ctx.api.id, ctx.version.id, page));
const schemaUrl = (ctx: VersionContext) => (name: string) => mdUrl(ctx, { kind: "schema", name });

/** Where the page sits: API and version (linked), lifecycle, and the HTML page. */
function context(ctx: VersionContext, page: RefPage): Block[] {
  const { api, version } = ctx;
  const out: Block[] = [
    paragraph(
      link(mdUrl(ctx, { kind: "overview" }), `${api.name} ${version.id}`),
      text(` (${version.lifecycle}) · `),
      link(htmlUrl(ctx, page), "HTML version"),
    ),
  ];
  const newer = api.latestVersion && api.latestVersion !== version.id ? api.latestVersion : null;
  const useNewer: Inline[] = newer
    ? [text(" Use "), link(absolute(ctx.origin, markdownPath(versionPath(api.id, newer))), newer), text(" instead.")]
    : [];
  if (version.lifecycle === "deprecated") {
    const since = version.deprecated ? ` since ${version.deprecated}` : "";
    const until = version.sunset ? ` and stops working on ${version.sunset}.` : ".";
    out.push(blockquote(paragraph(strong(text("This version is deprecated")), text(since + until), ...useNewer)));
  } else if (version.lifecycle === "retired") {
    out.push(blockquote(paragraph(strong(text("This version is retired")), text(`${version.sunset ? ` since ${version.sunset}` : ""}: calls to it no longer work.`), ...useNewer)));
  } else if (version.lifecycle === "beta") {
    out.push(blockquote(paragraph(strong(text("Beta:")), text(" this version may still change in ways that break clients."))));
  }
  return out;
}

function operationRows(ctx: VersionContext, group: OperationGroup) {
  return list(
    group.operations.map((op) =>
      listItem(
        paragraph(
          code(`${op.method.toUpperCase()} ${op.path}`),
          text(" "),
          link(mdUrl(ctx, { kind: "operation", slug: op.slug }), op.title),
          ...(op.deprecated ? [text(" (deprecated)")] : []),
        ),
      ),
    ),
  );
}

// --- Catalog --------------------------------------------------------------------------------

export function catalogMarkdown(origin: string, apis: readonly CatalogApi[]): string {
  const blocks: Block[] = [heading(1, "APIs"), paragraph(text("Every API on this portal you can use, with its versions. "), link(absolute(origin, CATALOG_PATH), "HTML version"))];
  if (!apis.length) blocks.push(paragraph("No APIs are published yet."));
  for (const api of apis) {
    blocks.push(heading(2, api.name));
    if (api.summary) blocks.push(paragraph(api.summary));
    blocks.push(
      list(
        [...api.versions].reverse().map((v) =>
          listItem(
            paragraph(
              link(absolute(origin, markdownPath(versionPath(api.id, v.id))), v.id),
              text(
                ` (${[v.lifecycle, v.lifecycle === "deprecated" && v.sunset ? `sunset ${v.sunset}` : null, v.id === api.latestVersion ? "latest" : null, v.status === "failed" ? "description could not be loaded" : `${v.operationCount} operations`].filter(Boolean).join(", ")})`,
              ),
            ),
          ),
        ),
      ),
    );
  }
  return serialize(blocks);
}

// --- Version overview, tag, schema index ----------------------------------------------------

export function overviewMarkdown(ctx: VersionContext): string {
  const { api, version, model } = ctx;
  const blocks: Block[] = [heading(1, `${api.name} ${version.id}`), ...context(ctx, { kind: "overview" })];
  if (api.summary) blocks.push(paragraph(api.summary));
  if (!model) {
    const f = version.failure;
    blocks.push(paragraph("This version's description could not be loaded. Other versions and other APIs are not affected."));
    if (f) blocks.push(codeBlock(`${f.file}:${f.line}:${f.col} ${f.rule}\n${f.message}`));
    return serialize(blocks);
  }
  blocks.push(
    paragraph(
      text(`${model.operations.length} operations, ${model.schemaNames.length} schemas${model.webhooks.length ? `, ${model.webhooks.length} webhooks` : ""}. info.version `),
      code(model.infoVersion || "?"),
      text(". Download the description: "),
      link(absolute(ctx.origin, `${versionPath(api.id, version.id)}/openapi.json`), "JSON"),
      text(", "),
      link(absolute(ctx.origin, `${versionPath(api.id, version.id)}/openapi.yaml`), "YAML"),
      text("."),
    ),
    ...specMarkdown(model.description, 1),
  );
  if (model.servers.length) {
    blocks.push(heading(2, "Servers"), list(model.servers.map((s) => listItem(paragraph(code(s.url), ...(s.description ? [text(": "), ...specInline(s.description)] : []))))));
  }
  if (model.securitySchemes.length) {
    blocks.push(heading(2, "Authentication"));
    for (const s of model.securitySchemes) {
      blocks.push(heading(3, code(s.name)), paragraph(...(s.details.length ? s.details.flatMap((d, i) => [...(i ? [text(" · ")] : []), ...specInline(d)]) : [text(s.type)])), ...specMarkdown(s.description, 3));
    }
  }
  blocks.push(heading(2, "Operations"));
  const groups = groupByTag(model);
  if (model.operations.length <= FULL_LIST_LIMIT) {
    for (const g of groups) blocks.push(heading(3, link(mdUrl(ctx, { kind: "tag", name: g.name }), g.name)), ...specMarkdown(g.description, 3), operationRows(ctx, g));
  } else {
    blocks.push(
      paragraph(`${model.operations.length} operations in ${groups.length} groups; each group's page lists its operations.`),
      list(groups.map((g) => listItem(paragraph(link(mdUrl(ctx, { kind: "tag", name: g.name }), g.name), text(` (${g.operations.length})`))))),
    );
  }
  if (model.webhooks.length) {
    blocks.push(
      heading(2, "Webhooks"),
      list(model.webhooks.map((w) => listItem(paragraph(code(`${w.method.toUpperCase()} ${w.name}`), text(" "), link(mdUrl(ctx, { kind: "webhook", slug: w.slug }), w.title))))),
    );
  }
  if (model.schemaNames.length) blocks.push(heading(2, "Schemas"), paragraph(link(mdUrl(ctx, { kind: "schemas" }), `All ${model.schemaNames.length} schemas`)));
  return serialize(blocks);
}

export function tagMarkdown(ctx: VersionContext, group: OperationGroup): string {
  return serialize([heading(1, group.name), ...context(ctx, { kind: "tag", name: group.name }), ...specMarkdown(group.description, 1), operationRows(ctx, group)]);
}

export function schemasIndexMarkdown(ctx: VersionContext): string {
  const names = [...(ctx.model?.schemaNames ?? [])].sort((a, b) => a.localeCompare(b));
  return serialize([heading(1, "Schemas"), ...context(ctx, { kind: "schemas" }), list(names.map((n) => listItem(paragraph(link(mdUrl(ctx, { kind: "schema", name: n }), code(n))))))]);
}

function exampleBlock(value: unknown, label: string): Block[] {
  const raw = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  if (raw === undefined) return [];
  const body = raw.length > MAX_EXAMPLE_CHARS ? `${raw.slice(0, MAX_EXAMPLE_CHARS)}\n…` : raw;
  return [paragraph(`${label}:`), codeBlock(body, typeof value === "string" ? null : "json")];
}

export function schemaMarkdown(ctx: VersionContext, doc: Obj, name: string): string {
  const ref = { $ref: `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}` };
  return serialize([
    heading(1, code(name)),
    ...context(ctx, { kind: "schema", name }),
    ...schemaOutline(ref, newOutlineCtx(doc, schemaUrl(ctx))),
    ...exampleBlock(exampleForSchema(ref, doc, { mode: "response" }), "Example"),
  ]);
}

// --- Operations and webhooks ----------------------------------------------------------------

function parameterTable(params: Parameter[], ctx: VersionContext, doc: Obj) {
  const urls = { doc, schemaUrl: schemaUrl(ctx) };
  return table(
    ["Name", "In", "Type", "Required", "Description"],
    params.map((p) => {
      const f = p.schema ? facts(flatSchema(p.schema, doc)) : [];
      const description = [...(p.deprecated ? [strong(text("Deprecated.")), text(" ")] : []), ...specInline(p.description)];
      if (f.length) description.push(text(description.length ? " (" : "("), ...f, text(")"));
      return [[code(p.name)], [text(p.in)], [p.schema ? typeRef(p.schema, urls) : code("any")], [text(p.required ? "yes" : "no")], description];
    }),
  );
}

function mediaTypes(content: unknown, ctx: VersionContext, doc: Obj, mode: "request" | "response", depth: number): Block[] {
  if (!isObj(content)) return [];
  return Object.entries(content).flatMap(([type, media]) => {
    const m = isObj(media) ? media : {};
    const example = exampleForMedia(m, doc, mode);
    return [
      heading(depth, code(type)),
      ...(m.schema !== undefined ? schemaOutline(m.schema, newOutlineCtx(doc, schemaUrl(ctx), mode)) : []),
      ...(example ? exampleBlock(example.value, example.source === "schema" ? "Example (generated from the schema)" : "Example") : []),
    ];
  });
}

function securityBlocks(ctx: VersionContext, doc: Obj, operation: Obj): Block[] {
  const security = effectiveSecurity(doc, operation);
  if (!security.length) return [];
  const details = new Map((ctx.model?.securitySchemes ?? []).map((s) => [s.name, s.details]));
  const items = security.map((req) => {
    if (!req.length) return listItem(paragraph("No authorization needed (optional)"));
    const parts = req.flatMap((r, i): Inline[] => [
      ...(i ? [text(" and ")] : []),
      link(`${mdUrl(ctx, { kind: "overview" })}`, code(r.scheme)),
      ...(details.get(r.scheme)?.length ? [text(" ("), ...details.get(r.scheme)!.flatMap((d, j) => [...(j ? [text(" · ")] : []), ...specInline(d)]), text(")")] : []),
      ...(r.scopes.length ? [text(", scopes "), ...r.scopes.flatMap((s, j) => [...(j ? [text(", ")] : []), code(s)])] : []),
    ]);
    return listItem(paragraph(...parts));
  });
  return [heading(2, "Authorization"), ...(security.length > 1 ? [paragraph("Any one of:")] : []), list(items)];
}

export interface OperationInput {
  kind: "operation" | "webhook";
  /** Operation slug or webhook slug (for the page's own URL). */
  slug: string;
  method: HttpMethod;
  /** The path, or the webhook's name. */
  path: string;
  title: string;
  pathItem: Obj;
  operation: Obj;
}

export function operationMarkdown(ctx: VersionContext, doc: Obj, input: OperationInput): string {
  const { kind, method, path, pathItem, operation } = input;
  const page: RefPage = kind === "operation" ? { kind, slug: input.slug } : { kind: "webhook", slug: input.slug };
  const params = effectiveParameters(doc, pathItem, operation);
  const blocks: Block[] = [
    heading(1, input.title),
    paragraph(code(`${method.toUpperCase()} ${path}`), ...(kind === "webhook" ? [text(" (webhook)")] : [])),
    ...context(ctx, page),
  ];
  if (str(operation.operationId)) blocks.push(paragraph(text("operationId "), code(String(operation.operationId))));
  if (operation.deprecated === true) {
    const sunset = str(operation["x-sunset"]);
    blocks.push(blockquote(paragraph(strong(text("Deprecated.")), text(sunset ? ` This ${kind} stops working on ${sunset}.` : ` This ${kind} may be removed in a later version.`))));
  }
  blocks.push(...specMarkdown(str(operation.description), 1));
  blocks.push(...securityBlocks(ctx, doc, operation));
  if (params.length) blocks.push(heading(2, "Parameters"), parameterTable(params, ctx, doc));

  const body = deref<Obj>(doc, operation.requestBody);
  if (body) {
    blocks.push(heading(2, kind === "webhook" ? "Payload" : "Request body"));
    if (body.required === true) blocks.push(paragraph("Required."));
    blocks.push(...specMarkdown(str(body.description), 2), ...mediaTypes(body.content, ctx, doc, "request", 3));
  }

  blocks.push(heading(2, kind === "webhook" ? "Expected responses" : "Responses"));
  const responses = isObj(operation.responses) ? Object.entries(operation.responses) : [];
  if (!responses.length) blocks.push(paragraph("No responses documented."));
  for (const [status, raw] of responses) {
    const r = deref<Obj>(doc, raw) ?? {};
    const description = str(r.description);
    const [first, ...rest] = (description ?? "").split("\n");
    blocks.push(heading(3, code(status), ...(first?.trim() ? [text(" "), ...specInline(first)] : [])), ...specMarkdown(rest.join("\n"), 3));
    const headers = headerParameters(doc, r.headers);
    if (headers.length) blocks.push(paragraph("Headers:"), parameterTable(headers, ctx, doc));
    blocks.push(...mediaTypes(r.content, ctx, doc, "response", 4));
    const links = isObj(r.links) ? Object.entries(r.links) : [];
    if (links.length) {
      blocks.push(
        paragraph("Links:"),
        list(
          links.map(([name, l]) => {
            const target = deref<Obj>(doc, l) ?? {};
            const desc = str(target.description);
            return listItem(paragraph(code(name), text(" → "), code(str(target.operationId) ?? str(target.operationRef) ?? "?"), ...(desc ? [text(": "), ...specInline(desc)] : [])));
          }),
        ),
      );
    }
  }

  const callbacks = isObj(operation.callbacks) ? Object.entries(operation.callbacks) : [];
  if (callbacks.length) {
    blocks.push(heading(2, "Callbacks"));
    for (const [name, cb] of callbacks) {
      for (const [expression, item] of Object.entries(deref<Obj>(doc, cb) ?? {})) {
        for (const [m, op] of operationsOf(deref(doc, item))) {
          blocks.push(heading(3, `${name}: `, code(`${m.toUpperCase()} ${expression}`)), ...specMarkdown(str(op.summary) ?? str(op.description), 3));
          const cbBody = deref<Obj>(doc, op.requestBody);
          if (cbBody) blocks.push(...mediaTypes(cbBody.content, ctx, doc, "request", 4));
        }
      }
    }
  }

  if (kind === "operation") {
    const curl = buildCodeSamples({ doc, method, path, operation: { ...operation, parameters: params.map((p) => p.raw) }, serverUrl: serverUrlFor(doc, pathItem, operation) }).find((s) => s.id === "curl");
    if (curl) blocks.push(heading(2, "Example request"), codeBlock(curl.code, "sh"));
  }
  return serialize(blocks);
}
