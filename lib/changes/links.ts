// Where a change can be read in each version's reference: the operation, webhook or schema page
// when the version has it, else the version's overview (API-wide changes). Pure.
import { refPath } from "@/lib/discovery/urls";
import type { VersionModel } from "@/lib/specs/model";
import type { Change } from "./types";

export interface Side {
  apiId: string;
  versionId: string;
  model: VersionModel | null;
}

/** The page of `change` in one version, or null when the version does not have what it is about. */
export function pageOf(side: Side, change: Change, older: boolean): string | null {
  const { apiId, versionId, model } = side;
  if (!model) return null;
  if (change.operation) {
    const path = older ? (change.previousPath ?? change.operation.path) : change.operation.path;
    const op = model.operations.find((o) => o.method === change.operation!.method && o.path === path);
    return op ? refPath(apiId, versionId, { kind: "operation", slug: op.slug }) : null;
  }
  if (change.webhook) {
    const hook = model.webhooks.find((w) => w.name === change.webhook);
    return hook ? refPath(apiId, versionId, { kind: "webhook", slug: hook.slug }) : null;
  }
  if (change.schema) return model.schemaNames.includes(change.schema) ? refPath(apiId, versionId, { kind: "schema", name: change.schema }) : null;
  return refPath(apiId, versionId, { kind: "overview" });
}

/** What a change is about, for grouping: "op get /alerts", "webhook alert.issued", "schema Alert", "api". */
export function targetOf(change: Change): string {
  if (change.operation) return `op ${change.operation.method} ${change.operation.path}`;
  if (change.webhook) return `webhook ${change.webhook}`;
  if (change.schema) return `schema ${change.schema}`;
  return "api";
}
