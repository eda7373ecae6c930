// A portolan chart's compass rose, reduced to a mark.
export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-fg">
      <svg aria-hidden="true" viewBox="0 0 32 32" width="26" height="26">
        <circle cx="16" cy="16" r="14" fill="none" stroke="var(--accent)" strokeWidth="2" />
        <path d="M16 3 L19 16 L16 29 L13 16 Z" fill="var(--accent)" />
        <path d="M3 16 L16 13 L29 16 L16 19 Z" fill="var(--fg-muted)" opacity="0.7" />
      </svg>
      <span className="text-lg">Portolan</span>
    </span>
  );
}
