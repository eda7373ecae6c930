// /search?q=…[&api=…&version=…]: search results rendered on the server, from a plain GET form, so
// search works with JavaScript off. The header's search dialog links here for "all results".
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SearchHitBody } from "@/components/search/search-hit";
import { MAX_QUERY_CHARS } from "@/lib/search/rank";
import { MAX_LIMIT, parseSearchParams } from "@/lib/search/params";
import { searchForViewer } from "@/lib/search/service";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const q = first((await searchParams).q)?.trim().slice(0, 80);
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false } };
}

const EXAMPLES = ["/repos/{owner}/{repo}/pulls", "pulls/{pull_number}", "listAlerts", "Region"];

function Tips() {
  return (
    <div className="mt-8 max-w-2xl text-sm text-fg-muted">
      <p>Search every API reference you can read: paths, operationIds, titles, tags, parameter and schema names, webhooks.</p>
      <p className="mt-2">
        Try a path or part of one (
        {EXAMPLES.map((e, i) => (
          <span key={e}>
            {i > 0 && ", "}
            <code className="rounded bg-bg-muted px-1 py-0.5 text-fg">{e}</code>
          </span>
        ))}
        ), or a method with a path (<code className="rounded bg-bg-muted px-1 py-0.5 text-fg">GET /alerts</code>).
      </p>
      <p className="mt-2">
        Press <kbd className="rounded border border-border px-1.5 font-mono text-xs">/</kbd> or{" "}
        <kbd className="rounded border border-border px-1.5 font-mono text-xs">Ctrl K</kbd> on any page to search from there.
      </p>
    </div>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const raw = first(sp.q) ?? "";
  const parsed = parseSearchParams((name) => (name === "limit" ? undefined : first(sp[name])));
  const scopeApi = parsed.success ? parsed.data.api : undefined;
  const scopeVersion = parsed.success ? parsed.data.version : undefined;
  const outcome = parsed.success ? await searchForViewer({ ...parsed.data, limit: MAX_LIMIT }) : null;
  if (outcome && !outcome.ok) notFound();
  const problem = !raw.trim() ? null : parsed.success ? null : parsed.error.issues[0]?.message;
  const q = parsed.success ? parsed.data.q : raw.trim();
  const scope = outcome?.ok ? outcome.scope : null;
  const allHref = `/search?q=${encodeURIComponent(q)}`;

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <form action="/search" method="get" role="search" className="mt-6 flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search the API reference
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={raw.slice(0, MAX_QUERY_CHARS)}
          maxLength={MAX_QUERY_CHARS}
          placeholder="Path, operationId, title, schema…"
          autoComplete="off"
          spellCheck={false}
          className="min-w-0 flex-1 rounded-lg border border-border bg-bg px-3 py-2 font-mono text-sm placeholder:font-sans placeholder:text-fg-muted focus:border-accent"
        />
        {scopeApi && <input type="hidden" name="api" value={scopeApi} />}
        {scopeVersion && <input type="hidden" name="version" value={scopeVersion} />}
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-fg hover:opacity-90">
          Search
        </button>
      </form>
      {scope && (
        <p className="mt-3 text-sm text-fg-muted">
          In <span className="font-medium text-fg">{scope.apiName}</span> <span className="font-mono">{scope.version}</span> ·{" "}
          <Link href={allHref} className="text-accent hover:underline">
            search all APIs
          </Link>
        </p>
      )}

      {problem ? (
        <p role="alert" className="mt-6 rounded-lg border border-danger bg-danger-subtle px-4 py-3 text-sm text-danger">
          {problem.replace(/^q /, "The search ")}.
        </p>
      ) : !outcome ? (
        <Tips />
      ) : outcome.hits.length === 0 ? (
        <div className="mt-8">
          <p>
            No results for <span className="font-mono">“{q}”</span>
            {scope ? ` in ${scope.apiName} ${scope.version}` : ""}.
          </p>
          {scope && (
            <p className="mt-2 text-sm">
              <Link href={allHref} className="text-accent hover:underline">Search all APIs</Link>
            </p>
          )}
          <Tips />
        </div>
      ) : (
        <>
          <p className="mt-6 text-sm text-fg-muted" aria-live="polite">
            {outcome.hits.length === MAX_LIMIT ? `The first ${MAX_LIMIT} results` : `${outcome.hits.length} result${outcome.hits.length === 1 ? "" : "s"}`} for{" "}
            <span className="font-mono text-fg">“{q}”</span>
          </p>
          <ol className="mt-3 space-y-2" aria-label="Search results">
            {outcome.hits.map((hit) => (
              <li key={hit.url}>
                <Link href={hit.url} className="block rounded-lg border border-border px-3 py-2.5 hover:border-accent hover:bg-bg-subtle">
                  <SearchHitBody hit={hit} />
                </Link>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
