"use client";
// The operation's method + path bar with a "Try it" button. The console itself is a separate
// chunk, imported when the reader first points at or opens it: pages that are only read never
// download it. The button appears once JavaScript runs (without it the console cannot work).
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import type { Credential, TryItSpec } from "@/lib/openapi/try-it";
import type { TryItConsoleProps } from "./console";

let loading: Promise<ComponentType<TryItConsoleProps>> | null = null;
function loadConsole() {
  loading ??= import("./console").then((m) => m.TryItConsole);
  loading.catch(() => (loading = null)); // a failed download may be retried
  return loading;
}

export interface TryItProps {
  spec: TryItSpec;
  /** Credentials to prefill, by security scheme id. Never stored. */
  credentials?: Record<string, Credential>;
  /** The API's id: the console offers signed-in readers a test key for it. */
  api?: string;
  /** The method badge and path, rendered on the server. */
  children: ReactNode;
}

export function TryIt({ spec, api, credentials, children }: TryItProps) {
  const [ready, setReady] = useState(false);
  const [open, setOpen] = useState(false);
  const [Console, setConsole] = useState<ComponentType<TryItConsoleProps> | null>(null);
  const [failed, setFailed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setReady(true), []);

  async function toggle() {
    if (open) return close();
    setOpen(true);
    setFailed(false);
    try {
      const C = await loadConsole();
      setConsole(() => C);
    } catch {
      setFailed(true);
    }
  }
  function close() {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <>
      <div className="mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-border bg-bg-subtle px-3 py-2">
        {children}
        {ready && (
          <button
            ref={button}
            type="button"
            aria-expanded={open}
            aria-controls="try-it"
            onClick={toggle}
            onPointerEnter={() => void loadConsole().catch(() => {})}
            onFocus={() => void loadConsole().catch(() => {})}
            className="ml-auto rounded-md bg-accent px-3 py-1 text-sm font-medium text-accent-fg hover:opacity-90 aria-expanded:bg-bg aria-expanded:text-fg aria-expanded:ring-1 aria-expanded:ring-border"
          >
            Try it
          </button>
        )}
      </div>
      {open &&
        (Console ? (
          <Console spec={spec} api={api} initialCredentials={credentials} onClose={close} />
        ) : (
          <p id="try-it" role="status" className="mt-3 text-sm text-fg-muted">
            {failed ? "The console could not be loaded. Check your connection and press Try it again." : "Loading the console…"}
          </p>
        ))}
    </>
  );
}
