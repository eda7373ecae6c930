// The console's Authorization fieldset: which security requirement to use (when the operation
// accepts several) and an input per scheme in it. Secrets are masked on screen (not
// type=password, so browsers do not offer to save them) and live only in the console's state.
import { useState, type ReactNode } from "react";
import type { Credential, TryItScheme, TryItSpec } from "@/lib/openapi/try-it";
import { described, Field, Group, INPUT, SECRET } from "./fields";

function schemeLabel(s: TryItScheme): string {
  if (s.kind === "apiKey") return `API key (${s.in} ${s.name})`;
  if (s.kind === "http") return s.scheme.toLowerCase() === "basic" ? "User name and password (HTTP basic)" : `${s.scheme === "bearer" ? "Bearer" : s.scheme} token`;
  if (s.kind === "unsupported") return `${s.id} (${s.type}): not possible from a browser`;
  return "Access token (sent as Bearer)";
}

export function AuthFields({ spec, requirement, onRequirement, credentials, onCredential, children }: {
  spec: TryItSpec;
  requirement: number;
  onRequirement: (i: number) => void;
  credentials: Record<string, Credential>;
  onCredential: (id: string, patch: Credential) => void;
  /** The test-key offer (./test-key.tsx), below the inputs. */
  children?: ReactNode;
}) {
  const [showSecrets, setShowSecrets] = useState(false);
  if (spec.requirements.length === 0) return null;
  const chosen = spec.requirements[requirement] ?? [];
  const schemes = chosen.map((id) => spec.schemes.find((s) => s.id === id)).filter((s): s is TryItScheme => s !== undefined);
  return (
    <Group title="Authorization">
      {spec.requirements.length > 1 && (
        <Field id="try-auth-pick" mono={false} label="Use">
          <select id="try-auth-pick" className={INPUT} value={requirement} onChange={(e) => onRequirement(Number(e.target.value))}>
            {spec.requirements.map((req, i) => (
              <option key={i} value={i}>
                {req.length ? req.join(" + ") : "No authorization"}
              </option>
            ))}
          </select>
        </Field>
      )}
      {schemes.map((s) =>
        s.kind === "http" && s.scheme.toLowerCase() === "basic" ? (
          <div key={s.id} className="space-y-3">
            <Field id={`try-auth-${s.id}-user`} label={`${s.id}: user name`}>
              <input id={`try-auth-${s.id}-user`} className={INPUT} spellCheck={false} value={credentials[s.id]?.username ?? ""} onChange={(e) => onCredential(s.id, { username: e.target.value })} />
            </Field>
            <Field id={`try-auth-${s.id}-password`} label={`${s.id}: password`}>
              <input id={`try-auth-${s.id}-password`} className={`${INPUT} ${showSecrets ? "" : SECRET}`} spellCheck={false} data-1p-ignore data-lpignore="true" value={credentials[s.id]?.password ?? ""} onChange={(e) => onCredential(s.id, { password: e.target.value })} />
            </Field>
          </div>
        ) : (
          <Field key={s.id} id={`try-auth-${s.id}`} label={s.id} hint={schemeLabel(s)}>
            <input
              {...described(`try-auth-${s.id}`, true, undefined)}
              className={`${INPUT} ${showSecrets ? "" : SECRET}`}
              disabled={s.kind === "unsupported" || (s.kind === "apiKey" && s.in === "cookie")}
              spellCheck={false}
              data-1p-ignore
              data-lpignore="true"
              value={credentials[s.id]?.token ?? ""}
              onChange={(e) => onCredential(s.id, { token: e.target.value })}
            />
          </Field>
        ),
      )}
      {schemes.length > 0 && (
        <label className="flex items-center gap-2 text-xs text-fg-muted">
          <input type="checkbox" checked={showSecrets} onChange={(e) => setShowSecrets(e.target.checked)} /> Show keys
        </label>
      )}
      {children}
    </Group>
  );
}
