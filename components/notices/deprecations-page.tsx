// The deprecation pages: one public API's (/apis/<api>/deprecations) and every public API's
// (/deprecations): feeds, the sunset timeline, then each notice with its dates, what it covers
// and its migration guide. Server-rendered; callers have checked the viewer may see the API.
// Partner and internal APIs have no public feeds: their page points to the personal feed.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Markdown } from "@/components/openapi/markdown";
import { CATALOG_PATH } from "@/lib/discovery/urls";
import type { PublicNotice } from "@/lib/notices/public";
import { deprecationFeedPath, sunsetsIcsPath } from "@/lib/notices/urls";
import type { CatalogApi } from "@/lib/specs/model";
import { SunsetTimeline } from "./sunset-timeline";

const fmt = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

function Follow({ apiId, restricted }: { apiId: string | null; restricted: boolean }) {
  const link = "rounded border border-border px-2 py-0.5 text-xs font-medium text-fg-muted hover:border-accent hover:text-fg";
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
      <a className={link} href={deprecationFeedPath(apiId, "rss")} type="application/rss+xml">RSS</a>
      <a className={link} href={deprecationFeedPath(apiId, "atom")} type="application/atom+xml">Atom</a>
      <a className={link} href={deprecationFeedPath(apiId, "json")} type="application/feed+json">JSON Feed</a>
      <a className={link} href={sunsetsIcsPath(apiId)} type="text/calendar">Calendar (iCal)</a>
    </p>
  );
}

function NoticeArticle({ n, showApi }: { n: PublicNotice; showApi: boolean }) {
  return (
    <article id={n.id} className="scroll-mt-20 rounded-xl border border-border p-5">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg font-semibold">
          {showApi && !n.title.startsWith(n.apiName) && <Link href={`/apis/${n.apiId}/deprecations`} className="mr-1 text-fg-muted hover:underline">{n.apiName}:</Link>}
          {n.title}
        </h3>
        <Badge tone={n.source === "spec" ? "neutral" : "accent"}>{n.source === "spec" ? "From the API description" : "Announcement"}</Badge>
      </header>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {n.deprecatedAt && (
          <>
            <dt className="text-fg-muted">Deprecated</dt>
            <dd><time dateTime={n.deprecatedAt.toISOString().slice(0, 10)}>{fmt.format(n.deprecatedAt)}</time></dd>
          </>
        )}
        <dt className="text-fg-muted">Sunset</dt>
        <dd className="font-medium">{n.sunsetAt ? <time dateTime={n.sunsetAt.toISOString().slice(0, 10)}>{fmt.format(n.sunsetAt)}</time> : "Not set"}</dd>
        <dt className="text-fg-muted">Covers</dt>
        <dd>
          {n.operations.length ? (
            <ul className="space-y-0.5">{n.operations.map((o) => <li key={o}><code className="text-xs">{o}</code></li>)}</ul>
          ) : n.versions.length ? (
            `Every operation of ${n.versions.join(", ")}`
          ) : (
            "Every version"
          )}
        </dd>
      </dl>
      <Markdown text={n.body} className="mt-3" />
      {n.migrationGuide && (
        <section className="mt-4 rounded-lg bg-bg-subtle p-4">
          <h4 className="text-sm font-semibold">Migration guide</h4>
          <Markdown text={n.migrationGuide} className="mt-1 text-sm" />
        </section>
      )}
    </article>
  );
}

export function DeprecationsPage({ api, notices, now }: { api: CatalogApi | null; notices: PublicNotice[]; now: Date }) {
  const title = api ? `${api.name} deprecations` : "Deprecations";
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 lg:py-10">
      <nav aria-label="Breadcrumb" className="flex flex-wrap items-center gap-1.5 text-sm text-fg-muted">
        <Link href={CATALOG_PATH} className="hover:text-fg hover:underline">APIs</Link>
        <span aria-hidden="true">/</span>
        {api && (
          <>
            <Link href={`/apis/${api.id}`} className="hover:text-fg hover:underline">{api.name}</Link>
            <span aria-hidden="true">/</span>
          </>
        )}
        <span>Deprecations</span>
      </nav>
      <header className="mt-4 space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <p className="max-w-2xl text-fg-muted">
          What is going away, when it stops working, and how to move. Calls to deprecated operations carry <code>Deprecation</code> and <code>Sunset</code> response headers.
        </p>
        <Follow apiId={api?.id ?? null} restricted={!!api && api.visibility !== "public"} />
      </header>
      <section aria-labelledby="timeline" className="mt-8">
        <h2 id="timeline" className="text-xl font-semibold">Upcoming sunsets</h2>
        <SunsetTimeline notices={notices} now={now} withApi={!api} />
      </section>
      <section aria-labelledby="notices" className="mt-10">
        <h2 id="notices" className="text-xl font-semibold">Notices</h2>
        <div className="mt-4 space-y-4">
          {notices.length ? notices.map((n) => <NoticeArticle key={n.id} n={n} showApi={!api} />) : <p className="rounded-lg border border-dashed border-border p-8 text-center text-fg-muted">Nothing is deprecated.</p>}
        </div>
      </section>
    </div>
  );
}
