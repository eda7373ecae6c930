// Operations grouped for navigation: by the document's tag order, then tags only operations
// use, then "Other" (last) for untagged operations, so every operation has a place.
import type { OperationSummary, VersionModel, WebhookSummary } from "./model";

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

/** Up to this many webhooks the sidebar lists them all; above, it links the webhooks index. */
export const SIDEBAR_WEBHOOKS = 20;

/** The event a webhook belongs to: its name without the last `-`/`.`/`_` part ("pull-request-opened" → "pull-request"). */
const webhookEvent = (name: string) => name.replace(/[-._][^-._]*$/, "");

/**
 * The webhooks the sidebar lists beside the current one when there are too many to list all:
 * the other actions of the same event (GitHub: `pull-request-opened`, `pull-request-closed`, …).
 */
export function webhookSiblings(webhooks: WebhookSummary[], slug: string): WebhookSummary[] {
  const current = webhooks.find((w) => w.slug === slug);
  if (!current) return [];
  const event = webhookEvent(current.name);
  return webhooks.filter((w) => w === current || (event !== current.name && webhookEvent(w.name) === event));
}
