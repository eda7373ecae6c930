import type { HttpMethod } from "@/lib/specs/model";

// Fixed width so paths line up in lists; colours follow the convention readers know from
// Swagger UI and Redoc (GET blue-green, POST green, DELETE red...). Only the compact (sidebar)
// badge shortens DELETE to "del": everywhere else the page states the method as written.
const STYLE: Record<HttpMethod, string> = {
  get: "text-accent bg-accent-subtle",
  post: "text-ok bg-ok-subtle",
  put: "text-warn bg-warn-subtle",
  patch: "text-warn bg-warn-subtle",
  delete: "text-danger bg-danger-subtle",
  head: "text-fg-muted bg-bg-muted",
  options: "text-fg-muted bg-bg-muted",
  trace: "text-fg-muted bg-bg-muted",
  query: "text-info bg-info-subtle",
};

export function MethodBadge({ method, compact = false }: { method: HttpMethod; compact?: boolean }) {
  return (
    <span className={`inline-block shrink-0 rounded text-center font-mono font-semibold uppercase tracking-wide ${compact ? "w-10 px-0.5 text-[0.6rem] leading-4" : "w-16 px-1.5 py-0.5 text-[0.7rem]"} ${STYLE[method]}`}>
      {compact && method === "delete" ? "del" : method}
    </span>
  );
}
