import type { Metadata } from "next";
import Link from "next/link";
import { DocsShell } from "@/components/openapi/docs-shell";
import { Markdown } from "@/components/openapi/markdown";
import { OperationList } from "@/components/openapi/operation-list";
import { FORMAT_LABEL } from "@/components/specs/format-label";
import { SpecProblemNotice } from "@/components/specs/spec-problem-notice";
import { groupByTag } from "@/lib/specs/group";
import { referenceMetadata } from "@/lib/discovery/metadata";
import { changelogPath, diffPath } from "@/lib/discovery/urls";
import { deprecationsPath } from "@/lib/notices/urls";
import { loadVersionPage, type VersionParams } from "@/lib/specs/page-context";

// Public docs are the same for every visitor: rendered on first request, then served from the
// page cache (server/page-cache.cjs) and cacheable by a CDN. No cookies are read here.
export const dynamic = "force-static";
export const revalidate = 3600;
/** Above this many operations the overview lists tags only; each tag has its own page. */
const FULL_LIST_LIMIT = 150;

export async function generateMetadata({ params }: { params: VersionParams }): Promise<Metadata> {
  const page = await loadVersionPage(params);
  return referenceMetadata(page, { kind: "overview" }, null, page.api.summary ?? page.model?.description);
}

export default async function VersionOverview({ params }: { params: VersionParams }) {
  const page = await loadVersionPage(params);
  const { api, version, model, base } = page;
  // The loaded version before this one, for "what changed since".
  const loaded = api.versions.filter((v) => v.status === "ok");
  const previous = loaded[loaded.findIndex((v) => v.id === version.id) - 1];
  return (
    <DocsShell page={page} current={{ kind: "overview" }}>
      <header className="mt-4">
        <h1 className="text-3xl font-bold tracking-tight">{api.name}</h1>
        {api.summary && <p className="mt-2 max-w-2xl text-fg-muted">{api.summary}</p>}
      </header>
      {!model ? (
        <SpecProblemNotice problem={version.failure} />
      ) : (
        <>
          <dl className="mt-6 flex flex-wrap gap-x-8 gap-y-2 text-sm">
            <div><dt className="text-fg-muted">Format</dt><dd>{FORMAT_LABEL[model.format]} ({model.formatVersion})</dd></div>
            <div><dt className="text-fg-muted">Version</dt><dd className="font-mono">{model.infoVersion}</dd></div>
            <div><dt className="text-fg-muted">Operations</dt><dd>{model.operations.length}</dd></div>
            <div><dt className="text-fg-muted">Schemas</dt><dd>{model.schemaNames.length}</dd></div>
            {model.webhooks.length > 0 && <div><dt className="text-fg-muted">Webhooks</dt><dd>{model.webhooks.length}</dd></div>}
            <div>
              <dt className="text-fg-muted">Changes</dt>
              <dd className="flex gap-3">
                <Link className="text-accent hover:underline" href={changelogPath(api.id)}>Changelog</Link>
                {previous && <Link className="text-accent hover:underline" href={diffPath(api.id, previous.id, version.id)}>Since {previous.id}</Link>}
                {api.visibility === "public" && <Link className="text-accent hover:underline" href={deprecationsPath(api.id)}>Deprecations</Link>}
              </dd>
            </div>
            <div>
              <dt className="text-fg-muted">Download</dt>
              <dd className="flex gap-3">
                <a className="text-accent hover:underline" href={`${base}/openapi.json`}>JSON</a>
                <a className="text-accent hover:underline" href={`${base}/openapi.yaml`}>YAML</a>
              </dd>
            </div>
          </dl>
          <Markdown text={model.description} className="mt-8 max-w-3xl" />

          {model.servers.length > 0 && (
            <section aria-labelledby="servers" className="mt-10">
              <h2 id="servers" className="text-lg font-semibold">Servers</h2>
              <ul className="mt-3 space-y-1.5 text-sm">
                {model.servers.map((s) => (
                  <li key={s.url} className="flex flex-wrap items-baseline gap-x-3">
                    <code className="break-all rounded bg-bg-muted px-1.5 py-0.5">{s.url}</code>
                    {s.description && <span className="text-fg-muted">{s.description}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {model.securitySchemes.length > 0 && (
            <section aria-labelledby="auth" className="mt-10">
              <h2 id="auth" className="text-lg font-semibold">Authentication</h2>
              <div className="mt-3 space-y-3">
                {model.securitySchemes.map((s) => (
                  <div key={s.name} id={`auth-${s.name}`} className="scroll-mt-20 rounded-lg border border-border p-4">
                    <p className="flex flex-wrap items-baseline gap-x-3">
                      <span className="font-mono font-semibold">{s.name}</span>
                      <span className="text-sm text-fg-muted">{s.details.join(" · ") || s.type}</span>
                    </p>
                    <Markdown text={s.description} className="mt-2 text-sm text-fg-muted" />
                  </div>
                ))}
              </div>
            </section>
          )}

          <section aria-labelledby="ops" className="mt-10">
            <h2 id="ops" className="text-lg font-semibold">Operations</h2>
            {model.operations.length <= FULL_LIST_LIMIT ? (
              groupByTag(model).map((g) => <OperationList key={g.name} group={g} base={base} />)
            ) : (
              <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {groupByTag(model).map((g) => (
                  <li key={g.name}>
                    <a href={`${base}/tags/${encodeURIComponent(g.name)}`} className="flex justify-between rounded-md border border-border px-3 py-2 text-sm hover:border-accent">
                      <span>{g.name}</span>
                      <span className="text-fg-muted">{g.operations.length}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </DocsShell>
  );
}
