import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { requireUser } from "@/lib/auth/page-session";
import { loadSpecProblems } from "@/lib/specs/problems-report";

export const metadata: Metadata = { title: "Spec problems · Admin", robots: { index: false } };
export const dynamic = "force-dynamic";

const PER_VERSION = 200;

/**
 * Lint and load problems of every API, for portal admins: what `npm run specs:check` prints,
 * in the portal. Problems never stop a spec from rendering; a version that could not be loaded
 * at all is marked failed and shows its reader a problem page.
 */
export default async function SpecProblemsPage() {
  const viewer = await requireUser("/admin/specs");
  if (!viewer.isAdmin) notFound(); // the same answer as a page that does not exist
  const apis = loadSpecProblems(PER_VERSION);
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Spec problems</h1>
      <p className="mt-2 text-fg-muted">
        Every API, including partner and internal ones. Lint problems never stop a description from rendering; only a version that cannot be parsed or
        resolved is marked <Badge tone="danger">failed</Badge> and shows readers a problem page.
      </p>
      <div className="mt-8 space-y-10">
        {apis.map((api) => (
          <section key={api.id} aria-labelledby={`api-${api.id}`}>
            <h2 id={`api-${api.id}`} className="flex flex-wrap items-baseline gap-2 text-xl font-semibold">
              {api.name} <span className="font-mono text-sm text-fg-muted">{api.id}</span>
              <Badge tone={api.visibility === "public" ? "ok" : api.visibility ? "info" : "danger"}>{api.visibility ?? "api.yaml invalid"}</Badge>
            </h2>
            {api.catalogErrorCount > 0 && (
              <p className="mt-2 text-sm text-danger">
                {api.catalogErrorCount} problem(s) in the API folder itself (api.yaml, entry files): run `npm run specs:check`.
              </p>
            )}
            <div className="mt-3 space-y-4">
              {api.versions.map((v) => (
                <details key={v.id} className="rounded-lg border border-border" open={v.status === "failed"}>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-2">
                    <span className="font-mono font-semibold">{v.id}</span>
                    {v.status === "failed" ? <Badge tone="danger">failed</Badge> : <Badge tone="ok">renders</Badge>}
                    <span className="text-sm text-fg-muted">
                      {v.errorCount} errors, {v.warningCount} warnings
                    </span>
                    {v.status === "ok" && (
                      <Link href={`/apis/${api.id}/${encodeURIComponent(v.id)}`} className="ml-auto text-sm text-accent hover:underline">
                        Open reference
                      </Link>
                    )}
                  </summary>
                  <div className="border-t border-border px-4 py-3">
                    {v.problems.length ? <ProblemList problems={v.problems} total={v.errorCount + v.warningCount} /> : <p className="text-sm text-fg-muted">No problems.</p>}
                  </div>
                </details>
              ))}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

function ProblemList({ problems, total }: { problems: import("@/lib/specs/problems").SpecProblem[]; total: number }) {
  return (
    <>
      <ul className="divide-y divide-border font-mono text-xs">
        {problems.map((p, i) => (
          <li key={i} className="flex flex-wrap gap-x-3 py-1.5">
            <span className={p.severity === "error" ? "text-danger" : "text-warn"}>{p.severity}</span>
            <span className="text-fg-muted">
              {p.file}:{p.line}:{p.col}
            </span>
            <span className="text-info">{p.rule}</span>
            <span className="basis-full font-sans text-sm text-fg sm:basis-auto">{p.message}</span>
          </li>
        ))}
      </ul>
      {total > problems.length && <p className="mt-2 text-xs text-fg-muted">…and {total - problems.length} more: run `npm run specs:check` for all of them.</p>}
    </>
  );
}
