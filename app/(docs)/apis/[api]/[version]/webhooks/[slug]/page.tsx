import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocsShell } from "@/components/openapi/docs-shell";
import { OperationView } from "@/components/openapi/operation-view";
import { referenceMetadata } from "@/lib/discovery/metadata";
import { str } from "@/lib/openapi/document";
import { findWebhookTarget, loadVersionPage, type VersionParams } from "@/lib/specs/page-context";

// Public docs are the same for every visitor: rendered on first request, then served from the
// page cache (server/page-cache.cjs) and cacheable by a CDN. No cookies are read here.
export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ api: string; version: string; slug: string }>;

async function load(params: Params) {
  const { slug } = await params;
  const page = await loadVersionPage(params as unknown as VersionParams);
  const target = findWebhookTarget(page, slug);
  if (!target) notFound();
  return { page, ...target };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { page, hook, operation } = await load(params);
  const about = str(operation.description) ?? str(operation.summary);
  return referenceMetadata(page, { kind: "webhook", slug: hook.slug }, `Webhook ${hook.name}`, `${hook.method.toUpperCase()} webhook ${hook.name}${about ? `: ${about}` : ""}`);
}

export default async function WebhookPage({ params }: { params: Params }) {
  const { page, hook, doc, item, operation } = await load(params);
  return (
    <DocsShell page={page} current={{ kind: "webhook", slug: hook.slug }}>
      <OperationView doc={doc} base={page.base} method={hook.method} path={hook.name} pathItem={item} operation={operation} title={hook.title} kind="webhook" />
    </DocsShell>
  );
}
