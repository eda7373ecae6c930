// An operation's own history across versions, on its reference page: per release a few lines
// (breaking first) and a link to the full diff. Kept short: operation pages of large APIs must
// stay small, and the diff view has the rest.
import Link from "next/link";
import { operationHistory } from "@/lib/changes/changelog";
import { releasesFor } from "@/lib/changes/store";
import { sortChanges, type OperationRef } from "@/lib/changes/types";
import { changelogPath, diffPath } from "@/lib/discovery/urls";
import type { CatalogApi } from "@/lib/specs/model";
import { ChangeText } from "./change-text";
import { SeverityBadge } from "./severity-badge";

const LINES = 4;

export async function OperationHistory({ api, operation }: { api: CatalogApi; operation: OperationRef }) {
  if (api.versions.filter((v) => v.status === "ok").length < 2) return null;
  const history = operationHistory(await releasesFor(api), operation);
  return (
    <section aria-labelledby="history" className="mt-12">
      <h2 id="history" className="text-lg font-semibold">History</h2>
      {!history.length ? (
        <p className="mt-2 text-sm text-fg-muted">
          No changes to its requests or responses between versions. <Link className="text-accent hover:underline" href={changelogPath(api.id)}>Changelog</Link>
        </p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {history.map(({ release, changes, schemaChanges }) => {
            const sorted = sortChanges(changes);
            const href = diffPath(api.id, release.previous!.id, release.version.id);
            const more = sorted.length - LINES;
            return (
              <li key={release.version.id} className="rounded-lg border border-border p-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={href} className="font-mono font-semibold text-accent hover:underline">
                    {release.previous!.id} → {release.version.id}
                  </Link>
                  {release.date && <time dateTime={release.date} className="text-fg-muted">{release.date}</time>}
                </p>
                <ul className="chg mt-1.5 space-y-1">
                  {sorted.slice(0, LINES).map((c, i) => (
                    <li key={i} className="flex items-baseline gap-2">
                      <SeverityBadge severity={c.severity} />
                      <span><ChangeText text={c.text} /></span>
                    </li>
                  ))}
                </ul>
                {(more > 0 || schemaChanges > 0) && (
                  <p className="mt-1.5 text-fg-muted">
                    <Link href={href} className="text-accent hover:underline">
                      {[more > 0 ? `${more} more` : "", schemaChanges ? `${schemaChanges} change${schemaChanges === 1 ? "" : "s"} to schemas it uses` : ""].filter(Boolean).join(" and ")}
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
