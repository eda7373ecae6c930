// How a notice names the operations it affects: "<version> <METHOD> <path>", e.g.
// "v2 GET /current". Version + "METHOD /path" is exactly how usage is recorded
// (KeyUsageDaily.version + .operation), so the reach of a notice is a plain lookup. Pure.
import type { OperationSummary } from "@/lib/specs/model";

export interface OperationRef {
  version: string;
  /** "GET /current", as KeyUsageDaily.operation records it. */
  operation: string;
}

export const usageOperation = (op: Pick<OperationSummary, "method" | "path">): string => `${op.method.toUpperCase()} ${op.path}`;

export const operationKey = (version: string, op: Pick<OperationSummary, "method" | "path">): string => `${version} ${usageOperation(op)}`;

/** "v2 GET /current" → { version: "v2", operation: "GET /current" }; null when malformed. */
export function parseOperationKey(key: string): OperationRef | null {
  const m = /^(\S+) ([A-Z]{3,7}) (\/\S*)$/.exec(key);
  return m ? { version: m[1]!, operation: `${m[2]} ${m[3]}` } : null;
}
