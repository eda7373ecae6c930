"use client";
// The Try-it console: a form built from the operation's documented parameters, body, servers and
// security; the request goes from the reader's browser straight to the chosen server. Keys and
// tokens live only in this component's state: never stored, never sent to the portal.
// Loaded on demand by ./try-it.tsx.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { buildRequest, isJsonMediaType, jsonError, paramKey, resolveServerUrl, toCurl, type Credential, type FieldError, type TryItScheme, type TryItSpec } from "@/lib/openapi/try-it";
import { described, Field, Group, INPUT, SECRET } from "./fields";
import { readResponse, ResponseView, type Outcome } from "./response-view";

export interface TryItConsoleProps {
  spec: TryItSpec;
  initialCredentials?: Record<string, Credential>;
  onClose: () => void;
}

const TIMEOUT_MS = 30_000;
const LOCATIONS = [
  ["path", "Path parameters"],
  ["query", "Query parameters"],
  ["header", "Headers"],
  ["cookie", "Cookies"],
] as const;

function schemeLabel(s: TryItScheme): string {
  if (s.kind === "apiKey") return `API key (${s.in} ${s.name})`;
  if (s.kind === "http") return s.scheme.toLowerCase() === "basic" ? "User name and password (HTTP basic)" : `${s.scheme === "bearer" ? "Bearer" : s.scheme} token`;
  if (s.kind === "unsupported") return `${s.id} (${s.type}): not possible from a browser`;
  return "Access token (sent as Bearer)";
}

export function TryItConsole({ spec, initialCredentials, onClose }: TryItConsoleProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [serverIndex, setServerIndex] = useState(0);
  const server = spec.servers[serverIndex];
  const [vars, setVars] = useState<Record<string, string>>({});
  const [serverUrl, setServerUrl] = useState(server ? resolveServerUrl(server) : "");
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(spec.parameters.filter((p) => p.required && p.example !== undefined).map((p) => [paramKey(p), p.example!])),
  );
  const [mediaIndex, setMediaIndex] = useState(0);
  const media = spec.bodies[mediaIndex];
  const [bodyText, setBodyText] = useState(media?.example ?? "");
  const [requirement, setRequirement] = useState(0);
  const [credentials, setCredentials] = useState<Record<string, Credential>>(initialCredentials ?? {});
  const [showSecrets, setShowSecrets] = useState(false);
  // Errors show once the reader has tried to send, and then follow the form as it changes.
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [status, setStatus] = useState("");

  useEffect(() => {
    heading.current?.focus();
    return () => abort.current?.abort();
  }, []);

  const input = { serverUrl, values, body: media ? { mediaType: media.mediaType, text: bodyText } : null, requirement, credentials };
  const built = buildRequest(spec, input, typeof location === "undefined" ? undefined : location.origin);
  const bodyProblem = useMemo(() => (media && isJsonMediaType(media.mediaType) && bodyText.trim() ? jsonError(bodyText) : null), [media, bodyText]);
  const errors: FieldError[] = attempted && !built.ok ? built.errors : [];
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  function pickServer(i: number) {
    setServerIndex(i);
    setVars({});
    const s = spec.servers[i];
    if (s) setServerUrl(resolveServerUrl(s));
  }
  function setVar(name: string, value: string) {
    const next = { ...vars, [name]: value };
    setVars(next);
    if (server) setServerUrl(resolveServerUrl(server, next));
  }
  const setCred = (id: string, patch: Credential) => setCredentials((c) => ({ ...c, [id]: { ...c[id], ...patch } }));

  async function send(e: FormEvent) {
    e.preventDefault();
    setAttempted(true);
    if (!built.ok) {
      setStatus(`Not sent: ${built.errors.length === 1 ? "1 field needs" : `${built.errors.length} fields need`} attention.`);
      const first = built.errors[0]?.field;
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(first ?? "")}"]`)?.focus());
      return;
    }
    const { request } = built;
    const controller = new AbortController();
    abort.current = controller;
    const timer = setTimeout(() => controller.abort(new DOMException("timeout", "TimeoutError")), TIMEOUT_MS);
    setSending(true);
    setOutcome(null);
    setStatus("Sending…");
    const started = performance.now();
    let result: Outcome;
    try {
      const res = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        // The API's cookies are not the reader's intent; the portal's URL is none of its business.
        credentials: "omit",
        referrerPolicy: "no-referrer",
        cache: "no-store",
        redirect: "follow",
      });
      result = await readResponse(res, started);
    } catch (err) {
      const ms = Math.round(performance.now() - started);
      const reason = controller.signal.reason as unknown;
      result =
        reason instanceof DOMException && reason.name === "TimeoutError"
          ? { kind: "error", title: "No answer", message: `The server did not answer within ${TIMEOUT_MS / 1000} seconds.`, ms }
          : controller.signal.aborted
            ? { kind: "error", title: "Cancelled", message: "The request was cancelled.", ms }
            : {
                kind: "error",
                title: "The request did not reach the API",
                message: `The server did not allow a request from this page (CORS) or is unreachable. Check the server URL, or send the same request from a terminal with "Copy as curl".${err instanceof Error && err.message && err.message !== "Failed to fetch" ? ` (${err.message})` : ""}`,
                ms,
              };
    } finally {
      clearTimeout(timer);
      abort.current = null;
      setSending(false);
    }
    setOutcome(result);
    setStatus(result.kind === "response" ? `Response ${result.status} ${result.statusText} in ${result.ms} ms.` : `${result.title}.`);
  }

  async function copyCurl() {
    if (!built.ok) return;
    try {
      await navigator.clipboard.writeText(toCurl(built.request));
      setStatus("curl command copied (it includes your key, if you entered one).");
    } catch {
      setStatus("Could not copy to the clipboard.");
    }
  }

  const chosen = spec.requirements[requirement] ?? [];
  const schemes = chosen.map((id) => spec.schemes.find((s) => s.id === id)).filter((s): s is TryItScheme => s !== undefined);

  return (
    <section id="try-it" aria-labelledby="try-it-title" className="mt-3 rounded-lg border border-accent/50 bg-bg-subtle p-4">
      <div className="flex items-start justify-between gap-3">
        <h2 id="try-it-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
          Try it
        </h2>
        <button type="button" onClick={onClose} className="rounded-md border border-border px-2 py-0.5 text-xs text-fg-muted hover:text-fg">
          Close
        </button>
      </div>
      <p className="mt-1 text-xs text-fg-muted">The request goes from your browser straight to the server you choose. Keys you enter stay in this page: they are not saved and never sent to the portal.</p>

      <form ref={form} onSubmit={send} noValidate className="mt-4 space-y-4" autoComplete="off">
        <Group title="Server">
          {spec.servers.length > 1 && (
            <Field id="try-server-pick" mono={false} label="Server">
              <select id="try-server-pick" className={INPUT} value={serverIndex} onChange={(e) => pickServer(Number(e.target.value))}>
                {spec.servers.map((s, i) => (
                  <option key={i} value={i}>
                    {s.description ? `${s.description} (${s.url})` : s.url}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {server?.variables.map((v) => (
            <Field key={v.name} id={`try-var-${v.name}`} label={`{${v.name}}`}>
              {v.enum ? (
                <select id={`try-var-${v.name}`} className={INPUT} value={vars[v.name] ?? v.default} onChange={(e) => setVar(v.name, e.target.value)}>
                  {v.enum.map((x) => (
                    <option key={x}>{x}</option>
                  ))}
                </select>
              ) : (
                <input id={`try-var-${v.name}`} className={INPUT} value={vars[v.name] ?? v.default} onChange={(e) => setVar(v.name, e.target.value)} />
              )}
            </Field>
          ))}
          <Field id="try-server" label="URL" mono={false} required error={errorFor("server")} hint={spec.servers.length === 0 ? "The description names no server: enter the API's base URL." : undefined}>
            <input
              {...described("try-server", spec.servers.length === 0, errorFor("server"))}
              data-field="server"
              type="url"
              inputMode="url"
              spellCheck={false}
              className={INPUT}
              value={serverUrl}
              placeholder="https://api.example.com"
              onChange={(e) => setServerUrl(e.target.value)}
            />
          </Field>
        </Group>

        {spec.requirements.length > 0 && (
          <Group title="Authorization">
            {spec.requirements.length > 1 && (
              <Field id="try-auth-pick" mono={false} label="Use">
                <select id="try-auth-pick" className={INPUT} value={requirement} onChange={(e) => setRequirement(Number(e.target.value))}>
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
                    <input id={`try-auth-${s.id}-user`} className={INPUT} spellCheck={false} value={credentials[s.id]?.username ?? ""} onChange={(e) => setCred(s.id, { username: e.target.value })} />
                  </Field>
                  <Field id={`try-auth-${s.id}-password`} label={`${s.id}: password`}>
                    <input id={`try-auth-${s.id}-password`} className={`${INPUT} ${showSecrets ? "" : SECRET}`} spellCheck={false} data-1p-ignore data-lpignore="true" value={credentials[s.id]?.password ?? ""} onChange={(e) => setCred(s.id, { password: e.target.value })} />
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
                    onChange={(e) => setCred(s.id, { token: e.target.value })}
                  />
                </Field>
              ),
            )}
            {schemes.length > 0 && (
              <label className="flex items-center gap-2 text-xs text-fg-muted">
                <input type="checkbox" checked={showSecrets} onChange={(e) => setShowSecrets(e.target.checked)} /> Show keys
              </label>
            )}
          </Group>
        )}

        {LOCATIONS.map(([loc, title]) => {
          const list = spec.parameters.filter((p) => p.in === loc);
          if (!list.length) return null;
          return (
            <Group key={loc} title={title}>
              {loc === "cookie" && <p className="text-xs text-fg-muted">Browsers do not let a page set cookies for another site: use the curl sample for these.</p>}
              {list.map((p) => {
                const key = paramKey(p);
                const id = `try-${p.in}-${p.name}`;
                const hint = `${p.type}${p.array ? ", comma-separated" : ""}`;
                const attrs = { ...described(id, hint, errorFor(key)), "data-field": key, "aria-required": p.required || undefined, className: INPUT, disabled: loc === "cookie" };
                return (
                  <Field key={key} id={id} label={p.name} required={p.required} hint={hint} error={errorFor(key)}>
                    {p.enum && !p.array ? (
                      <select {...attrs} value={values[key] ?? ""} onChange={(e) => setValues({ ...values, [key]: e.target.value })}>
                        <option value="">{p.required ? "Choose…" : "(not sent)"}</option>
                        {p.enum.map((x) => (
                          <option key={x}>{x}</option>
                        ))}
                      </select>
                    ) : (
                      <input {...attrs} spellCheck={false} placeholder={p.example ?? (p.enum ? p.enum.slice(0, 3).join(",") : "")} value={values[key] ?? ""} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
                    )}
                  </Field>
                );
              })}
            </Group>
          );
        })}

        {spec.bodies.length > 0 && (
          <Group title="Request body">
            {spec.bodies.length > 1 && (
              <Field id="try-media" mono={false} label="Content type">
                <select
                  id="try-media"
                  className={INPUT}
                  value={mediaIndex}
                  onChange={(e) => {
                    const i = Number(e.target.value);
                    setMediaIndex(i);
                    setBodyText(spec.bodies[i]?.example ?? "");
                  }}
                >
                  {spec.bodies.map((b, i) => (
                    <option key={b.mediaType} value={i}>
                      {b.mediaType}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <div>
              <div className="flex items-baseline justify-between gap-2">
                <label htmlFor="try-body" className="text-sm">
                  <span className="font-mono font-medium">{media?.mediaType}</span>
                  {spec.bodyRequired && <span className="ml-1.5 text-xs font-medium text-danger">required</span>}
                </label>
                {media?.example && bodyText !== media.example && (
                  <button type="button" className="text-xs text-accent hover:underline" onClick={() => setBodyText(media.example)}>
                    Reset to the example
                  </button>
                )}
              </div>
              <textarea
                {...described("try-body", bodyProblem, errorFor("body"))}
                data-field="body"
                aria-invalid={bodyProblem || errorFor("body") ? true : undefined}
                spellCheck={false}
                rows={Math.min(18, Math.max(6, bodyText.split("\n").length + 1))}
                className={`${INPUT} mt-1 text-xs leading-relaxed`}
                value={bodyText}
                onChange={(e) => setBodyText(e.target.value)}
              />
              {bodyProblem && (
                <p id="try-body-hint" className="mt-0.5 text-xs font-medium text-danger">
                  Not valid JSON: {bodyProblem}
                </p>
              )}
              {errorFor("body") && !bodyProblem && (
                <p id="try-body-error" className="mt-0.5 text-xs font-medium text-danger">
                  {errorFor("body")}
                </p>
              )}
            </div>
          </Group>
        )}

        <div className="space-y-2 border-t border-border pt-3">
          {built.ok && (
            <p className="break-all font-mono text-xs" aria-label="Request to send">
              <span className="font-semibold">{built.request.method}</span> {built.request.url}
            </p>
          )}
          {built.warnings.map((w) => (
            <p key={w} className="text-xs text-warn">
              {w}
            </p>
          ))}
          <div className="flex flex-wrap items-center gap-2">
            <button type="submit" disabled={sending} className="rounded-md bg-accent px-4 py-1.5 text-sm font-medium text-accent-fg hover:opacity-90 disabled:opacity-60">
              Send request
            </button>
            {sending && (
              <button type="button" onClick={() => abort.current?.abort()} className="rounded-md border border-border px-3 py-1.5 text-sm">
                Cancel
              </button>
            )}
            <button type="button" onClick={copyCurl} disabled={!built.ok} className="rounded-md border border-border px-3 py-1.5 text-sm text-fg-muted hover:text-fg disabled:opacity-50">
              Copy as curl
            </button>
          </div>
          <p role="status" aria-live="polite" className="text-xs text-fg-muted">
            {status}
          </p>
        </div>
      </form>

      {outcome && (
        <div className="mt-3 border-t border-border pt-3">
          <h3 className="mb-2 text-sm font-semibold">Response</h3>
          <ResponseView outcome={outcome} />
        </div>
      )}
    </section>
  );
}
