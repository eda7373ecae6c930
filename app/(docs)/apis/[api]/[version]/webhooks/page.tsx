import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocsShell } from "@/components/openapi/docs-shell";
import { MethodBadge } from "@/components/specs/method-badge";
import { referenceMetadata } from "@/lib/discovery/metadata";
import { loadVersionPage, type VersionParams } from "@/lib/specs/page-context";

// Every webhook of a version. The sidebar lists webhooks itself only when there are few
// (docs-shell.tsx): GitHub's description has 270, which would add ~15 KB to every page.
// Public docs are the same for every visitor: rendered on first request, then served from the
// page cache (server/page-cache.cjs) and cacheable by a CDN. No cookies are read here.
export const dynamic = "force-static";
export const revalidate = 3600;

export async function generateMetadata({ params }: { params: VersionParams }): Promise<Metadata> {
  const page = await loadVersionPage(params);
  return referenceMetadata(page, { kind: "webhooks" }, "Webhooks", `All ${page.model?.webhooks.length ?? 0} webhooks of ${page.api.name} ${page.version.id}.`);
}

export default async function WebhooksIndex({ params }: { params: VersionParams }) {
  const page = await loadVersionPage(params);
  const hooks = page.model?.webhooks ?? [];
  if (!hooks.length) notFound();
  return (
    <DocsShell page={page} current={{ kind: "webhooks" }}>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Webhooks</h1>
      <p className="mt-2 text-fg-muted">Requests {page.api.name} sends to your endpoints: {hooks.length} webhooks.</p>
      <ul className="mt-6 columns-1 gap-6 text-sm sm:columns-2">
        {hooks.map((w) => (
          <li key={w.slug} className="flex break-inside-avoid items-center gap-2 py-0.5">
            <MethodBadge method={w.method} compact />
            <Link href={`${page.base}/webhooks/${w.slug}`} className={`font-mono text-info hover:underline ${w.deprecated ? "line-through" : ""}`}>
              {w.name}
            </Link>
          </li>
        ))}
      </ul>
    </DocsShell>
  );
}
