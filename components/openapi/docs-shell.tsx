// The frame of every reference page: a sidebar (version switcher, tag groups, webhooks, schemas)
// beside the content. Only the current tag group lists its operations; the others are links, so
// a page's HTML does not grow with the size of the whole API. The sidebar is rendered once: on
// phones a checkbox (no JavaScript) shows or hides it, on wide screens it is always shown.
import Link from "next/link";
import type { ReactNode } from "react";
import { LifecycleBadge } from "@/components/specs/lifecycle-badge";
import { VersionNotice } from "@/components/specs/version-notice";
import { groupByTag, SIDEBAR_WEBHOOKS, UNTAGGED, webhookSiblings } from "@/lib/specs/group";
import type { VersionPage } from "@/lib/specs/page-context";
import { siblingModels } from "@/lib/specs/page-context";
import { equivalentPath, type PageRef } from "@/lib/specs/version-switch";
import { MethodBadge } from "@/components/specs/method-badge";
import { changelogPath } from "@/lib/discovery/urls";
import { deprecationsPath } from "@/lib/notices/urls";

function currentGroup(page: VersionPage, current: PageRef): string | null {
  if (current.kind === "tag") return current.name;
  if (current.kind !== "operation" || !page.model) return null;
  const op = page.model.operations.find((o) => o.slug === current.slug);
  return op ? (op.tags[0] ?? UNTAGGED) : null;
}

function VersionSwitcher({ page, current }: { page: VersionPage; current: PageRef }) {
  const { api, version } = page;
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md border border-border px-3 py-1.5 text-sm hover:border-accent">
        <span>
          Version <span className="font-mono font-semibold">{version.id}</span>
        </span>
        <span aria-hidden="true" className="text-fg-muted group-open:rotate-180">▾</span>
      </summary>
      <ul className="absolute z-30 mt-1 w-full min-w-56 rounded-md border border-border bg-bg p-1 shadow-lg">
        {[...siblingModels(api)].reverse().map(({ version: v, model }) => (
          <li key={v.id}>
            <Link
              href={`/apis/${api.id}/${encodeURIComponent(v.id)}${equivalentPath(current, model)}`}
              aria-current={v.id === version.id ? "true" : undefined}
              className="flex items-center justify-between gap-2 rounded px-2 py-1.5 text-sm hover:bg-bg-muted aria-[current=true]:font-semibold"
            >
              <span className="font-mono">{v.id}</span>
              <LifecycleBadge lifecycle={v.lifecycle} />
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** All webhooks when there are few; else a link to the index and, on a webhook page, its event's other actions. */
function WebhookLinks({ page, current }: { page: VersionPage; current: PageRef }) {
  const hooks = page.model?.webhooks ?? [];
  const few = hooks.length <= SIDEBAR_WEBHOOKS;
  const listed = few ? hooks : current.kind === "webhook" ? webhookSiblings(hooks, current.slug) : [];
  const list = listed.length > 0 && (
    <ul className={few ? "mt-1 space-y-0.5" : "ml-2 border-l border-border pl-2"}>
      {listed.map((w) => (
        <li key={w.slug}>
          <Link href={`${page.base}/webhooks/${w.slug}`} aria-current={current.kind === "webhook" && current.slug === w.slug ? "page" : undefined} className="side-link">
            {w.name}
          </Link>
        </li>
      ))}
    </ul>
  );
  if (few) {
    return (
      <div>
        <p className="px-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">Webhooks</p>
        {list}
      </div>
    );
  }
  return (
    <div>
      <Link href={`${page.base}/webhooks`} aria-current={current.kind === "webhooks" ? "page" : undefined} className="side-link flex justify-between">
        <span>Webhooks</span>
        <span className="text-xs text-fg-muted">{hooks.length}</span>
      </Link>
      {list}
    </div>
  );
}

function Sidebar({ page, current }: { page: VersionPage; current: PageRef }) {
  const { api, model, base } = page;
  const open = currentGroup(page, current);
  const link = "side-link"; // globals.css: repeated on every sidebar row
  return (
    <nav aria-label={`${api.name} reference`} className="space-y-4 text-sm">
      <VersionSwitcher page={page} current={current} />
      <Link href={base} aria-current={current.kind === "overview" ? "page" : undefined} className={link}>
        Overview
      </Link>
      <Link href={changelogPath(api.id)} className={link}>
        Changelog
      </Link>
      {api.visibility === "public" && (
        <Link href={deprecationsPath(api.id)} className={link}>
          Deprecations
        </Link>
      )}
      {model && (
        <div>
          <p className="px-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">Operations</p>
          <ul className="mt-1 space-y-0.5">
            {groupByTag(model).map((g) => (
              <li key={g.name}>
                <Link
                  href={`${base}/tags/${encodeURIComponent(g.name)}`}
                  aria-current={current.kind === "tag" && current.name === g.name ? "page" : undefined}
                  className={`${link} flex justify-between font-medium text-fg`}
                >
                  <span className="truncate">{g.name}</span>
                  <span className="text-xs font-normal text-fg-muted">{g.operations.length}</span>
                </Link>
                {open === g.name && (
                  <ul className="ml-2 border-l border-border pl-2">
                    {g.operations.map((op) => (
                      <li key={op.slug}>
                        <Link
                          href={`${base}/operations/${op.slug}`}
                          aria-current={current.kind === "operation" && current.slug === op.slug ? "page" : undefined}
                          className={`${link} flex items-center gap-2`}
                        >
                          <MethodBadge method={op.method} compact />
                          <span className={`truncate ${op.deprecated ? "line-through" : ""}`}>{op.title}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {model && model.webhooks.length > 0 && <WebhookLinks page={page} current={current} />}
      {model && model.schemaNames.length > 0 && (
        <Link href={`${base}/schemas`} aria-current={current.kind === "schema" ? "page" : undefined} className={`${link} flex justify-between`}>
          <span>Schemas</span>
          <span className="text-xs text-fg-muted">{model.schemaNames.length}</span>
        </Link>
      )}
    </nav>
  );
}

export function DocsShell({ page, current, children }: { page: VersionPage; current: PageRef; children: ReactNode }) {
  const { api, version } = page;
  return (
    // data-api-name: the search dialog's label for "search this API version" (components/search).
    // The content comes before the sidebar in the HTML; CSS places the sidebar left (above on
    // phones). The browser parses and paints the operation before ~40 KB of navigation links
    // (npm run bench, "Visible"), and keyboard and screen-reader users reach the content first.
    <div data-api-name={api.name} className="mx-auto flex max-w-7xl flex-col px-4 py-6 sm:px-6 lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-10 lg:py-10">
      <div className="min-w-0 pt-6 lg:col-start-2 lg:row-start-1 lg:pt-0">
        <nav aria-label="Breadcrumb" className="flex flex-wrap items-center gap-1.5 text-sm text-fg-muted">
          <Link href="/apis" className="hover:text-fg hover:underline">APIs</Link>
          <span aria-hidden="true">/</span>
          <Link href={page.base} className="hover:text-fg hover:underline">{api.name}</Link>
          <span aria-hidden="true">/</span>
          <span className="font-mono">{version.id}</span>
          <LifecycleBadge lifecycle={version.lifecycle} sunset={version.sunset} />
        </nav>
        <VersionNotice version={version} latestId={api.latestVersion} apiId={api.id} />
        {children}
      </div>
      <aside className="order-first lg:order-none lg:col-start-1 lg:row-start-1 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto lg:pr-2">
        <input type="checkbox" id="docs-contents" className="peer sr-only" />
        <label
          htmlFor="docs-contents"
          className="flex cursor-pointer items-center justify-between rounded-lg border border-border px-3 py-2 text-sm font-medium peer-checked:rounded-b-none peer-focus-visible:outline-2 peer-focus-visible:outline-accent lg:hidden"
        >
          <span>
            {api.name} <span className="font-mono text-fg-muted">{version.id}</span> · Contents
          </span>
          <span aria-hidden="true" className="text-fg-muted">▾</span>
        </label>
        <div className="hidden rounded-b-lg border border-t-0 border-border p-3 peer-checked:block lg:block lg:rounded-none lg:border-0 lg:p-0">
          <p className="mb-3 hidden px-2 font-semibold lg:block">{api.name}</p>
          <Sidebar page={page} current={current} />
        </div>
      </aside>
    </div>
  );
}
