// Notices the specs already state, derived from the ingested model (pure):
//   - a version whose api.yaml lifecycle is deprecated/retired or that has a `deprecated` date
//     → one notice for the whole version (dates from api.yaml);
//   - an operation with `deprecated: true` in a version that is not itself deprecated → one
//     notice for that operation (sunset from `x-sunset`);
//   - a parameter with `deprecated: true` (when the version's document is at hand) → one notice
//     naming the operation; it does not deprecate the operation's responses (types.ts).
// Each has a stable `specKey`, so the sync step (sync.ts) can upsert them on every start.
import { diffPath, refPath, versionPath } from "@/lib/discovery/urls";
import type { CatalogApi, CatalogVersion, OperationSummary, VersionModel } from "@/lib/specs/model";
import { operationKey, usageOperation } from "./operations";
import type { Notice } from "./types";

export type DerivedNotice = Pick<Notice, "apiId" | "versions" | "operations" | "title" | "body" | "migrationGuide" | "deprecatedAt" | "sunsetAt"> & { specKey: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface DeriveInput {
  apis: CatalogApi[];
  model(apiId: string, versionId: string): VersionModel | null;
  /** The version's OpenAPI 3.x document, for parameter deprecations; null skips them. */
  document?(apiId: string, versionId: string): Obj | null;
}

/** "2027-03-31" or a timestamp → Date (UTC midnight for plain dates); null when absent or invalid. */
export function specDate(text: string | null | undefined): Date | null {
  if (!text) return null;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

export const versionIsDeprecated = (v: CatalogVersion): boolean => v.lifecycle === "deprecated" || v.lifecycle === "retired" || v.deprecated !== null;

const day = (d: Date) => d.toISOString().slice(0, 10);

function versionNotice(api: CatalogApi, v: CatalogVersion): DerivedNotice {
  const sunset = specDate(v.sunset);
  const successor = api.versions.find((x) => x.id === api.latestVersion && x.id !== v.id && !versionIsDeprecated(x));
  const retired = v.lifecycle === "retired";
  return {
    specKey: `version:${api.id}:${v.id}`,
    apiId: api.id,
    versions: [v.id],
    operations: [],
    title: `${api.name} ${v.id} is ${retired ? "retired" : "deprecated"}`,
    body:
      `Version \`${v.id}\` of ${api.name} is ${retired ? "retired" : "deprecated"}` +
      (sunset ? `${retired ? "; it stopped working" : " and stops working"} on **${day(sunset)}**.` : ".") +
      ` Calls to it carry \`Deprecation\`${sunset ? " and `Sunset`" : ""} response headers.`,
    migrationGuide: successor
      ? `Move to [${api.name} ${successor.id}](${versionPath(api.id, successor.id)}), the current version. ` +
        (v.status === "ok" && successor.status === "ok" ? `Every change between the two, breaking changes first: [${v.id} → ${successor.id}](${diffPath(api.id, v.id, successor.id)}).` : "")
      : "",
    deprecatedAt: specDate(v.deprecated),
    sunsetAt: sunset,
  };
}

/** The first paragraph of a description: specs usually say what to use instead there. */
function firstParagraph(text: unknown): string {
  return typeof text === "string" ? (text.trim().split(/\n\s*\n/, 1)[0] ?? "").trim() : "";
}

function operationObject(doc: Obj | null, op: Pick<OperationSummary, "method" | "path">): Obj | null {
  const paths = doc && isObj(doc.paths) ? doc.paths : null;
  const item = paths && isObj(paths[op.path]) ? (paths[op.path] as Obj) : null;
  return item && isObj(item[op.method]) ? (item[op.method] as Obj) : null;
}

function operationNotice(api: CatalogApi, v: CatalogVersion, op: OperationSummary, doc: Obj | null): DerivedNotice {
  const sunset = specDate(op.sunset);
  const name = usageOperation(op);
  const advice = firstParagraph(operationObject(doc, op)?.description);
  return {
    specKey: `op:${api.id}:${operationKey(v.id, op)}`,
    apiId: api.id,
    versions: [v.id],
    operations: [operationKey(v.id, op)],
    title: `${name} is deprecated in ${api.name} ${v.id}`,
    body: `\`${name}\` (${op.title}) is deprecated in ${api.name} ${v.id}` + (sunset ? ` and stops working on **${day(sunset)}**.` : "; it may be removed in a later version."),
    migrationGuide: [advice, `Reference: [${name}](${refPath(api.id, v.id, { kind: "operation", slug: op.slug })}).`].filter(Boolean).join("\n\n"),
    deprecatedAt: null,
    sunsetAt: sunset,
  };
}

/** Parameters of an operation (path-level ones included), local $refs resolved one level. */
function parametersOf(doc: Obj, op: Pick<OperationSummary, "method" | "path">): Obj[] {
  const paths = isObj(doc.paths) ? doc.paths : {};
  const item = isObj(paths[op.path]) ? (paths[op.path] as Obj) : {};
  const own = operationObject(doc, op);
  const raw = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(own?.parameters) ? own.parameters : [])];
  return raw.map((p) => resolveRef(doc, p)).filter(isObj);
}

function resolveRef(doc: Obj, v: unknown): unknown {
  if (!isObj(v) || typeof v.$ref !== "string" || !v.$ref.startsWith("#/")) return v;
  let cur: unknown = doc;
  for (const seg of v.$ref.slice(2).split("/")) cur = isObj(cur) ? cur[seg.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return cur;
}

function parameterNotices(api: CatalogApi, v: CatalogVersion, op: OperationSummary, doc: Obj): DerivedNotice[] {
  return parametersOf(doc, op)
    .filter((p) => p.deprecated === true && typeof p.name === "string" && typeof p.in === "string")
    .map((p) => {
      const name = usageOperation(op);
      const advice = firstParagraph(p.description);
      return {
        specKey: `param:${api.id}:${operationKey(v.id, op)}:${p.in}:${p.name}`,
        apiId: api.id,
        versions: [v.id],
        operations: [operationKey(v.id, op)],
        title: `Parameter ${p.name as string} of ${name} is deprecated in ${api.name} ${v.id}`,
        body: `The ${p.in as string} parameter \`${p.name as string}\` of \`${name}\` is deprecated in ${api.name} ${v.id}. The operation itself is not.`,
        migrationGuide: [advice, `Reference: [${name}](${refPath(api.id, v.id, { kind: "operation", slug: op.slug })}#parameters).`].filter(Boolean).join("\n\n"),
        deprecatedAt: null,
        sunsetAt: null,
      };
    });
}

export function deriveSpecNotices(input: DeriveInput): DerivedNotice[] {
  const out: DerivedNotice[] = [];
  for (const api of input.apis) {
    if (api.visibility === null) continue; // invalid api.yaml: nothing about it is published
    for (const v of api.versions) {
      if (versionIsDeprecated(v)) {
        // The whole version goes: its operations need no notices of their own.
        out.push(versionNotice(api, v));
        continue;
      }
      const model = v.status === "ok" ? input.model(api.id, v.id) : null;
      if (!model) continue;
      const doc = input.document?.(api.id, v.id) ?? null;
      for (const op of model.operations) {
        if (op.deprecated) out.push(operationNotice(api, v, op, doc));
        else if (doc) out.push(...parameterNotices(api, v, op, doc));
      }
    }
  }
  return out;
}
