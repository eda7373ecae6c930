// One search result: method (or kind) badge, path or name, title, API and version. Shared by the
// /search page (server) and the search dialog (client), so both read the same.
import { MethodBadge } from "@/components/specs/method-badge";
import type { SearchHit } from "@/lib/search/search";

const KIND: Record<SearchHit["kind"], string> = { operation: "", webhook: "Webhook", schema: "Schema", api: "API", version: "Version" };

function where(hit: SearchHit): string {
  if (hit.kind === "api") return "API overview";
  if (hit.kind === "version") return "Version overview";
  return `${hit.apiName} ${hit.version ?? ""}`;
}

export function SearchHitBody({ hit }: { hit: SearchHit }) {
  const code = hit.kind === "operation" || hit.kind === "webhook" || hit.kind === "schema";
  const primary = hit.path ?? hit.title;
  const details = [hit.kind === "webhook" ? KIND.webhook : "", hit.kind === "operation" || hit.kind === "webhook" ? hit.title : "", where(hit)].filter(Boolean);
  return (
    <span className="flex min-w-0 items-start gap-3">
      {hit.method ? (
        <MethodBadge method={hit.method} />
      ) : (
        <span className="inline-block w-16 shrink-0 rounded bg-bg-muted px-1.5 py-0.5 text-center font-mono text-[0.7rem] font-semibold uppercase tracking-wide text-fg-muted">
          {KIND[hit.kind]}
        </span>
      )}
      <span className="min-w-0 flex-1">
        <span className={`block text-sm leading-5 [overflow-wrap:anywhere] ${code ? "font-mono" : "font-medium"} ${hit.deprecated ? "line-through decoration-fg-muted" : ""}`}>
          {primary}
        </span>
        <span className="mt-0.5 block truncate text-xs text-fg-muted">
          {details.join(" · ")}
          {hit.deprecated && " · deprecated"}
        </span>
      </span>
    </span>
  );
}
