"use client";
// A form whose server action may answer with a secret shown once (new webhook endpoint, rotated
// secret). The secret lives in this component's state only: reloading the page loses it.
import { useActionState, type ReactNode } from "react";
import { Notice } from "@/components/ui/notice";

export type RevealState = { secret?: string; error?: string; endpointId?: string };

export function SecretRevealForm({ action, children, className = "", label }: { action: (prev: RevealState, form: FormData) => Promise<RevealState>; children: ReactNode; className?: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className="space-y-3">
      <form action={formAction} className={className} aria-busy={pending}>
        {children}
      </form>
      {state.error && (
        <Notice tone="warn" alert>
          {state.error}
        </Notice>
      )}
      {state.secret && (
        <div role="status" className="rounded-lg border border-ok/30 bg-ok-subtle px-4 py-3 text-sm">
          <p className="font-medium">{label}: copy it now, it is not shown again.</p>
          <code data-testid="webhook-secret" className="mt-2 block break-all rounded bg-bg px-2 py-1 font-mono text-xs select-all">
            {state.secret}
          </code>
        </div>
      )}
    </div>
  );
}
