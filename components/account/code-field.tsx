/** The input for a 6-digit authenticator code (or, where allowed, a recovery code). */
export function CodeField({ label, allowRecovery = false, id = "code" }: { label: string; allowRecovery?: boolean; id?: string }) {
  return (
    <label className="block" htmlFor={id}>
      <span className="text-sm font-medium">{label}</span>
      <input
        id={id}
        name="code"
        required
        autoComplete="one-time-code"
        inputMode={allowRecovery ? "text" : "numeric"}
        {...(!allowRecovery && { pattern: "\\s*\\d{3}\\s?\\d{3}\\s*" })}
        maxLength={allowRecovery ? 20 : 8}
        spellCheck={false}
        placeholder={allowRecovery ? "123456 or abcde-fghij" : "123456"}
        className="mt-1 block w-full max-w-xs rounded-lg border border-border bg-bg px-3 py-2 font-mono text-lg tracking-widest text-fg placeholder:text-fg-muted placeholder:tracking-normal"
      />
    </label>
  );
}

export const inputClass = "mt-1 block w-full rounded-lg border border-border bg-bg px-3 py-2 text-sm text-fg placeholder:text-fg-muted";
