// One shape for every problem found in a spec folder, whoever found it (catalog, YAML parser,
// resolver, linter, time limit), printed by specs:check as `file:line:col rule message`.

export type ProblemSeverity = "error" | "warning";

export interface SpecProblem {
  /** Path relative to SPECS_DIR, with forward slashes. */
  file: string;
  line: number;
  col: number;
  severity: ProblemSeverity;
  /** A lint rule id, or one of Portolan's own: "parse", "resolve", "timeout", "catalog", "limits". */
  rule: string;
  message: string;
}

export function formatProblem(p: SpecProblem): string {
  return `${p.file}:${p.line}:${p.col} ${p.severity} ${p.rule} ${p.message}`;
}

export function countBySeverity(problems: readonly SpecProblem[]) {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}
