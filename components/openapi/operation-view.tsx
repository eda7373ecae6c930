// One operation (or webhook) in full: parameters, request body, responses, callbacks, security,
// examples and code samples. Server component over the version's OpenAPI 3.x document.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { MethodBadge } from "@/components/specs/method-badge";
import { buildCodeSamples, exampleForMedia } from "@/lib/openapi/samples";
import { deref, effectiveParameters, effectiveSecurity, headerParameters, isObj, PARAMETER_LOCATIONS, serverUrlFor, str, type Parameter } from "@/lib/openapi/document";
import { typeLabel } from "@/lib/openapi/schema";
import { tryItSpecFor } from "@/lib/openapi/try-it-spec";
import { operationsOf } from "@/lib/specs/normalize";
import type { HttpMethod } from "@/lib/specs/model";
import { CodeSamples } from "./code-samples";
import { Markdown } from "./markdown";
import { newSchemaTree, SchemaView, type SchemaCtx } from "./schema-view";
import { TryIt } from "./try-it/try-it";

type Obj = Record<string, unknown>;

const LOCATION_TITLE: Record<Parameter["in"], string> = { path: "Path parameters", query: "Query parameters", header: "Headers", cookie: "Cookies" };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-lg font-semibold">
        <a href={`#${id}`} className="hover:underline">{title}</a>
      </h2>
      {/* mt-2 + the 4px padding of below-fold = the 12px of mt-3 */}
      <div className="below-fold mt-2">{children}</div>
    </section>
  );
}

/** Examples larger than this are cut (the page must stay small); the full value is in the spec download. */
const MAX_EXAMPLE_CHARS = 20_000;

function Example({ value, label, mediaType }: { value: unknown; label: string; mediaType: string }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  const lang = typeof value !== "string" || /json/i.test(mediaType) ? "json" : /yaml/i.test(mediaType) ? "yaml" : "text";
  return <CodeBlock title={label} lang={lang} code={text.length > MAX_EXAMPLE_CHARS ? `${text.slice(0, MAX_EXAMPLE_CHARS)}\n…` : text} />;
}

function ParameterList({ params, ctx }: { params: Parameter[]; ctx: SchemaCtx }) {
  return (
    <ul className="divide-y divide-border rounded-md border border-border">
      {params.map((p) => (
        <li key={`${p.in}:${p.name}`} className="px-3 py-2.5">
          <details>
            <summary className="cursor-pointer list-inside">
              <span className="inline-flex flex-wrap items-baseline gap-x-2">
                <code className="text-sm font-semibold">{p.name}</code>
                <span className="font-mono text-xs text-info">{p.schema ? typeLabel(p.schema, ctx.doc) : "any"}</span>
                {p.required && <span className="text-xs font-medium text-danger">required</span>}
                {p.deprecated && <Badge tone="warn">deprecated</Badge>}
              </span>
            </summary>
            <div className="mt-2 pl-4">
              <SchemaView schema={p.schema ?? {}} ctx={ctx} />
            </div>
          </details>
          <Markdown text={p.description} className="mt-1 text-sm text-fg-muted" />
        </li>
      ))}
    </ul>
  );
}

function MediaTypes({ content, ctx, mode }: { content: unknown; ctx: SchemaCtx; mode: "request" | "response" }) {
  if (!isObj(content)) return null;
  return (
    <div className="space-y-4">
      {Object.entries(content).map(([type, media]) => {
        const m = isObj(media) ? media : {};
        const example = exampleForMedia(m, ctx.doc, mode);
        return (
          <div key={type} className="space-y-2">
            <p className="font-mono text-xs text-fg-muted">{type}</p>
            {m.schema !== undefined && <SchemaView schema={m.schema} ctx={{ ...ctx, mode }} />}
            {example && <Example value={example.value} mediaType={type} label={example.source === "schema" ? "Example (generated from the schema)" : "Example"} />}
          </div>
        );
      })}
    </div>
  );
}

function statusTone(status: string) {
  if (status.startsWith("2")) return "ok" as const;
  if (status.startsWith("4")) return "warn" as const;
  if (status.startsWith("5")) return "danger" as const;
  return "neutral" as const;
}

function Responses({ responses, ctx }: { responses: unknown; ctx: SchemaCtx }) {
  if (!isObj(responses)) return <p className="text-sm text-fg-muted">No responses documented.</p>;
  return (
    <div className="space-y-3">
      {Object.entries(responses).map(([status, raw], i) => {
        const r = deref<Obj>(ctx.doc, raw) ?? {};
        const headers = headerParameters(ctx.doc, r.headers);
        const links = isObj(r.links) ? Object.entries(r.links) : [];
        return (
          <details key={status} id={`response-${status}`} className="rounded-lg border border-border" open={i === 0}>
            <summary className="flex cursor-pointer items-center gap-3 px-3 py-2">
              <Badge tone={statusTone(status)}>{status}</Badge>
              <span className="text-sm">{str(r.description)?.split("\n")[0] ?? ""}</span>
            </summary>
            <div className="space-y-4 border-t border-border p-3">
              <Markdown text={str(r.description)?.includes("\n") ? str(r.description) : null} className="text-sm text-fg-muted" />
              {headers.length > 0 && (
                <div>
                  <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-fg-muted">Headers</p>
                  <ParameterList ctx={ctx} params={headers} />
                </div>
              )}
              <MediaTypes content={r.content} ctx={ctx} mode="response" />
              {links.length > 0 && (
                <div>
                  <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-fg-muted">Links</p>
                  <ul className="space-y-1 text-sm">
                    {links.map(([name, l]) => {
                      const link = deref<Obj>(ctx.doc, l) ?? {};
                      return (
                        <li key={name}>
                          <code>{name}</code> → <code>{str(link.operationId) ?? str(link.operationRef) ?? "?"}</code>
                          {str(link.description) && <span className="text-fg-muted"> — {str(link.description)}</span>}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
            </div>
          </details>
        );
      })}
    </div>
  );
}

export interface OperationViewProps {
  doc: Obj;
  base: string;
  /** The API's id (operations: the Try-it console offers a test key for it). */
  apiId?: string;
  method: HttpMethod;
  /** The path, or the webhook's name. */
  path: string;
  pathItem: Obj;
  operation: Obj;
  title: string;
  kind: "operation" | "webhook";
  /** Published deprecation notices that cover this operation (lib/notices), linked from the badge. */
  notices?: { href: string; title: string; sunset: string | null }[];
}

export function OperationView({ doc, base, apiId, method, path, pathItem, operation, title, kind, notices = [] }: OperationViewProps) {
  // One schema tree for the whole page, so a component is expanded once and the page stays small.
  const ctx: SchemaCtx = { doc, base, stack: [], depth: 0, tree: newSchemaTree() };
  const params = effectiveParameters(doc, pathItem, operation);
  const security = effectiveSecurity(doc, operation);
  const body = deref<Obj>(doc, operation.requestBody);
  const callbacks = isObj(operation.callbacks) ? Object.entries(operation.callbacks) : [];
  // The spec's own x-sunset, else the earliest sunset a notice announces.
  const sunset = str(operation["x-sunset"]) ?? notices.map((n) => n.sunset).filter((d): d is string => d !== null).sort()[0];
  const samples = kind === "operation" ? buildCodeSamples({ doc, method, path, operation: { ...operation, parameters: params.map((p) => p.raw) }, serverUrl: serverUrlFor(doc, pathItem, operation) }) : [];

  return (
    <article>
      <header className="mt-4">
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        {kind === "operation" ? (
          <TryIt spec={tryItSpecFor(doc, method, path, pathItem, operation)} api={apiId}>
            <MethodBadge method={method} />
            <code className="break-all text-sm">{path}</code>
          </TryIt>
        ) : (
          <p className="mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-border bg-bg-subtle px-3 py-2">
            <MethodBadge method={method} />
            <code className="break-all text-sm">webhook {path}</code>
          </p>
        )}
        {str(operation.operationId) && (
          <p className="mt-2 text-xs text-fg-muted">
            operationId <code>{String(operation.operationId)}</code>
          </p>
        )}
      </header>
      {(operation.deprecated === true || notices.length > 0) && (
        <div role="note" className="mt-5 rounded-lg border border-warn/40 bg-warn-subtle px-4 py-3 text-sm">
          <p>
            <strong className="font-semibold">Deprecated.</strong> {sunset ? <>This {kind} stops working on <strong>{sunset}</strong>.</> : <>This {kind} may be removed in a later version.</>}
          </p>
          {notices.map((n) => (
            <p key={n.href} className="mt-1">
              <a href={n.href} className="text-accent underline underline-offset-2">Deprecation notice: {n.title}</a>
              {n.sunset && <> (sunset {n.sunset})</>}
            </p>
          ))}
        </div>
      )}
      {/* A summary too long for the heading (lib/specs/normalize.ts headingSummary) is shown as text. */}
      {str(operation.summary) && str(operation.summary)!.trim() !== title && <Markdown text={str(operation.summary)} className="mt-6 max-w-3xl" />}
      <Markdown text={str(operation.description)} className="mt-6 max-w-3xl" />

      {security.length > 0 && (
        <Section id="security" title="Authorization">
          <ul className="space-y-1 text-sm">
            {security.map((req, i) => (
              <li key={i}>
                {req.length === 0 ? (
                  <span className="text-fg-muted">No authorization needed (optional)</span>
                ) : (
                  req.map((r, j) => (
                    <span key={r.scheme}>
                      {j > 0 && " and "}
                      <Link href={`${base}#auth-${r.scheme}`} className="font-mono text-info hover:underline">{r.scheme}</Link>
                      {r.scopes.length > 0 && <span className="text-fg-muted"> (scopes: {r.scopes.map((s) => <code key={s} className="mr-1">{s}</code>)})</span>}
                    </span>
                  ))
                )}
                {i < security.length - 1 && <span className="ml-2 text-xs text-fg-muted">or</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {PARAMETER_LOCATIONS.map((loc) => {
        const list = params.filter((p) => p.in === loc);
        return list.length ? (
          <Section key={loc} id={`${loc}-parameters`} title={LOCATION_TITLE[loc]}>
            <ParameterList params={list} ctx={ctx} />
          </Section>
        ) : null;
      })}

      {body && (
        <Section id="request-body" title={kind === "webhook" ? "Payload" : "Request body"}>
          {body.required === true && <p className="mb-2 text-xs font-medium text-danger">required</p>}
          <Markdown text={str(body.description)} className="mb-3 text-sm text-fg-muted" />
          <MediaTypes content={body.content} ctx={ctx} mode="request" />
        </Section>
      )}

      <Section id="responses" title={kind === "webhook" ? "Expected responses" : "Responses"}>
        <Responses responses={operation.responses} ctx={ctx} />
      </Section>

      {callbacks.length > 0 && (
        <Section id="callbacks" title="Callbacks">
          <div className="space-y-4">
            {callbacks.map(([name, cb]) => {
              const item = deref<Obj>(doc, cb) ?? {};
              return Object.entries(item).map(([expression, pathItem]) =>
                operationsOf(deref(doc, pathItem)).map(([m, op]) => (
                  <details key={`${name}${expression}${m}`} className="rounded-lg border border-border">
                    <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
                      <span className="font-semibold">{name}</span>
                      <MethodBadge method={m} />
                      <code className="break-all text-xs">{expression}</code>
                    </summary>
                    <div className="space-y-3 border-t border-border p-3">
                      <Markdown text={str(op.summary) ?? str(op.description)} className="text-sm text-fg-muted" />
                      {isObj(deref(doc, op.requestBody)) && <MediaTypes content={deref<Obj>(doc, op.requestBody)!.content} ctx={ctx} mode="request" />}
                    </div>
                  </details>
                )),
              );
            })}
          </div>
        </Section>
      )}

      {samples.length > 0 && (
        <Section id="code-samples" title="Code samples">
          <CodeSamples samples={samples} />
        </Section>
      )}
    </article>
  );
}
