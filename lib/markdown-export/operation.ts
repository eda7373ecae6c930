// The Markdown rendering of an operation or webhook page: method and path, summary and
// description, deprecation, security, parameters table, request body and responses (schema
// outline and example per media type), callbacks, and one curl sample.
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
import { buildCodeSamples, exampleForMedia } from "@/lib/openapi/samples";
import { flatSchema } from "@/lib/openapi/schema";
import type { RefPage } from "@/lib/discovery/urls";
import type { HttpMethod } from "@/lib/specs/model";
import { operationsOf } from "@/lib/specs/normalize";
import { blockquote, code, codeBlock, heading, link, list, listItem, paragraph, serialize, specInline, specMarkdown, strong, table, text, type Block, type Inline } from "./mdast";
import { context, exampleBlock, mdUrl, schemaUrl, type VersionContext } from "./page-parts";
import { facts, newOutlineCtx, schemaOutline, typeRef } from "./schema-outline";

type Obj = Record<string, unknown>;

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
      link(mdUrl(ctx, { kind: "overview" }), code(r.scheme)),
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
