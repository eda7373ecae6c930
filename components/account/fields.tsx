// Form fields and page sections of the account pages (server components; no state).
import type { ReactNode } from "react";

export const INPUT = "mt-1 block w-full rounded-lg border border-border bg-bg px-3 py-2 text-sm text-fg placeholder:text-fg-muted";

export function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      {children}
      {hint && <span className="mt-1 block text-xs text-fg-muted">{hint}</span>}
    </label>
  );
}

export function Section({ id, title, children, actions, description }: { id: string; title: string; children: ReactNode; actions?: ReactNode; description?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-6 rounded-xl border border-border bg-bg-subtle p-5 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {description && <div className="mt-1 text-sm text-fg-muted">{description}</div>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

export function PageHeader({ title, back, children }: { title: string; back?: { href: string; label: string }; children?: ReactNode }) {
  return (
    <header>
      {back && (
        <p className="text-sm">
          <a href={back.href} className="text-accent hover:underline">
            ← {back.label}
          </a>
        </p>
      )}
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{title}</h1>
      {children}
    </header>
  );
}

export const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
export const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
export const fmt = (iso: string | null, f = dateOnly) => (iso ? f.format(new Date(iso)) : "—");
