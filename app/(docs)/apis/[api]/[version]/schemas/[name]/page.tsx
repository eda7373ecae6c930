import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocsShell } from "@/components/openapi/docs-shell";
import { SchemaView } from "@/components/openapi/schema-view";
import { Code } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { exampleForSchema } from "@/lib/openapi/samples";
import { referenceMetadata } from "@/lib/discovery/metadata";
import { str } from "@/lib/openapi/document";
import { flatSchema } from "@/lib/openapi/schema";
import { decodeSegment, findSchemaDocument, loadVersionPage, type VersionParams } from "@/lib/specs/page-context";

// Public docs are the same for every visitor: rendered on first request, then served from the
// page cache (server/page-cache.cjs) and cacheable by a CDN. No cookies are read here.
export const dynamic = "force-static";
export const revalidate = 3600;
type Params = Promise<{ api: string; version: string; name: string }>;

const schemaRef = (name: string) => `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;

async function load(params: Params) {
  const name = decodeSegment((await params).name);
  const page = await loadVersionPage(params as unknown as VersionParams);
  const doc = name === undefined ? undefined : findSchemaDocument(page, name);
  if (name === undefined || !doc) notFound();
  return { page, name, doc };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { page, name, doc } = await load(params);
  const description = str(flatSchema({ $ref: schemaRef(name) }, doc).description);
  return referenceMetadata(page, { kind: "schema", name }, `${name} schema`, description ?? `The ${name} schema of ${page.api.name} ${page.version.id}.`);
}

export default async function SchemaPage({ params }: { params: Params }) {
  const { page, name, doc } = await load(params);
  const ref = { $ref: schemaRef(name) };
  const example = exampleForSchema(ref, doc, { mode: "response" });
  return (
    <DocsShell page={page} current={{ kind: "schema", name }}>
      <h1 className="mt-4 font-mono text-3xl font-bold tracking-tight">{name}</h1>
      <div className="mt-6">
        <SchemaView schema={ref} ctx={{ doc, base: page.base, stack: [], depth: 0 }} />
      </div>
      {example !== undefined && (
        <section aria-labelledby="example" className="mt-10">
          <h2 id="example" className="text-lg font-semibold">Example</h2>
          <div data-copy-scope className="relative mt-3 rounded-lg border border-border bg-bg-subtle">
            <Code code={JSON.stringify(example, null, 2)} lang="json" className="max-h-[32rem] p-4 pr-20" />
            <CopyButton what="example" className="absolute right-2 top-2" />
          </div>
        </section>
      )}
    </DocsShell>
  );
}
