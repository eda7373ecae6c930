"use client";
// A form whose server action answers with a new key's secret (create, rotate). The secret is shown
// here, from that POST's answer, once: it is in React state only, so a reload or a later page
// never has it (the server keeps only its hash).
import { useActionState, type ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

type SecretState = { error?: string; secret?: string; display?: string; name?: string; rotatedFrom?: string } | undefined;
type Action = (state: SecretState, form: FormData) => Promise<SecretState>;

export function SecretForm({ action, children, className = "", label, doneHref }: { action: Action; children: ReactNode; className?: string; label: string; doneHref: string }) {
  const [state, run, pending] = useActionState(action, undefined);
  return (
    <div>
      {state?.secret ? (
        <SecretReveal secret={state.secret} name={state.name ?? ""} rotated={!!state.rotatedFrom} doneHref={doneHref} />
      ) : (
        <form action={run} className={className} aria-label={label} aria-busy={pending || undefined}>
          {children}
          {state?.error && (
            <p role="alert" className="mt-2 w-full basis-full rounded-lg border border-danger/30 bg-danger-subtle px-3 py-2 text-sm text-fg">
              {state.error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

function SecretReveal({ secret, name, rotated, doneHref }: { secret: string; name: string; rotated: boolean; doneHref: string }) {
  return (
    <div role="status" className="rounded-lg border border-ok/40 bg-ok-subtle p-4" data-copy-scope>
      <p className="text-sm font-semibold">
        {rotated ? "New key" : "Key"} “{name}” created. Copy it now: it is shown only this once.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="new-key-secret" className="min-w-0 flex-1 rounded-md border border-border bg-bg px-3 py-2 font-mono text-sm break-all select-all">
          {secret}
        </code>
        <CopyButton what="API key" className="py-1.5" />
      </div>
      <p className="mt-2 text-xs text-fg-muted">
        Portolan stores only a hash. If you lose it, rotate or create another key.{rotated && " The old key works until the end of the grace period you chose."} The list of keys updates when you press Done.
      </p>
      {/* A plain GET form, not a link: it always loads the page afresh (a link to the same URL
          with only a #fragment would just scroll), so the secret leaves the browser's memory. */}
      <form method="get" action={doneHref} className="mt-3">
        <button type="submit" className="inline-flex min-h-10 items-center rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-fg">
          Done, I have copied it
        </button>
      </form>
    </div>
  );
}
