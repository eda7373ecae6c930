"use client";
// The search dialog, loaded on demand by search-button.tsx. A native modal <dialog> (focus kept
// inside, Esc closes, the page behind is inert) holding a combobox: type, ↑/↓ to move, Enter to
// open, Esc to close; focus returns to where it was. On an API's docs page it searches that API
// version first, with "All APIs" one click away. Results come from GET /api/search.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { SearchHit, SearchScope } from "@/lib/search/search";
import { SearchHitBody } from "./search-hit";

export interface SearchDialogProps {
  open: boolean;
  onClose: () => void;
}

interface Answer {
  key: string;
  hits: SearchHit[];
  scope: SearchScope | null;
  failed?: boolean;
}

const LIMIT = 12;
const kbd = "rounded border border-border px-1 font-mono";

interface PageScope {
  api: string;
  version: string;
  /** The API's name, from the docs page (components/openapi/docs-shell.tsx). */
  name: string;
}

/** /apis/<api>/<version>/… → the API version the reader is in. */
function pageScope(): PageScope | null {
  const m = /^\/apis\/([^/]+)\/([^/]+)/.exec(location.pathname);
  if (!m) return null;
  const api = decodeURIComponent(m[1]!);
  const name = document.querySelector<HTMLElement>("[data-api-name]")?.dataset.apiName;
  return { api, version: decodeURIComponent(m[2]!), name: name || api };
}

export function SearchDialog({ open, onClose }: SearchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const cache = useRef(new Map<string, Answer>());
  const router = useRouter();
  const id = useId();
  const [q, setQ] = useState("");
  const [page, setPage] = useState<PageScope | null>(null);
  const [scoped, setScoped] = useState(true);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [active, setActive] = useState(0);

  const query = q.trim();
  const scope = scoped ? page : null;
  const params = new URLSearchParams({ q: query });
  if (scope) {
    params.set("api", scope.api);
    params.set("version", scope.version);
  }
  const pageHref = `/search?${params}`;
  params.set("limit", String(LIMIT));
  const key = params.toString();
  const hits = query && answer ? answer.hits : [];
  const loading = !!query && answer?.key !== key;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement as HTMLElement | null;
      setPage(pageScope());
      setScoped(true);
      d.showModal();
      input.current?.select();
    } else if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (!open || !query) return;
    const known = cache.current.get(key);
    if (known) {
      setAnswer(known);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search?${key}`, { signal: abort.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ results: SearchHit[]; scope: SearchScope | null }>) : Promise.reject(new Error(String(r.status)))))
        .then((body) => {
          const a: Answer = { key, hits: body.results, scope: body.scope };
          if (cache.current.size > 100) cache.current.clear();
          cache.current.set(key, a);
          setAnswer(a);
        })
        .catch(() => abort.signal.aborted || setAnswer({ key, hits: [], scope: null, failed: true }));
    }, 80);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key, open, query]);

  useEffect(() => {
    setActive(0);
  }, [answer]);
  useEffect(() => {
    // A block body: scrollIntoView returns a promise in newer browsers, which React would take for a cleanup.
    void list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const close = () => dialog.current?.close();
  const go = (url: string) => {
    close();
    router.push(url);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const n = hits.length;
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && n) {
      e.preventDefault();
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if (e.key === "Enter" && query) {
      e.preventDefault();
      // While the answer for what was typed is still on its way, the full results page is the safe bet.
      go(!loading && hits[active] ? hits[active].url : pageHref);
    } else if (e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      close();
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-label="Search the API reference"
      onClose={() => {
        onClose();
        opener.current?.focus();
      }}
      onClick={(e) => e.target === dialog.current && close()}
      className="fixed inset-0 m-0 size-full max-h-none max-w-none bg-transparent p-0 text-fg backdrop:bg-black/50 backdrop:backdrop-blur-[2px] sm:px-4 sm:pt-[10vh]"
    >
      <div className="mx-auto flex h-full w-full flex-col overflow-hidden bg-bg sm:h-auto sm:max-h-[75vh] sm:max-w-2xl sm:rounded-xl sm:border sm:border-border sm:shadow-2xl">
        <div className="flex items-center gap-2 border-b border-border px-3">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" className="shrink-0 text-fg-muted">
            <circle cx="11" cy="11" r="7" />
            <path d="m20 20-3.5-3.5" />
          </svg>
          <input
            ref={input}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKeyDown}
            role="combobox"
            aria-label="Search the API reference"
            aria-expanded={hits.length > 0}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={hits.length ? `${id}-${active}` : undefined}
            maxLength={200}
            placeholder="Path, operationId, title, schema…"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="go"
            className="h-14 min-w-0 flex-1 bg-transparent font-mono text-base outline-none placeholder:font-sans placeholder:text-fg-muted sm:text-sm"
          />
          <button type="button" onClick={close} aria-label="Close search" className="rounded-md px-2 py-1 text-sm text-fg-muted hover:bg-bg-muted hover:text-fg">
            <span className="sm:hidden">Cancel</span>
            <kbd className={`hidden text-xs sm:inline ${kbd}`}>esc</kbd>
          </button>
        </div>
        {page && (
          <div role="group" aria-label="Search in" className="flex gap-1 border-b border-border px-3 py-2 text-xs">
            {[true, false].map((s) => (
              <button
                key={String(s)}
                type="button"
                aria-pressed={scoped === s}
                onClick={() => (setScoped(s), input.current?.focus())}
                className="rounded-full border border-border px-2.5 py-0.5 text-fg-muted hover:text-fg aria-pressed:border-accent aria-pressed:bg-accent-subtle aria-pressed:text-accent"
              >
                {s ? `${page.name} ${page.version}` : "All APIs"}
              </button>
            ))}
          </div>
        )}
        <ul ref={list} id={`${id}-list`} role="listbox" aria-label="Results" aria-busy={loading} className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-2 empty:hidden">
          {hits.map((hit, i) => (
            <li key={hit.url} id={`${id}-${i}`} role="option" aria-selected={i === active} onMouseMove={() => setActive(i)} className="rounded-lg aria-selected:bg-bg-subtle aria-selected:ring-1 aria-selected:ring-accent">
              <Link href={hit.url} tabIndex={-1} onClick={close} className="block px-3 py-2">
                <SearchHitBody hit={hit} />
              </Link>
            </li>
          ))}
        </ul>
        <p aria-live="polite" className={`px-4 text-sm text-fg-muted ${hits.length ? "sr-only" : "py-6"}`}>
          {!query ? (
            <>
              Type a path or part of one (<code>pulls/{"{pull_number}"}</code>), an operationId, a title or a schema name.
            </>
          ) : answer?.failed
              ? "Search is not available right now."
              : loading && !hits.length
                ? "Searching…"
                : hits.length
                  ? `${hits.length} results`
                  : `No results for “${query}”${scope ? ` in ${scope.name} ${scope.version}` : ""}.`}
          {query && !loading && !hits.length && scope && (
            <button type="button" onClick={() => setScoped(false)} className="ml-2 text-accent hover:underline">
              Search all APIs
            </button>
          )}
        </p>
        <div className="flex items-center justify-between gap-4 border-t border-border px-4 py-2 text-xs text-fg-muted">
          <span className="hidden gap-3 sm:flex">
            <span><kbd className={kbd}>↑</kbd> <kbd className={kbd}>↓</kbd> move</span>
            <span><kbd className={kbd}>↵</kbd> open</span>
            <span><kbd className={kbd}>esc</kbd> close</span>
          </span>
          {query && (
            <Link href={pageHref} onClick={close} className="ml-auto text-accent hover:underline">
              All results →
            </Link>
          )}
        </div>
      </div>
    </dialog>
  );
}
