// Where the version switcher sends a reader: the same page in the other version when it exists
// there (same operation slug, else same method + path; same schema or webhook), else that
// version's overview.
import type { VersionModel } from "./model";

export type PageRef =
  | { kind: "overview" }
  | { kind: "operation"; slug: string; method: string; path: string }
  | { kind: "schema"; name: string }
  | { kind: "webhook"; slug: string }
  | { kind: "webhooks" }
  | { kind: "tag"; name: string };

/** Path below /apis/<api>/<version> for `page` in `model`, or "" (the overview). */
export function equivalentPath(page: PageRef, model: VersionModel | null): string {
  if (!model) return "";
  switch (page.kind) {
    case "operation": {
      const op = model.operations.find((o) => o.slug === page.slug) ?? model.operations.find((o) => o.method === page.method && o.path === page.path);
      return op ? `/operations/${op.slug}` : "";
    }
    case "schema":
      return model.schemaNames.includes(page.name) ? `/schemas/${encodeURIComponent(page.name)}` : "";
    case "webhook":
      return model.webhooks.some((w) => w.slug === page.slug) ? `/webhooks/${page.slug}` : "";
    case "webhooks":
      return model.webhooks.length ? "/webhooks" : "";
    case "tag":
      return model.operations.some((o) => o.tags[0] === page.name) ? `/tags/${encodeURIComponent(page.name)}` : "";
    default:
      return "";
  }
}
