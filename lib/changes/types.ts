// The vocabulary of changes between two versions of an API description. Shared by the diff
// engine (diff.ts), the changelog pages, the feeds and GET /api/v1/apis/{api}/changes.

export const SEVERITIES = ["breaking", "deprecation", "non-breaking", "documentation"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface OperationRef {
  method: string;
  path: string;
}

export interface Change {
  severity: Severity;
  /** A stable rule id: oasdiff's where it has one (rules.ts lists every id Portolan emits). */
  kind: string;
  /** The operation the change touches, as it is named in the newer version (else the older). */
  operation?: OperationRef;
  /** The operation's path in the older version, when it differs (renamed path parameters). */
  previousPath?: string;
  /** The webhook the change touches (OpenAPI 3.1 `webhooks`, or `x-webhooks`). */
  webhook?: string;
  /** The component schema the change is reported on (changes inside shared schemas are reported once). */
  schema?: string;
  /** Where in the description: a JSON pointer into the newer version (the older one for removals). */
  location?: string;
  /** One plain-language line; code is in `backticks`. */
  text: string;
}

/** The result of comparing two descriptions. */
export interface DiffResult {
  changes: Change[];
  /**
   * For each component schema that has changes: the operations that use it, directly or
   * through other schemas ("GET /alerts"), so an operation's history can name them.
   */
  schemaUsers: Record<string, string[]>;
  /** True when the comparison stopped at its work budget (a pathological description). */
  truncated: boolean;
}

export const SEVERITY_ORDER: Record<Severity, number> = { breaking: 0, deprecation: 1, "non-breaking": 2, documentation: 3 };

export const SEVERITY_LABEL: Record<Severity, string> = {
  breaking: "Breaking",
  deprecation: "Deprecation",
  "non-breaking": "Non-breaking",
  documentation: "Documentation",
};

export const operationKey = (op: OperationRef): string => `${op.method.toUpperCase()} ${op.path}`;

const METHOD_ORDER = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

/** Operations (by path, then method), then webhooks, schemas and API-wide changes. */
function targetSortKey(c: Change): string {
  if (c.operation) return `0 ${c.operation.path} ${String(METHOD_ORDER.indexOf(c.operation.method)).padStart(2, "0")}`;
  if (c.webhook) return `1 ${c.webhook}`;
  if (c.schema) return `2 ${c.schema}`;
  return "3";
}

/** Breaking first; within a severity grouped by what they touch. */
export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (targetSortKey(a) < targetSortKey(b) ? -1 : targetSortKey(a) > targetSortKey(b) ? 1 : 0) ||
      a.kind.localeCompare(b.kind) ||
      a.text.localeCompare(b.text),
  );
}
