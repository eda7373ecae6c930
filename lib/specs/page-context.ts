// What every reference page under /apis/<api>/<version>/… starts with: the API and version the
// URL names, checked against who is asking, then the operation, webhook, tag or schema the rest
// of the URL names. Unknown and hidden both end in the same 404. The HTML pages (load… + notFound)
// and the Markdown renderings (find…, undefined) resolve URLs with these same functions.
import "server-only";
import { notFound } from "next/navigation";
import { ANONYMOUS, getViewer, type Viewer } from "@/lib/access/viewer";
import { canViewApi } from "@/lib/access/visibility";
import { deref, isObj, webhooksOf } from "@/lib/openapi/document";
import { groupByTag, type OperationGroup } from "./group";
import { findApi, findOperation, findVersion, getCatalog, getDocument, getVersionModel } from "./index";
import type { CatalogApi, CatalogVersion, OperationSummary, VersionModel, WebhookSummary } from "./model";

export type VersionParams = Promise<{ api: string; version: string }>;
type Obj = Record<string, unknown>;

export interface VersionPage {
  api: CatalogApi;
  version: CatalogVersion;
  model: VersionModel | null;
  /** URL prefix for links inside this version, keeping `latest` when the URL used it. */
  base: string;
}

/** A URL segment as the page names it ("Alert%20kinds" → "Alert kinds"); undefined when malformed. */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * The API if it exists and the viewer may see it; undefined for both unknown and hidden. Without
 * a viewer, the one of the request (dynamic routes only: getViewer reads the session cookie).
 */
export async function findVisibleApi(apiId: string, viewer?: Viewer): Promise<CatalogApi | undefined> {
  const api = findApi(apiId);
  return api && canViewApi(viewer ?? (await getViewer()), api) ? api : undefined;
}

export async function findVersionPage(apiId: string, rawVersion: string, viewer?: Viewer): Promise<VersionPage | undefined> {
  const api = await findVisibleApi(apiId, viewer);
  const versionId = decodeSegment(rawVersion);
  const version = api && versionId !== undefined ? findVersion(api, versionId) : undefined;
  if (!api || !version) return undefined;
  const model = version.status === "ok" ? getVersionModel(api.id, version.id) : null;
  return { api, version, model, base: `/apis/${api.id}/${encodeURIComponent(versionId === "latest" ? "latest" : version.id)}` };
}

/**
 * For the reference pages. A public API's pages are rendered once, cached and served to everyone:
 * they never read cookies (ANONYMOUS). A partner or internal API's pages depend on who asks:
 * proxy.ts routes them to the dynamic copies under /restricted-apis, where getViewer reads the
 * session. Should one be rendered in the static tree anyway, force-static hands getViewer empty
 * cookies, so it is a 404 there.
 */
export async function loadVersionPage(params: VersionParams): Promise<VersionPage> {
  const { api, version } = await params;
  const viewer = findApi(api)?.visibility === "public" ? ANONYMOUS : await getViewer();
  const page = await findVersionPage(api, version, viewer);
  if (!page) notFound();
  return page;
}

export interface OperationTarget {
  op: OperationSummary;
  doc: Obj;
  pathItem: Obj;
  operation: Obj;
}

export function findOperationTarget(page: VersionPage, slug: string): OperationTarget | undefined {
  const op = page.model ? findOperation(page.model, slug) : undefined;
  const doc = op ? getDocument(page.api.id, page.version.id) : null;
  const pathItem = op && doc && isObj(doc.paths) ? doc.paths[op.path] : undefined;
  const operation = op && isObj(pathItem) ? pathItem[op.method] : undefined;
  return op && doc && isObj(pathItem) && isObj(operation) ? { op, doc, pathItem, operation } : undefined;
}

export interface WebhookTarget {
  hook: WebhookSummary;
  doc: Obj;
  item: Obj;
  operation: Obj;
}

export function findWebhookTarget(page: VersionPage, slug: string): WebhookTarget | undefined {
  const hook = page.model?.webhooks.find((w) => w.slug === slug);
  const doc = hook ? getDocument(page.api.id, page.version.id) : null;
  const item = hook && doc ? deref(doc, webhooksOf(doc)[hook.name]) : undefined;
  const operation = hook ? item?.[hook.method] : undefined;
  return hook && doc && item && isObj(operation) ? { hook, doc, item, operation } : undefined;
}

export function findTagGroup(page: VersionPage, name: string): OperationGroup | undefined {
  return page.model ? groupByTag(page.model).find((g) => g.name === name) : undefined;
}

/** The document holding component schema `name`, when the version has it. */
export function findSchemaDocument(page: VersionPage, name: string): Obj | undefined {
  if (!page.model?.schemaNames.includes(name)) return undefined;
  return getDocument(page.api.id, page.version.id) ?? undefined;
}

/** Models of the API's other versions, for the version switcher. */
export function siblingModels(api: CatalogApi): { version: CatalogVersion; model: VersionModel | null }[] {
  getCatalog();
  return api.versions.map((v) => ({ version: v, model: v.status === "ok" ? getVersionModel(api.id, v.id) : null }));
}
