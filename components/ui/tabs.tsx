"use client";
// Tabs over server-rendered panels (WAI-ARIA tabs pattern: arrow keys, Home and End move between
// tabs; the selected tab is the only one in the Tab order). Without JavaScript every panel is
// shown, one after another, so nothing is unreadable.
import { Children, useEffect, useId, useState, type KeyboardEvent, type ReactNode } from "react";

export function Tabs({ label, tabs, children, className = "" }: { label: string; tabs: string[]; children: ReactNode; className?: string }) {
  const [active, setActive] = useState(0);
  const [hydrated, setHydrated] = useState(false);
  const base = useId();
  useEffect(() => setHydrated(true), []);
  const panels = Children.toArray(children);

  const onKey = (e: KeyboardEvent) => {
    const last = tabs.length - 1;
    const next = { ArrowRight: active === last ? 0 : active + 1, ArrowLeft: active === 0 ? last : active - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setActive(next);
    document.getElementById(`${base}-tab-${next}`)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className={`flex gap-1 overflow-x-auto ${className}`} onKeyDown={onKey}>
        {tabs.map((t, i) => (
          <button
            key={t}
            id={`${base}-tab-${i}`}
            role="tab"
            type="button"
            aria-selected={i === active}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
            className="whitespace-nowrap rounded-t-md border-b-2 border-transparent px-3 py-1.5 text-xs font-medium text-fg-muted hover:text-fg aria-selected:border-accent aria-selected:text-fg"
          >
            {t}
          </button>
        ))}
      </div>
      {panels.map((panel, i) => (
        <div key={i} id={`${base}-panel-${i}`} role="tabpanel" aria-labelledby={`${base}-tab-${i}`} hidden={hydrated && i !== active}>
          {panel}
        </div>
      ))}
    </>
  );
}
