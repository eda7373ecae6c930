// The Markdown rendering of each reference page (operations and webhooks: operation.ts), from the same model (model.json) and OpenAPI 3.x
// document (document.json) the HTML pages read, with the same helpers (lib/openapi). Pure: the
// caller resolves the page and checks visibility (lib/markdown-export/serve.ts). Links are
// absolute and point at other Markdown pages, so a document stands on its own.
import { exampleForSchema } from "@/lib/openapi/samples";
import { absolute, CATALOG_PATH, markdownPath, versionPath } from "@/lib/discovery/urls";
import type { OperationGroup } from "@/lib/specs/group";
import { groupByTag } from "@/lib/specs/group";
import type { CatalogApi } from "@/lib/specs/model";
import { code, codeBlock, heading, link, list, listItem, paragraph, serialize, specInline, specMarkdown, text, type Block } from "./mdast";
import { context, exampleBlock, mdUrl, schemaUrl, type VersionContext } from "./page-parts";
import { newOutlineCtx, schemaOutline } from "./schema-outline";

export type { VersionContext } from "./page-parts";
export { operationMarkdown, type OperationInput } from "./operation";

type Obj = Record<string, unknown>;

/** Above this many operations an overview lists tags only (as the HTML overview does). */
const FULL_LIST_LIMIT = 150;

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
  if (model.webhooks.length) blocks.push(heading(2, "Webhooks"), paragraph(link(mdUrl(ctx, { kind: "webhooks" }), `All ${model.webhooks.length} webhooks`)));
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

export function webhooksIndexMarkdown(ctx: VersionContext): string {
  const hooks = ctx.model?.webhooks ?? [];
  return serialize([
    heading(1, "Webhooks"),
    ...context(ctx, { kind: "webhooks" }),
    list(hooks.map((w) => listItem(paragraph(code(`${w.method.toUpperCase()} ${w.name}`), text(" "), link(mdUrl(ctx, { kind: "webhook", slug: w.slug }), w.title))))),
  ]);
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
