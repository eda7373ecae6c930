import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MethodBadge } from "@/components/specs/method-badge";
import { FORMAT_LABEL } from "@/components/specs/format-label";
import { LifecycleBadge } from "@/components/specs/lifecycle-badge";
import { SpecProblemNotice } from "@/components/specs/spec-problem-notice";
import { VersionNotice } from "@/components/specs/version-notice";
import { getViewer } from "@/lib/access/viewer";
import { canViewApi } from "@/lib/access/visibility";
import { findApi, findVersion, getVersionModel } from "@/lib/specs";
import { groupByTag } from "@/lib/specs/group";

export const dynamic = "force-dynamic";

type Params = Promise<{ api: string; version: string }>;

async function resolve(params: Params) {
  const { api: apiId, version: versionId } = await params;
  const api = findApi(apiId);
  // Hidden and unknown APIs answer the same 404, so a probe learns nothing.
  if (!api || !canViewApi(await getViewer(), api)) notFound();
  const version = findVersion(api, decodeURIComponent(versionId));
  if (!version) notFound();
  return { api, version, model: version.status === "ok" ? getVersionModel(api.id, version.id) : null };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { api, version } = await resolve(params);
  return { title: `${api.name} ${version.id}`, description: api.summary ?? undefined };
}

export default async function VersionOverview({ params }: { params: Params }) {
  const { api, version, model } = await resolve(params);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-fg-muted">
        <Link href="/apis" className="hover:text-fg hover:underline">APIs</Link>
        <span aria-hidden="true" className="px-1.5">/</span>
        <span>{api.name}</span>
      </nav>
      <header className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{api.name}</h1>
        <LifecycleBadge lifecycle={version.lifecycle} sunset={version.sunset} />
      </header>
      {api.summary && <p className="mt-2 max-w-2xl text-fg-muted">{api.summary}</p>}

      <nav aria-label="Versions" className="mt-5 flex flex-wrap gap-2 text-sm">
        {[...api.versions].reverse().map((v) => (
          <Link
            key={v.id}
            href={`/apis/${api.id}/${encodeURIComponent(v.id)}`}
            aria-current={v.id === version.id ? "page" : undefined}
            className="rounded-md border border-border px-2.5 py-1 font-mono text-xs hover:border-accent aria-[current=page]:border-accent aria-[current=page]:bg-accent-subtle aria-[current=page]:text-accent"
          >
            {v.id}
          </Link>
        ))}
      </nav>

      <VersionNotice version={version} latestId={api.latestVersion} apiId={api.id} />

      {!model ? (
        <SpecProblemNotice problem={version.failure} />
      ) : (
        <>
          <dl className="mt-6 flex flex-wrap gap-x-8 gap-y-2 text-sm">
            <div><dt className="text-fg-muted">Format</dt><dd>{FORMAT_LABEL[model.format]} ({model.formatVersion})</dd></div>
            <div><dt className="text-fg-muted">Version</dt><dd className="font-mono">{model.infoVersion}</dd></div>
            <div><dt className="text-fg-muted">Operations</dt><dd>{model.operations.length}</dd></div>
            <div><dt className="text-fg-muted">Schemas</dt><dd>{model.schemaCount}</dd></div>
            {model.webhookCount > 0 && <div><dt className="text-fg-muted">Webhooks</dt><dd>{model.webhookCount}</dd></div>}
          </dl>
          <section aria-labelledby="ops" className="mt-10">
            <h2 id="ops" className="text-xl font-semibold">Operations</h2>
            {groupByTag(model).map((group) => (
              <section key={group.name} aria-label={group.name} className="mt-6">
                <h3 className="text-sm font-semibold uppercase tracking-wide text-fg-muted">{group.name}</h3>
                {group.description && <p className="mt-1 max-w-3xl text-sm text-fg-muted">{group.description}</p>}
                <ul className="mt-2 divide-y divide-border rounded-lg border border-border">
                  {group.operations.map((op) => (
                    <li key={op.slug} className="flex flex-col gap-1 px-3 py-2.5 sm:flex-row sm:items-center sm:gap-3">
                      <span className="flex min-w-0 items-center gap-3">
                        <MethodBadge method={op.method} />
                        <code className={`truncate text-sm ${op.deprecated ? "text-fg-muted line-through" : ""}`}>{op.path}</code>
                      </span>
                      <span className="text-sm text-fg-muted sm:ml-auto sm:text-right">
                        {op.title}
                        {op.deprecated && <span className="ml-2 text-xs font-medium text-warn">deprecated</span>}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
