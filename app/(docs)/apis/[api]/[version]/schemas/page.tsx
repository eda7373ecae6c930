import type { Metadata } from "next";
import Link from "next/link";
import { DocsShell } from "@/components/openapi/docs-shell";
import { referenceMetadata } from "@/lib/discovery/metadata";
import { loadVersionPage, type VersionParams } from "@/lib/specs/page-context";

// Public docs are the same for every visitor: rendered on first request, then served from the
// page cache (server/page-cache.cjs) and cacheable by a CDN. No cookies are read here.
export const dynamic = "force-static";
export const revalidate = 3600;

export async function generateMetadata({ params }: { params: VersionParams }): Promise<Metadata> {
  const page = await loadVersionPage(params);
  return referenceMetadata(page, { kind: "schemas" }, "Schemas", `All ${page.model?.schemaNames.length ?? 0} schemas of ${page.api.name} ${page.version.id}.`);
}

export default async function SchemasIndex({ params }: { params: VersionParams }) {
  const page = await loadVersionPage(params);
  const names = [...(page.model?.schemaNames ?? [])].sort((a, b) => a.localeCompare(b));
  return (
    <DocsShell page={page} current={{ kind: "schema", name: "" }}>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Schemas</h1>
      <ul className="mt-6 columns-1 gap-6 text-sm sm:columns-2 lg:columns-3">
        {names.map((n) => (
          <li key={n} className="break-inside-avoid py-0.5">
            <Link href={`${page.base}/schemas/${encodeURIComponent(n)}`} className="font-mono text-info hover:underline">{n}</Link>
          </li>
        ))}
      </ul>
    </DocsShell>
  );
}
