"use client";
// Tabs over server-built code samples. Every sample is in the HTML (readable without
// JavaScript, one after another); with JavaScript only the chosen one shows. Arrow keys move
// between tabs (WAI-ARIA tabs pattern).
import { useEffect, useId, useState, type KeyboardEvent } from "react";

export interface SampleTab {
  id: string;
  label: string;
  code: string;
}

export function CodeSamples({ samples, title = "Request" }: { samples: SampleTab[]; title?: string }) {
  const [active, setActive] = useState(0);
  const [hydrated, setHydrated] = useState(false);
  const base = useId();
  useEffect(() => setHydrated(true), []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const next = (active + (e.key === "ArrowRight" ? 1 : samples.length - 1)) % samples.length;
    setActive(next);
    document.getElementById(`${base}-tab-${next}`)?.focus();
  };
  return (
    <section aria-label={`${title} samples`} className="overflow-hidden rounded-lg border border-border bg-bg-subtle">
      <div role="tablist" aria-label={`${title} language`} className="flex gap-1 overflow-x-auto border-b border-border px-2 pt-2" onKeyDown={onKey}>
        {samples.map((s, i) => (
          <button
            key={s.id}
            id={`${base}-tab-${i}`}
            role="tab"
            type="button"
            aria-selected={i === active}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
            className="rounded-t-md border-b-2 border-transparent px-3 py-1.5 text-xs font-medium text-fg-muted hover:text-fg aria-selected:border-accent aria-selected:text-fg"
          >
            {s.label}
          </button>
        ))}
      </div>
      {samples.map((s, i) => (
        <div key={s.id} id={`${base}-panel-${i}`} role="tabpanel" aria-labelledby={`${base}-tab-${i}`} hidden={hydrated && i !== active}>
          <pre className="overflow-x-auto p-4 text-xs leading-relaxed">
            <code>{s.code}</code>
          </pre>
        </div>
      ))}
    </section>
  );
}
