import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { CatalogApi } from "@/lib/specs/model";
import { FORMAT_LABEL } from "./format-label";
import { LifecycleBadge } from "./lifecycle-badge";

export function ApiCard({ api }: { api: CatalogApi }) {
  const latest = api.versions.find((v) => v.id === api.latestVersion);
  const broken = api.versions.length > 0 && api.versions.every((v) => v.status === "failed");
  return (
    <article aria-labelledby={`api-${api.id}`} className="group relative flex flex-col rounded-xl border border-border bg-bg p-5 shadow-sm transition hover:border-accent hover:shadow-md">
      <div className="flex items-start justify-between gap-3">
        <h2 id={`api-${api.id}`} className="text-lg font-semibold leading-snug">
          <Link href={`/apis/${api.id}`} className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none group-focus-within:underline">
            {api.name}
          </Link>
        </h2>
        {api.visibility !== "public" && <Badge tone="info">{api.visibility ?? "withheld"}</Badge>}
        {broken && <Badge tone="danger">problem loading</Badge>}
      </div>
      {api.name !== api.id && <p className="font-mono text-xs text-fg-muted">{api.id}</p>}
      {api.summary && <p className="mt-1.5 text-sm text-fg-muted">{api.summary}</p>}
      <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-fg-muted">
        {latest && (
          <>
            <dt>Latest</dt>
            <dd className="font-mono text-fg">{latest.id}</dd>
            {latest.format && (
              <>
                <dt>Format</dt>
                <dd className="text-fg">{FORMAT_LABEL[latest.format]}</dd>
              </>
            )}
            <dt>Operations</dt>
            <dd className="text-fg">{latest.operationCount}</dd>
          </>
        )}
      </dl>
      <ul aria-label="Versions" className="relative z-10 mt-4 flex flex-wrap gap-2 border-t border-border pt-4">
        {[...api.versions].reverse().map((v) => (
          <li key={v.id} className="flex items-center gap-1.5 text-xs">
            <Link href={`/apis/${api.id}/${v.id}`} className="font-mono text-fg hover:text-accent hover:underline">
              {v.id}
            </Link>
            <LifecycleBadge lifecycle={v.lifecycle} sunset={v.sunset} />
          </li>
        ))}
      </ul>
    </article>
  );
}
