// The changelog pages: one API's (/apis/<api>/changelog) and every public API's (/changelog),
// each optionally filtered by severity (/…/changelog/breaking). Server-rendered from cached diffs
// and entries; the caller has already checked the API is visible.
import Link from "next/link";
import type { ReactNode } from "react";
import { countBySeverity, type Release } from "@/lib/changes/changelog";

const shows = (r: Release, filter: Severity | null) => !filter || r.entries.some((e) => e.severity === filter) || !!r.diff?.changes.some((c) => c.severity === filter);
import type { Severity } from "@/lib/changes/types";
import { CATALOG_PATH } from "@/lib/discovery/urls";
import type { CatalogApi } from "@/lib/specs/model";
import { CompareForm, FeedLinks, SeverityFilter } from "./changelog-parts";
import { ReleaseSection } from "./release-section";

function totals(releases: readonly Release[]): Record<Severity, number> {
  const counts = countBySeverity(releases.flatMap((r) => r.diff?.changes ?? []));
  for (const r of releases) for (const e of r.entries) if (e.severity) counts[e.severity]++;
  return counts;
}

function Frame({ crumbs, title, intro, children }: { crumbs: ReactNode; title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 lg:py-10">
      <nav aria-label="Breadcrumb" className="flex flex-wrap items-center gap-1.5 text-sm text-fg-muted">{crumbs}</nav>
      <header className="mt-4 space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        {intro}
      </header>
      {children}
    </div>
  );
}

function Empty({ filter }: { filter: Severity | null }) {
  return <p className="mt-10 rounded-lg border border-dashed border-border p-8 text-center text-fg-muted">{filter ? `No ${filter} changes.` : "No changes yet."}</p>;
}

export function ApiChangelog({ api, releases, filter }: { api: CatalogApi; releases: Release[]; filter: Severity | null }) {
  const shown = releases.filter((r) => shows(r, filter));
  return (
    <Frame
      title={`${api.name} changelog`}
      crumbs={
        <>
          <Link href={CATALOG_PATH} className="hover:text-fg hover:underline">APIs</Link>
          <span aria-hidden="true">/</span>
          <Link href={`/apis/${api.id}`} className="hover:text-fg hover:underline">{api.name}</Link>
          <span aria-hidden="true">/</span>
          <span>Changelog</span>
        </>
      }
      intro={
        <>
          <p className="max-w-2xl text-fg-muted">
            What changed in each version, found by comparing the API descriptions, with notes from the API&apos;s team. Breaking changes come first.
          </p>
          <FeedLinks apiId={api.id} restricted={api.visibility !== "public"} />
        </>
      }
    >
      <div className="mt-6 space-y-4">
        <SeverityFilter apiId={api.id} current={filter} counts={totals(releases)} />
        <CompareForm apiId={api.id} versions={api.versions} />
      </div>
      <div className="mt-8 space-y-10">{shown.length ? shown.map((r) => <ReleaseSection key={r.version.id} release={r} filter={filter} />) : <Empty filter={filter} />}</div>
    </Frame>
  );
}

export function GlobalChangelog({ releases, filter }: { releases: Release[]; filter: Severity | null }) {
  const shown = releases.filter((r) => r.previous || r.entries.length).filter((r) => shows(r, filter));
  return (
    <Frame
      title="Changelog"
      crumbs={
        <>
          <Link href={CATALOG_PATH} className="hover:text-fg hover:underline">APIs</Link>
          <span aria-hidden="true">/</span>
          <span>Changelog</span>
        </>
      }
      intro={
        <>
          <p className="max-w-2xl text-fg-muted">Every new version of the public APIs on this portal, newest first, with what changed. Each API also has a changelog of its own.</p>
          <FeedLinks apiId={null} />
        </>
      }
    >
      <div className="mt-6">
        <SeverityFilter apiId={null} current={filter} counts={totals(releases)} />
      </div>
      <div className="mt-8 space-y-10">{shown.length ? shown.map((r) => <ReleaseSection key={`${r.api.id}/${r.version.id}`} release={r} filter={filter} showApi />) : <Empty filter={filter} />}</div>
    </Frame>
  );
}
