import type { ReactNode } from "react";

const TONES = {
  neutral: "bg-bg-muted text-fg-muted border-border",
  accent: "bg-accent-subtle text-accent border-transparent",
  ok: "bg-ok-subtle text-ok border-transparent",
  warn: "bg-warn-subtle text-warn border-transparent",
  danger: "bg-danger-subtle text-danger border-transparent",
  info: "bg-info-subtle text-info border-transparent",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium leading-5 ${TONES[tone]}`}>
      {children}
    </span>
  );
}
