import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocsShell } from "@/components/openapi/docs-shell";
import { OperationList } from "@/components/openapi/operation-list";
import { referenceMetadata } from "@/lib/discovery/metadata";
import { decodeSegment, findTagGroup, loadVersionPage, type VersionParams } from "@/lib/specs/page-context";

// Public docs are the same for every visitor: rendered on first request, then served from the
// page cache (server/page-cache.cjs) and cacheable by a CDN. No cookies are read here.
export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ api: string; version: string; tag: string }>;

async function load(params: Params) {
  const tag = decodeSegment((await params).tag);
  const page = await loadVersionPage(params as unknown as VersionParams);
  const group = tag === undefined ? undefined : findTagGroup(page, tag);
  if (!group) notFound();
  return { page, group };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { page, group } = await load(params);
  return referenceMetadata(page, { kind: "tag", name: group.name }, group.name, group.description ?? `${group.operations.length} operations of ${page.api.name} ${page.version.id} tagged ${group.name}.`);
}

export default async function TagPage({ params }: { params: Params }) {
  const { page, group } = await load(params);
  return (
    <DocsShell page={page} current={{ kind: "tag", name: group.name }}>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">{group.name}</h1>
      <OperationList group={{ ...group, name: group.name }} base={page.base} heading="h2" />
    </DocsShell>
  );
}
