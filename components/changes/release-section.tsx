// One release on a changelog page: the version, its date, the hand-written entries about it, then
// the changes from the version before, breaking first. Long lists stop at a cap and send the
// reader to the full diff, so a GitHub-sized release keeps the page readable.
import Link from "next/link";
import { LifecycleBadge } from "@/components/specs/lifecycle-badge";
import { Markdown } from "@/components/openapi/markdown";
import { filterChanges, filterEntries, type Release } from "@/lib/changes/changelog";
import { entryAnchor, type ChangelogEntry } from "@/lib/changes/entries";
export { entryAnchor };
import { SEVERITIES, sortChanges, type Severity } from "@/lib/changes/types";
import { changelogPath, diffPath, versionPath } from "@/lib/discovery/urls";
import { ChangeText } from "./change-text";
import { severityHeading } from "./changelog-parts";
import { SeverityBadge } from "./severity-badge";

const CAP = 40;

function Entry({ entry }: { entry: ChangelogEntry }) {
  return (
    <article id={entryAnchor(entry)} aria-labelledby={`${entryAnchor(entry)}-title`} className="scroll-mt-20 rounded-lg border border-border bg-bg-subtle p-4">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h4 id={`${entryAnchor(entry)}-title`} className="font-semibold">{entry.title}</h4>
        {entry.severity && <SeverityBadge severity={entry.severity} />}
        <time dateTime={entry.date} className="text-sm text-fg-muted">{entry.date}</time>
      </header>
      <Markdown text={entry.body} className="mt-2 text-sm" />
      {entry.operations.length > 0 && (
        <p className="mt-2 flex flex-wrap gap-1.5 text-xs text-fg-muted">
          About:
          {entry.operations.map((o) => (
            <code key={`${o.method} ${o.path}`} className="rounded bg-bg-muted px-1">{`${o.method.toUpperCase()} ${o.path}`}</code>
          ))}
        </p>
      )}
    </article>
  );
}

function ChangeGroup({ severity, changes, more }: { severity: Severity; changes: ReturnType<typeof sortChanges>; more: string }) {
  const shown = changes.slice(0, CAP);
  const list = (
    <ul className="chg chg-list mt-2 text-sm">
      {shown.map((c, i) => (
        <li key={i}>
          <ChangeText text={c.text} />
        </li>
      ))}
      {changes.length > CAP && (
        <li className="border-transparent">
          <Link href={more} className="text-accent hover:underline">{`${changes.length - CAP} more in the full list of changes`}</Link>
        </li>
      )}
    </ul>
  );
  // Documentation edits are many and seldom what a reader looks for: folded.
  if (severity === "documentation") {
    return (
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-semibold">{severityHeading(severity, changes.length)}</summary>
        {list}
      </details>
    );
  }
  return (
    <div className="mt-4">
      <h4 className="flex items-center gap-2 text-sm font-semibold">
        <SeverityBadge severity={severity} count={changes.length} />
        <span className="sr-only">{severityHeading(severity, changes.length)}</span>
      </h4>
      {list}
    </div>
  );
}

export function ReleaseSection({ release, filter, showApi = false }: { release: Release; filter: Severity | null; showApi?: boolean }) {
  const { api, version, previous, diff } = release;
  const entries = filterEntries(release.entries, filter);
  const changes = sortChanges(filterChanges(diff?.changes ?? [], filter));
  if (filter && !entries.length && !changes.length) return null;
  const full = previous ? diffPath(api.id, previous.id, version.id) : null;
  const anchor = showApi ? `${api.id}-${version.id}` : version.id;
  return (
    <section id={anchor} aria-labelledby={`${anchor}-h`} className="scroll-mt-20 border-t border-border pt-6">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={`${anchor}-h`} className="text-xl font-semibold">
          {showApi && <>{api.name} </>}
          <span className="font-mono">{version.id}</span>
        </h2>
        <LifecycleBadge lifecycle={version.lifecycle} sunset={version.sunset} />
        {release.date && <time dateTime={release.date} className="text-sm text-fg-muted">{release.date}</time>}
      </header>
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-fg-muted">
        {previous ? <span>Changes since <span className="font-mono">{previous.id}</span></span> : <span>The first version in this portal.</span>}
        {full && <Link className="text-accent hover:underline" href={full}>All changes {previous!.id} → {version.id}</Link>}
        <Link className="text-accent hover:underline" href={versionPath(api.id, version.id)}>{version.id} reference</Link>
        {showApi && <Link className="text-accent hover:underline" href={changelogPath(api.id)}>{api.name} changelog</Link>}
      </p>
      {entries.length > 0 && <div className="mt-4 space-y-3">{entries.map((e) => <Entry key={e.id} entry={e} />)}</div>}
      {release.diffFailed && <p role="note" className="mt-4 text-sm text-fg-muted">The changes from {previous!.id} could not be computed; the portal will try again later.</p>}
      {full && diff && !changes.length && !filter && <p className="mt-4 text-sm text-fg-muted">No changes to operations or schemas.</p>}
      {SEVERITIES.filter((s) => !filter || s === filter).map((s) => {
        const group = changes.filter((c) => c.severity === s);
        return group.length ? <ChangeGroup key={s} severity={s} changes={group} more={`${full}#${s}`} /> : null;
      })}
    </section>
  );
}
