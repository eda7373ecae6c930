"use client";
// A form whose server action answers with an error message (shown in place, the values kept) or
// redirects on success. Works without JavaScript too (React's progressive enhancement).
import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/http/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function ActionForm({ action, children, className = "", label }: { action: Action; children: ReactNode; className?: string; label?: string }) {
  const [state, run, pending] = useActionState(action, undefined);
  return (
    <form action={run} className={className} aria-label={label} aria-busy={pending || undefined}>
      {children}
      {state?.error && (
        <p role="alert" className="mt-2 w-full basis-full rounded-lg border border-danger/30 bg-danger-subtle px-3 py-2 text-sm text-fg">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="mt-2 w-full basis-full rounded-lg border border-ok/30 bg-ok-subtle px-3 py-2 text-sm text-fg">
          {state.ok}
        </p>
      )}
    </form>
  );
}
