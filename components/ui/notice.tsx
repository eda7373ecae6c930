import type { ReactNode } from "react";

const TONES = {
  info: "border-accent/30 bg-accent-subtle text-fg",
  ok: "border-ok/30 bg-ok-subtle text-fg",
  warn: "border-warn/30 bg-warn-subtle text-fg",
  danger: "border-danger/30 bg-danger-subtle text-fg",
} as const;

/** A short message box; `alert` for errors a user must read (announced by screen readers). */
export function Notice({ tone = "info", children, alert = false }: { tone?: keyof typeof TONES; children: ReactNode; alert?: boolean }) {
  return (
    <div role={alert ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
