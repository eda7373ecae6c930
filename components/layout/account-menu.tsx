"use client";
// "Sign in", or the signed-in user's menu, in the site header. The header is part of statically
// rendered docs pages, so it cannot know who is reading: this asks /api/auth/session after load.
// Deliberately tiny (no next-auth client library): it ships on every docs page.
import { useEffect, useState } from "react";

type State = { kind: "loading" } | { kind: "anonymous"; back: string } | { kind: "user"; label: string; email: string };

const link = "whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-fg-muted hover:bg-bg-muted hover:text-fg";

export function AccountMenu() {
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    const back = location.pathname.startsWith("/signin") ? "/account" : location.pathname + location.search;
    fetch("/api/auth/session", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : {}))
      .catch(() => ({}))
      .then((s: { user?: { name?: string | null; email?: string | null } }) => {
        const email = s.user?.email;
        setState(email ? { kind: "user", label: s.user?.name || email, email } : { kind: "anonymous", back });
      });
  }, []);

  if (state.kind === "loading") return <span className="inline-block w-16" aria-hidden="true" />;
  if (state.kind === "anonymous") {
    return (
      <a href={`/signin?callbackUrl=${encodeURIComponent(state.back)}`} className={link}>
        Sign in
      </a>
    );
  }
  return (
    <details className="relative">
      <summary className={`${link} flex cursor-pointer list-none items-center gap-2 px-1.5 sm:px-3`} title={state.email}>
        <span aria-hidden="true" className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-accent-subtle text-xs font-semibold uppercase text-accent">
          {state.label.slice(0, 1)}
        </span>
        <span className="sr-only max-w-40 truncate sm:not-sr-only">{state.label}</span>
      </summary>
      <div className="absolute right-0 mt-2 w-56 rounded-lg border border-border bg-bg p-1 shadow-lg">
        <p className="truncate px-3 py-2 text-xs text-fg-muted">{state.email}</p>
        <a href="/account" className={`block ${link}`}>
          Account
        </a>
        <a href="/signout" className={`block ${link}`}>
          Sign out
        </a>
      </div>
    </details>
  );
}
