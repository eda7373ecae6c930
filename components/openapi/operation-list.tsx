import Link from "next/link";
import { MethodBadge } from "@/components/specs/method-badge";
import type { OperationGroup } from "@/lib/specs/group";
import { Markdown } from "./markdown";

/** A tag group's operations as rows linking to their pages. */
export function OperationList({ group, base, heading = "h3" }: { group: OperationGroup; base: string; heading?: "h2" | "h3" }) {
  const H = heading;
  return (
    <section aria-label={group.name} className="mt-6">
      <H className="text-sm font-semibold uppercase tracking-wide text-fg-muted">
        <Link href={`${base}/tags/${encodeURIComponent(group.name)}`} className="hover:text-fg hover:underline">{group.name}</Link>
      </H>
      <Markdown text={group.description} className="mt-1 max-w-3xl text-sm text-fg-muted" />
      <ul className="mt-2 divide-y divide-border rounded-lg border border-border">
        {group.operations.map((op) => (
          <li key={op.slug}>
            <Link href={`${base}/operations/${op.slug}`} className="flex flex-col gap-1 px-3 py-2.5 hover:bg-bg-subtle sm:flex-row sm:items-center sm:gap-3">
              <span className="flex min-w-0 items-center gap-3">
                <MethodBadge method={op.method} />
                <code className={`truncate text-sm ${op.deprecated ? "text-fg-muted line-through" : ""}`}>{op.path}</code>
              </span>
              <span className="text-sm text-fg-muted sm:ml-auto sm:text-right">
                {op.title}
                {op.deprecated && <span className="ml-2 text-xs font-medium text-warn">deprecated</span>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
