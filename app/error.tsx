"use client";

// Shown when a page throws. The digest lets an operator find the logged error; the message
// itself stays on the server (it may hold internals).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-fg-muted">The page could not be shown. Try again in a moment.</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-fg-muted">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-accent px-4 py-2 font-medium text-accent-fg hover:opacity-90">
        Try again
      </button>
    </div>
  );
}
