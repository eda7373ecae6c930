import type { HttpMethod } from "@/lib/specs/model";

// Fixed width so paths line up in lists; colours follow the convention readers know from
// Swagger UI and Redoc (GET blue-green, POST green, DELETE red...).
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

export function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span className={`inline-block w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-[0.7rem] font-semibold uppercase tracking-wide ${STYLE[method]}`}>
      {method === "delete" ? "del" : method}
    </span>
  );
}
