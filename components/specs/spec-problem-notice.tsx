import type { SpecProblem } from "@/lib/specs/problems";

// What a reader sees when a version's description could not be loaded at all. The rest of
// the portal keeps working; the spec's authors find the details with `npm run specs:check`.
export function SpecProblemNotice({ problem }: { problem: SpecProblem | null }) {
  return (
    <section role="alert" aria-labelledby="spec-problem" className="mt-8 rounded-lg border border-danger/40 bg-danger-subtle p-5">
      <h2 id="spec-problem" className="font-semibold text-danger">This version&apos;s description could not be loaded</h2>
      <p className="mt-1 text-sm">
        Other versions and other APIs are not affected. For the API&apos;s owners, the first problem found:
      </p>
      {problem && (
        <pre className="mt-3 overflow-x-auto rounded-md bg-bg p-3 text-xs leading-relaxed">
          {`${problem.file}:${problem.line}:${problem.col} ${problem.rule}\n${problem.message}`}
        </pre>
      )}
    </section>
  );
}
