// Answers a Markdown request rewritten by proxy.ts: path segments after the internal prefix
// (["apis", "weather", "v2", "operations", "listalerts"]) → the page's Markdown. Resolves pages
// with the same lookups as the HTML pages (lib/specs/page-context), so the same visibility rules
// apply: partner, internal, unknown and malformed all answer the same 404.
import "server-only";
import { getViewer } from "@/lib/access/viewer";
import { changesMarkdown } from "@/lib/changes/markdown-serve";
import { visibleApis } from "@/lib/access/visibility";
import { absolute, CATALOG_PATH, markdownPath, refPath, versionPath, type RefPage } from "@/lib/discovery/urls";
import { env } from "@/lib/env";
import { getCatalog } from "@/lib/specs";
import {
  decodeSegment,
  findOperationTarget,
  findSchemaDocument,
  findTagGroup,
  findVersionPage,
  findVisibleApi,
  findWebhookTarget,
  type VersionPage,
} from "@/lib/specs/page-context";
import { catalogMarkdown, operationMarkdown, overviewMarkdown, schemaMarkdown, schemasIndexMarkdown, webhooksIndexMarkdown, tagMarkdown, type VersionContext } from "./pages";

const notFound = () => new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", vary: "Accept" } });

function markdown(body: string, htmlPath: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      vary: "Accept",
      // What a viewer may read depends on who they are (partner APIs, later): as the HTML pages.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      // The HTML page is the one to index; this is its alternate rendering.
      link: `<${absolute(env().portalUrl, htmlPath)}>; rel="canonical"`,
    },
  });
}

function render(ctx: VersionContext, page: VersionPage, kind: string | undefined, rawName: string | undefined): { body: string; ref: RefPage } | undefined {
  if (kind === undefined) return { body: overviewMarkdown(ctx), ref: { kind: "overview" } };
  if (kind === "schemas" && rawName === undefined) return page.model ? { body: schemasIndexMarkdown(ctx), ref: { kind: "schemas" } } : undefined;
  if (kind === "webhooks" && rawName === undefined) return page.model?.webhooks.length ? { body: webhooksIndexMarkdown(ctx), ref: { kind: "webhooks" } } : undefined;
  const name = rawName === undefined ? undefined : decodeSegment(rawName);
  if (name === undefined) return undefined;
  switch (kind) {
    case "operations": {
      const t = findOperationTarget(page, name);
      return t && { body: operationMarkdown(ctx, t.doc, { kind: "operation", slug: t.op.slug, method: t.op.method, path: t.op.path, title: t.op.title, pathItem: t.pathItem, operation: t.operation }), ref: { kind: "operation", slug: t.op.slug } };
    }
    case "webhooks": {
      const t = findWebhookTarget(page, name);
      return t && { body: operationMarkdown(ctx, t.doc, { kind: "webhook", slug: t.hook.slug, method: t.hook.method, path: t.hook.name, title: t.hook.title, pathItem: t.item, operation: t.operation }), ref: { kind: "webhook", slug: t.hook.slug } };
    }
    case "tags": {
      const group = findTagGroup(page, name);
      return group && { body: tagMarkdown(ctx, group), ref: { kind: "tag", name: group.name } };
    }
    case "schemas": {
      const doc = findSchemaDocument(page, name);
      return doc && { body: schemaMarkdown(ctx, doc, name), ref: { kind: "schema", name } };
    }
    default:
      return undefined;
  }
}

export async function markdownResponse(segments: string[]): Promise<Response> {
  const origin = env().portalUrl;
  // Changelog pages and diffs (lib/changes) first: /apis/<api>/changelog would read as a version.
  const changes = await changesMarkdown(segments);
  if (changes !== undefined) return changes ? markdown(changes.body, changes.htmlPath) : notFound();
  const [root, apiId, versionId, kind, name, ...rest] = segments;
  if (root !== "apis" || rest.length) return notFound();
  if (apiId === undefined) {
    const apis = visibleApis(await getViewer(), getCatalog().apis).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return markdown(catalogMarkdown(origin, apis), CATALOG_PATH);
  }
  if (versionId === undefined) {
    // /apis/<api>.md → the latest version's Markdown, as /apis/<api> redirects to its HTML.
    const api = await findVisibleApi(apiId);
    if (!api?.latestVersion) return notFound();
    return Response.redirect(absolute(origin, markdownPath(versionPath(api.id, api.latestVersion))), 307);
  }
  const page = await findVersionPage(apiId, versionId);
  if (!page) return notFound();
  const out = render({ origin, api: page.api, version: page.version, model: page.model }, page, kind, name);
  return out ? markdown(out.body, refPath(page.api.id, page.version.id, out.ref)) : notFound();
}
