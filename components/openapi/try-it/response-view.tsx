// The Try-it console's answer: status, time, size, headers and body (JSON pretty-printed), or
// what went wrong.
import type { Outcome } from "./send";

const statusTone = (s: number) => (s < 300 ? "bg-ok-subtle text-ok" : s < 400 ? "bg-info-subtle text-info" : s < 500 ? "bg-warn-subtle text-warn" : "bg-danger-subtle text-danger");

const size = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);

export function ResponseView({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === "error") {
    return (
      <div className="rounded-md border border-danger/40 bg-danger-subtle px-3 py-2 text-sm">
        <p className="font-semibold text-danger">{outcome.title}</p>
        <p className="mt-1">{outcome.message}</p>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className={`rounded-full px-2 py-0.5 font-mono text-xs font-semibold ${statusTone(outcome.status)}`} data-testid="try-it-status">
          {outcome.status} {outcome.statusText}
        </span>
        <span className="text-fg-muted">{outcome.ms} ms</span>
        <span className="text-fg-muted">{size(outcome.bytes)}</span>
      </p>
      <details className="rounded-md border border-border">
        <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-fg-muted">Response headers ({outcome.headers.length})</summary>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 border-t border-border px-3 py-2 font-mono text-xs">
          {outcome.headers.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-fg-muted">{k}</dt>
              <dd className="break-all">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="border-t border-border px-3 py-1.5 text-xs text-fg-muted">A browser shows only the headers the server exposes to pages (Access-Control-Expose-Headers).</p>
      </details>
      {outcome.note && <p className="text-xs text-fg-muted">{outcome.note}</p>}
      {outcome.body ? (
        <pre tabIndex={0} aria-label="Response body" className="max-h-[28rem] overflow-auto rounded-md border border-border bg-bg p-3 text-xs leading-relaxed">
          <code>{outcome.body}</code>
        </pre>
      ) : (
        !outcome.note && <p className="text-xs text-fg-muted">Empty body.</p>
      )}
    </div>
  );
}
