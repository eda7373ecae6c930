"use client";
// The Try-it console: a form built from the operation's documented parameters, body, servers and
// security; the request goes from the reader's browser straight to the chosen server. Keys and
// tokens live only in this component's state: never stored, never sent to the portal.
// Loaded on demand by ./try-it.tsx.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { buildRequest, isJsonMediaType, jsonError, keyTargets, paramKey, resolveServerUrl, toCurl, type Credential, type FieldError, type TryItSpec } from "@/lib/openapi/try-it";
import { AuthFields } from "./auth-fields";
import { described, Field, Group, INPUT } from "./fields";
import { ResponseView } from "./response-view";
import { sendRequest, type Outcome } from "./send";
import { TestKey } from "./test-key";

export interface TryItConsoleProps {
  spec: TryItSpec;
  initialCredentials?: Record<string, Credential>;
  /** The API's id, for minting a test key (absent: no offer). */
  api?: string;
  onClose: () => void;
}

const LOCATIONS = [
  ["path", "Path parameters"],
  ["query", "Query parameters"],
  ["header", "Headers"],
  ["cookie", "Cookies"],
] as const;

export function TryItConsole({ spec, initialCredentials, api, onClose }: TryItConsoleProps) {
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
  // Errors show once the reader has tried to send, and then follow the form as it changes.
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [status, setStatus] = useState("");
  const [curlCopied, setCurlCopied] = useState(false);

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
  const targets = keyTargets(spec, requirement);
  function fillKey(secret: string) {
    if (!targets) return;
    setRequirement(targets.requirement);
    for (const id of targets.ids) setCred(id, { token: secret });
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    setAttempted(true);
    if (!built.ok) {
      setStatus(`Not sent: ${built.errors.length === 1 ? "1 field needs" : `${built.errors.length} fields need`} attention.`);
      const first = built.errors[0]?.field;
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(first ?? "")}"]`)?.focus());
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setSending(true);
    setOutcome(null);
    setStatus("Sending…");
    const result = await sendRequest(built.request, controller.signal);
    abort.current = null;
    setSending(false);
    setOutcome(result);
    setStatus(result.kind === "response" ? `Response ${result.status} ${result.statusText} in ${result.ms} ms.` : `${result.title}.`);
  }

  async function copyCurl() {
    if (!built.ok) return;
    try {
      await navigator.clipboard.writeText(toCurl(built.request));
      setStatus("curl command copied (it includes your key, if you entered one).");
      setCurlCopied(true);
      setTimeout(() => setCurlCopied(false), 2500);
    } catch {
      setStatus("Could not copy to the clipboard.");
    }
  }

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

        <AuthFields spec={spec} requirement={requirement} onRequirement={setRequirement} credentials={credentials} onCredential={setCred}>
          {api && targets && <TestKey api={api} onKey={fillKey} />}
        </AuthFields>

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
                      <input {...attrs} spellCheck={false} placeholder={p.example ? `e.g. ${p.example}` : p.enum ? `e.g. ${p.enum.slice(0, 3).join(",")}` : ""} value={values[key] ?? ""} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
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
              {curlCopied ? "Copied" : "Copy as curl"}
            </button>
          </div>
          {/* Once a response shows, the status line only speaks to screen readers (the response says it all). */}
          <p role="status" aria-live="polite" className={`text-xs text-fg-muted ${outcome && !sending ? "sr-only" : ""}`}>
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
