// Form pieces of the Try-it console: a labelled row with hint and error, and the input styles.
import type { ReactNode } from "react";

export const INPUT =
  "w-full min-w-0 rounded-md border border-border bg-bg px-2 py-1.5 font-mono text-sm text-fg placeholder:text-fg-muted/70 aria-[invalid=true]:border-danger disabled:opacity-60";

/** Masks secrets on screen without type=password, so browsers do not offer to save them. */
export const SECRET = "[-webkit-text-security:disc]";

export function Field({ id, label, mono = true, required, hint, error, children }: { id: string; label: ReactNode; mono?: boolean; required?: boolean; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[minmax(8rem,14rem)_1fr] sm:gap-3">
      <label htmlFor={id} className="pt-1.5 text-sm">
        <span className={`break-all font-medium ${mono ? "font-mono" : ""}`}>{label}</span>
        {required && <span className="ml-1.5 text-xs font-medium text-danger">required</span>}
      </label>
      <div className="min-w-0">
        {children}
        {hint && (
          <p id={`${id}-hint`} className="mt-0.5 text-xs text-fg-muted">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="mt-0.5 text-xs font-medium text-danger">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** aria attributes tying an input to its hint and error. */
export function described(id: string, hint: unknown, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, ...(ids ? { "aria-describedby": ids } : {}) } as const;
}

export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 border-t border-border">
      <legend className="pr-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">{title}</legend>
      {children}
    </fieldset>
  );
}
