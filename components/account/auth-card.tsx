import type { ReactNode } from "react";

/** The narrow centred panel of the sign-in pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-12 sm:py-16">
      <div className="rounded-xl border border-border bg-bg-subtle p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {intro && <div className="mt-2 text-sm text-fg-muted">{intro}</div>}
        <div className="mt-6 space-y-5">{children}</div>
      </div>
    </div>
  );
}
