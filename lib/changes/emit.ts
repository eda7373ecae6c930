// Collects changes while the documents are walked: one place to build kinds, texts, locations and
// the per-operation / per-schema roll-up of documentation edits (GitHub's descriptions change by
// the hundred between releases; one line per operation says enough).
import { severityOf } from "./rules";
import type { Dir, RawFinding } from "./schema-diff";
import { capitalize, code, propertyRuleText, propPath, schemaRuleText, subject } from "./text";
import type { Change, OperationRef } from "./types";

/** Who a change is about. */
export interface Target {
  operation?: OperationRef;
  previousPath?: string;
  webhook?: string;
  schema?: string;
}

/** Where a schema sits: findings below it are named from here. */
export interface Place extends Target {
  /** Noun phrase of the root: "query parameter `days` of GET /forecast", "schema `Severity`". */
  phrase: string;
  /** Appended to every line: " (in responses)" for shared schemas, else "". */
  suffix: string;
  /** Who documentation edits are rolled up under: "GET /forecast", "schema `Alert`". */
  label: string;
  level: "param" | "body" | "component";
  dir: Dir;
  ptr: string[];
}

export const pointer = (segs: readonly string[]): string => "/" + segs.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

const targetKey = (t: Target) => (t.operation ? `op ${t.operation.method} ${t.operation.path}` : t.webhook ? `webhook ${t.webhook}` : t.schema ? `schema ${t.schema}` : "api");

export class Collector {
  readonly changes: Change[] = [];
  private readonly docs = new Map<string, { target: Target; label: string; what: Set<string>; count: number; ptr: string[] }>();

  add(kind: string, text: string, target: Target, ptr: readonly string[]): void {
    const change: Change = { severity: severityOf(kind), kind, text };
    if (target.operation) change.operation = target.operation;
    if (target.previousPath) change.previousPath = target.previousPath;
    if (target.webhook) change.webhook = target.webhook;
    if (target.schema) change.schema = target.schema;
    if (ptr.length) change.location = pointer(ptr);
    this.changes.push(change);
  }

  /** One documentation edit (a summary, a description) of `target`, rolled up per target. */
  doc(target: Target, label: string, what: string, ptr: readonly string[]): void {
    const key = targetKey(target);
    const entry = this.docs.get(key) ?? { target, label, what: new Set<string>(), count: 0, ptr: [...ptr] };
    entry.what.add(what);
    entry.count++;
    this.docs.set(key, entry);
  }

  findings(place: Place, findings: readonly RawFinding[]): void {
    for (const f of findings) {
      if (f.kind === "doc") {
        this.doc(place, place.label, f.prop.length ? "property descriptions" : "schema descriptions", place.ptr);
        continue;
      }
      const rootish = f.prop.every((p) => p === "[]");
      const prefix = rootish ? (place.level === "param" ? "request-parameter" : place.level === "body" ? `${place.dir}-body` : `${place.dir}-property`) : `${place.dir}-property`;
      const kind = f.kind ?? `${prefix}-${f.rule}`;
      const text = f.kind ? propertyRuleText(f.kind, propPath(f.prop), place.phrase) : schemaRuleText(f.rule!, f.args, subject(place.phrase, f.prop));
      const only = f.only ? ` (only in ${f.only.map(code).join(", ")})` : "";
      this.add(kind, capitalize(text) + only + place.suffix, place, [...place.ptr, ...f.ptr]);
    }
  }

  /** Every change, documentation roll-ups included, without repeats (two media types with one schema). */
  finish(): Change[] {
    for (const { target, label, what, ptr } of this.docs.values()) {
      const parts = [...what];
      const text = `Updated the ${parts.length > 2 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts.join(" and ")} of ${label}`;
      this.add(target.schema && !target.operation ? "schema-documentation-changed" : target.operation || target.webhook ? "operation-documentation-changed" : "api-info-changed", text, target, ptr);
    }
    this.docs.clear();
    const seen = new Set<string>();
    return this.changes.filter((c) => {
      const key = `${c.kind}\0${c.operation?.method ?? ""} ${c.operation?.path ?? ""}\0${c.webhook ?? ""}\0${c.schema ?? ""}\0${c.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
