"use client";
// Copies the visible code of the nearest [data-copy-scope] (the first <code> not inside a
// hidden tab panel). Reads the text from the page, so the code is not sent twice. Rendered only
// once JavaScript runs: without it there is nothing the button could do.
import { useEffect, useRef, useState } from "react";

type State = "idle" | "copied" | "failed";

export function CopyButton({ what = "code", className = "" }: { what?: string; className?: string }) {
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<State>("idle");
  const ref = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    setReady(true);
    return () => clearTimeout(timer.current);
  }, []);
  if (!ready) return null;

  async function copy() {
    const scope = ref.current?.closest("[data-copy-scope]");
    const code = [...(scope?.querySelectorAll("code") ?? [])].find((c) => !c.closest("[hidden]"));
    if (!code) return;
    let next: State = "copied";
    try {
      await navigator.clipboard.writeText(code.textContent ?? "");
    } catch {
      // No clipboard access (permission, insecure origin): select the code for Ctrl+C instead.
      window.getSelection()?.selectAllChildren(code);
      next = "failed";
    }
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2500);
  }

  return (
    <>
      <button
        ref={ref}
        type="button"
        onClick={copy}
        className={`rounded-md border border-border bg-bg px-2 py-0.5 text-xs font-medium text-fg-muted hover:text-fg ${state === "copied" ? "border-ok text-ok" : ""} ${className}`}
      >
        {state === "copied" ? "Copied" : state === "failed" ? "Press Ctrl+C" : "Copy"}
        <span className="sr-only"> {what}</span>
      </button>
      <span aria-live="polite" className="sr-only">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "Could not copy: the code is selected, press Ctrl+C" : ""}
      </span>
    </>
  );
}
