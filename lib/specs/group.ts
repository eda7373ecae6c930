// Operations grouped for navigation: by the document's tag order, then tags only operations
// use, then "Other" (last) for untagged operations, so every operation has a place.
import type { OperationSummary, VersionModel } from "./model";

export interface OperationGroup {
  name: string;
  description: string | null;
  operations: OperationSummary[];
}

export const UNTAGGED = "Other";

export function groupByTag(model: Pick<VersionModel, "tags" | "operations">): OperationGroup[] {
  const groups = new Map<string, OperationGroup>();
  for (const t of model.tags) groups.set(t.name, { name: t.name, description: t.description, operations: [] });
  const untagged: OperationGroup = { name: UNTAGGED, description: null, operations: [] };
  for (const op of model.operations) {
    // An operation is listed under its first tag only: one place per operation in navigation.
    const name = op.tags[0];
    if (name === undefined) {
      untagged.operations.push(op);
      continue;
    }
    if (!groups.has(name)) groups.set(name, { name, description: null, operations: [] });
    groups.get(name)!.operations.push(op);
  }
  return [...groups.values(), untagged].filter((g) => g.operations.length > 0);
}
