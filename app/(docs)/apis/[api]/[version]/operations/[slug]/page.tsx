import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OperationHistory } from "@/components/changes/operation-history";
import { DocsShell } from "@/components/openapi/docs-shell";
import { OperationView } from "@/components/openapi/operation-view";
import { referenceMetadata } from "@/lib/discovery/metadata";
import { operationNoticeLinks } from "@/lib/notices/public";
import { str } from "@/lib/openapi/document";
import { groupByTag } from "@/lib/specs/group";
import { findOperationTarget, loadVersionPage, type VersionParams } from "@/lib/specs/page-context";

// Public docs are the same for every visitor: rendered on first request, then served from the
// page cache (server/page-cache.cjs) and cacheable by a CDN. No cookies are read here.
export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ api: string; version: string; slug: string }>;

async function load(params: Params) {
  const { slug } = await params;
  const page = await loadVersionPage(params as unknown as VersionParams);
  const target = findOperationTarget(page, slug);
  if (!target) notFound();
  return { page, ...target };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { page, op, operation } = await load(params);
  const about = str(operation.description) ?? str(operation.summary);
  return referenceMetadata(page, { kind: "operation", slug: op.slug }, op.title, `${op.method.toUpperCase()} ${op.path}${about ? `: ${about}` : ""}`);
}

export default async function OperationPage({ params }: { params: Params }) {
  const { page, op, doc, pathItem, operation } = await load(params);
  // Previous / next in navigation order (tag groups), so readers can page through the API.
  const ordered = groupByTag(page.model!).flatMap((g) => g.operations);
  const i = ordered.findIndex((o) => o.slug === op.slug);
  const prev = ordered[i - 1];
  const next = ordered[i + 1];
  const notices = await operationNoticeLinks(page.api, page.version.id, `${op.method.toUpperCase()} ${op.path}`);
  return (
    <DocsShell page={page} current={{ kind: "operation", slug: op.slug, method: op.method, path: op.path }}>
      <OperationView doc={doc} base={page.base} apiId={page.api.id} method={op.method} path={op.path} pathItem={pathItem} operation={operation} title={op.title} kind="operation" notices={notices} />
      <OperationHistory api={page.api} operation={{ method: op.method, path: op.path }} />
      <nav aria-label="Previous and next operation" className="mt-12 grid gap-3 border-t border-border pt-6 sm:grid-cols-2">
        {prev ? (
          <Link href={`${page.base}/operations/${prev.slug}`} rel="prev" className="rounded-lg border border-border p-3 hover:border-accent">
            <span className="block text-xs text-fg-muted">Previous</span>
            <span className="text-sm font-medium">{prev.title}</span>
          </Link>
        ) : <span />}
        {next && (
          <Link href={`${page.base}/operations/${next.slug}`} rel="next" className="rounded-lg border border-border p-3 text-right hover:border-accent">
            <span className="block text-xs text-fg-muted">Next</span>
            <span className="text-sm font-medium">{next.title}</span>
          </Link>
        )}
      </nav>
    </DocsShell>
  );
}
