import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocsShell } from "@/components/openapi/docs-shell";
import { OperationView } from "@/components/openapi/operation-view";
import { deref, isObj } from "@/lib/openapi/document";
import { getDocument } from "@/lib/specs";
import { loadVersionPage, type VersionParams } from "@/lib/specs/page-context";

// Public docs are the same for every visitor: rendered on first request, then served from the
// page cache (server/page-cache.cjs) and cacheable by a CDN. No cookies are read here.
export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ api: string; version: string; slug: string }>;

async function load(params: Params) {
  const { slug } = await params;
  const page = await loadVersionPage(params as unknown as VersionParams);
  const hook = page.model?.webhooks.find((w) => w.slug === slug);
  const doc = hook ? getDocument(page.api.id, page.version.id) : null;
  const item = doc && isObj(doc.webhooks) ? deref(doc, doc.webhooks[hook!.name]) : undefined;
  const operation = item?.[hook!.method];
  if (!hook || !doc || !item || !isObj(operation)) notFound();
  return { page, hook, doc, item, operation };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { page, hook } = await load(params);
  return { title: `Webhook ${hook.name} · ${page.api.name} ${page.version.id}` };
}

export default async function WebhookPage({ params }: { params: Params }) {
  const { page, hook, doc, item, operation } = await load(params);
  return (
    <DocsShell page={page} current={{ kind: "webhook", slug: hook.slug }}>
      <OperationView doc={doc} base={page.base} method={hook.method} path={hook.name} pathItem={item} operation={operation} title={hook.title} kind="webhook" />
    </DocsShell>
  );
}
