// The diff view: every change between two versions, by severity (breaking first), grouped by the
// operation, webhook or schema it touches; each group links to that page in both versions.
import Link from "next/link";
import { MethodBadge } from "@/components/specs/method-badge";
import { countBySeverity } from "@/lib/changes/changelog";
import { pageOf, targetOf, type Side } from "@/lib/changes/links";
import { SEVERITIES, sortChanges, type Change, type DiffResult, type Severity } from "@/lib/changes/types";
import { CATALOG_PATH, changelogPath } from "@/lib/discovery/urls";
import type { CatalogApi, HttpMethod } from "@/lib/specs/model";
import { ChangeText } from "./change-text";
import { CompareForm, FeedLinks, severityHeading } from "./changelog-parts";
import { SeverityBadge } from "./severity-badge";

function groups(changes: Change[]): Change[][] {
  const byTarget = new Map<string, Change[]>();
  for (const c of changes) byTarget.set(targetOf(c), [...(byTarget.get(targetOf(c)) ?? []), c]);
  return [...byTarget.values()];
}

function Target({ change }: { change: Change }) {
  if (change.operation) {
    return (
      <span className="flex min-w-0 items-center gap-2">
        <MethodBadge method={change.operation.method as HttpMethod} />
        <code className="truncate text-sm font-semibold">{change.operation.path}</code>
      </span>
    );
  }
  if (change.webhook) return <span className="text-sm font-semibold">Webhook <code>{change.webhook}</code></span>;
  if (change.schema) return <span className="text-sm font-semibold">Schema <code>{change.schema}</code></span>;
  return <span className="text-sm font-semibold">The whole API</span>;
}

function VersionLinks({ from, to, change }: { from: Side; to: Side; change: Change }) {
  const before = pageOf(from, change, true);
  const after = pageOf(to, change, false);
  const what = change.operation ? `${change.operation.method.toUpperCase()} ${change.operation.path}` : change.webhook ? `webhook ${change.webhook}` : change.schema ? `schema ${change.schema}` : "overview";
  const one = (side: Side, href: string | null) =>
    href ? <Link className="chg-ver" href={href} aria-label={`${what} in ${side.versionId}`}>{side.versionId}</Link> : <span className="chg-ver" title={`Not in ${side.versionId}`}>{side.versionId}</span>;
  return (
    <span className="flex shrink-0 items-center gap-1.5 text-fg-muted">
      {one(from, before)}
      <span aria-hidden="true">→</span>
      {one(to, after)}
    </span>
  );
}

function Groups({ changes, from, to }: { changes: Change[]; from: Side; to: Side }) {
  return (
    <div className="mt-3">
      {groups(changes).map((group) => (
        <div key={targetOf(group[0]!)} className="chg-group">
          <div className="chg-head">
            <Target change={group[0]!} />
            <VersionLinks from={from} to={to} change={group[0]!} />
          </div>
          <ul className="chg chg-rows text-sm">
            {group.map((c, i) => (
              <li key={i}>
                <ChangeText text={c.text} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** Documentation edits, one line each with its two version links: GitHub has ~800 per release. */
function DocumentationLines({ changes, from, to }: { changes: Change[]; from: Side; to: Side }) {
  return (
    <ul className="chg chg-list mt-3 text-sm">
      {changes.map((c, i) => (
        <li key={i} className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span>
            <ChangeText text={c.text} />
          </span>
          <VersionLinks from={from} to={to} change={c} />
        </li>
      ))}
    </ul>
  );
}

function SeveritySection({ severity, changes, from, to }: { severity: Severity; changes: Change[]; from: Side; to: Side }) {
  const heading = <h2 id={`${severity}-h`} className="inline text-lg font-semibold">{severityHeading(severity, changes.length)}</h2>;
  return (
    <section id={severity} aria-labelledby={`${severity}-h`} className="scroll-mt-20">
      {severity === "documentation" ? (
        <details>
          <summary className="cursor-pointer">{heading}</summary>
          <DocumentationLines changes={changes} from={from} to={to} />
        </details>
      ) : (
        <>
          {heading}
          <Groups changes={changes} from={from} to={to} />
        </>
      )}
    </section>
  );
}

export function DiffView({ api, from, to, diff }: { api: CatalogApi; from: Side; to: Side; diff: DiffResult | null }) {
  const changes = sortChanges(diff?.changes ?? []);
  const counts = countBySeverity(changes);
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 lg:py-10">
      <nav aria-label="Breadcrumb" className="flex flex-wrap items-center gap-1.5 text-sm text-fg-muted">
        <Link href={CATALOG_PATH} className="hover:text-fg hover:underline">APIs</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/apis/${api.id}`} className="hover:text-fg hover:underline">{api.name}</Link>
        <span aria-hidden="true">/</span>
        <Link href={changelogPath(api.id)} className="hover:text-fg hover:underline">Changelog</Link>
      </nav>
      <header className="mt-4 space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">
          {api.name}: <span className="font-mono">{from.versionId}</span> → <span className="font-mono">{to.versionId}</span>
        </h1>
        <p className="max-w-2xl text-fg-muted">Every change a client of {from.versionId} meets when it moves to {to.versionId}, found by comparing the two descriptions. Each group links to its page in both versions.</p>
        <FeedLinks apiId={api.id} restricted={api.visibility !== "public"} />
      </header>
      <div className="mt-6 space-y-4">
        <nav aria-label="Jump to" className="flex flex-wrap gap-2">
          {SEVERITIES.map((s) => (counts[s] ? <a key={s} href={`#${s}`} className="rounded-full"><SeverityBadge severity={s} count={counts[s]} /></a> : null))}
        </nav>
        <CompareForm apiId={api.id} versions={api.versions} from={from.versionId} to={to.versionId} />
      </div>
      {!diff ? (
        <p role="note" className="mt-10 rounded-lg border border-dashed border-border p-8 text-center text-fg-muted">The changes between these versions could not be computed. Try again later.</p>
      ) : !changes.length ? (
        <p className="mt-10 rounded-lg border border-dashed border-border p-8 text-center text-fg-muted">No differences between these versions.</p>
      ) : (
        <div className="mt-8 space-y-10">{SEVERITIES.map((s) => (counts[s] ? <SeveritySection key={s} severity={s} changes={changes.filter((c) => c.severity === s)} from={from} to={to} /> : null))}</div>
      )}
      {diff?.truncated && <p role="note" className="mt-6 text-sm text-fg-muted">These descriptions are too large to compare completely; the list stops where the comparison did.</p>}
    </div>
  );
}
