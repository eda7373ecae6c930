// Pieces shared by the changelog pages and the diff view: feed links, the severity filter (plain
// links, so it works without JavaScript and each filtered page is cacheable), and the version
// comparison form (a GET form; /apis/<api>/diff redirects it to the diff's own URL).
import Link from "next/link";
import { changelogPath, feedPath, type ChangelogFilter } from "@/lib/discovery/urls";
import { SEVERITIES, SEVERITY_LABEL, type Severity } from "@/lib/changes/types";
import type { CatalogVersion } from "@/lib/specs/model";

export function FeedLinks({ apiId, restricted = false }: { apiId: string | null; restricted?: boolean }) {
  const link = "rounded border border-border px-2 py-0.5 text-xs font-medium text-fg-muted hover:border-accent hover:text-fg";
  // Partner and internal APIs have no public feeds (feed readers carry no session).
  if (restricted) {
    return (
      <p className="text-sm text-fg-muted">
        This API is not public, so it has no public feeds: follow it in your <Link className="text-accent hover:underline" href="/account/subscriptions#feed">personal feed</Link>.
      </p>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
      <span>Follow:</span>
      <a className={link} href={feedPath(apiId, "rss")} type="application/rss+xml">RSS</a>
      <a className={link} href={feedPath(apiId, "atom")} type="application/atom+xml">Atom</a>
      <a className={link} href={feedPath(apiId, "json")} type="application/feed+json">JSON Feed</a>
      <a className={link} href={apiId ? `/subscribe?api=${encodeURIComponent(apiId)}` : "/subscribe"}>Email</a>
    </p>
  );
}

const FILTER_LABEL: Record<Severity, string> = { breaking: "Breaking", deprecation: "Deprecations", "non-breaking": "Non-breaking", documentation: "Documentation" };

export function SeverityFilter({ apiId, current, counts }: { apiId: string | null; current: ChangelogFilter | null; counts: Record<Severity, number> }) {
  const item = "flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm aria-[current=page]:border-accent aria-[current=page]:bg-accent-subtle aria-[current=page]:font-medium aria-[current=page]:text-accent";
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  return (
    <nav aria-label="Show changes" className="flex flex-wrap gap-2">
      <Link href={changelogPath(apiId)} aria-current={current === null ? "page" : undefined} className={`${item} border-border hover:border-accent`}>
        All <span className="tabular-nums text-fg-muted">{total}</span>
      </Link>
      {SEVERITIES.map((s) => (
        <Link key={s} href={changelogPath(apiId, s)} aria-current={current === s ? "page" : undefined} className={`${item} border-border hover:border-accent`}>
          {FILTER_LABEL[s]} <span className="tabular-nums text-fg-muted">{counts[s]}</span>
        </Link>
      ))}
    </nav>
  );
}

export function CompareForm({ apiId, versions, from, to }: { apiId: string; versions: CatalogVersion[]; from?: string; to?: string }) {
  const loaded = versions.filter((v) => v.status === "ok");
  if (loaded.length < 2) return null;
  const select = "rounded-md border border-border bg-bg px-2 py-1 font-mono text-sm";
  const newest = [...loaded].reverse();
  return (
    <form action={`/apis/${encodeURIComponent(apiId)}/diff`} method="get" className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="cmp-from" className="text-fg-muted">Compare</label>
      <select id="cmp-from" name="from" defaultValue={from ?? loaded.at(-2)!.id} className={select}>
        {newest.map((v) => <option key={v.id} value={v.id}>{v.id}</option>)}
      </select>
      <label htmlFor="cmp-to" className="text-fg-muted">with</label>
      <select id="cmp-to" name="to" defaultValue={to ?? loaded.at(-1)!.id} className={select}>
        {newest.map((v) => <option key={v.id} value={v.id}>{v.id}</option>)}
      </select>
      <button type="submit" className="rounded-md border border-border px-3 py-1 font-medium hover:border-accent">Show changes</button>
    </form>
  );
}

export const severityHeading = (s: Severity, n: number) => `${s === "deprecation" ? "Deprecations" : s === "documentation" ? "Documentation" : `${SEVERITY_LABEL[s]} changes`} (${n})`;
