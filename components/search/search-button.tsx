"use client";
// The always-loaded part of search: a link to /search (so search works without JavaScript) that
// opens the search dialog instead, and the shortcuts: `/` (not while typing in a field) and
// Ctrl-K / Cmd-K (anywhere, as on most docs sites). The dialog's code loads on first use (or
// when the pointer or focus reaches the button), never with the page.
import { useEffect, useState, type ComponentType, type MouseEvent } from "react";
import type { SearchDialogProps } from "./search-dialog";

const loadDialog = () => import("./search-dialog").then((m) => m.SearchDialog);

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");
}

export function SearchButton() {
  const [Dialog, setDialog] = useState<ComponentType<SearchDialogProps> | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey) return;
      const ctrlK = e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey) && !e.shiftKey;
      const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !isTyping(e.target);
      if (!ctrlK && !slash) return;
      e.preventDefault();
      void loadDialog().then((D) => {
        setDialog(() => D);
        setOpen(true);
      });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onClick = (e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // new tab: the /search page
    e.preventDefault();
    void loadDialog().then((D) => {
      setDialog(() => D);
      setOpen(true);
    });
  };

  return (
    <>
      <a
        href="/search"
        onClick={onClick}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        aria-keyshortcuts="/ Control+K Meta+K"
        aria-label="Search"
        className="inline-flex h-9 items-center gap-2 rounded-md border border-border px-2.5 text-sm text-fg-muted hover:bg-bg-muted hover:text-fg sm:w-56"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="hidden flex-1 sm:inline">Search…</span>
        <kbd className="hidden rounded border border-border px-1.5 font-mono text-xs sm:inline">/</kbd>
      </a>
      {Dialog && <Dialog open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
