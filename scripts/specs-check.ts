// npm run specs:check [-- --specs <dir>] [--force] [--errors-only]
// Loads every description in SPECS_DIR with @redocly/openapi-core (bundle + lint with
// redocly.yaml) and prints each problem as `file:line:col severity rule message`.
// Exits 1 when any error is found, 0 otherwise. Warnings never fail the check.
import { parseEnv, EnvError } from "@/lib/env";
import { ingestOptionsFrom, ingestSpecs } from "@/lib/specs/ingest";
import { countBySeverity, formatProblem } from "@/lib/specs/problems";

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const env = parseEnv({ ...process.env, SPECS_DIR: value("--specs") ?? process.env.SPECS_DIR });

  const report = await ingestSpecs({ ...ingestOptionsFrom(env), force: flag("--force") });

  const all = [...report.catalogProblems, ...report.versions.flatMap((v) => v.problems)];
  for (const p of all) {
    if (flag("--errors-only") && p.severity !== "error") continue;
    console.log(formatProblem(p));
  }
  console.log("");
  for (const v of report.versions) {
    const c = countBySeverity(v.problems);
    const ops = v.model ? `${v.model.operations.length} operations` : "not loaded";
    console.log(`${v.status === "ok" ? "ok    " : "FAILED"} ${v.apiId}/${v.version} (${v.model?.format ?? "?"}, ${ops}) ${c.errors} errors, ${c.warnings} warnings${v.fromCache ? " [cached]" : ` [${v.ms} ms]`}`);
  }
  for (const c of report.changes.computed) {
    console.log(`${c.ok ? "ok    " : "FAILED"} changes ${c.apiId} ${c.from} → ${c.to} [${c.ms} ms]`);
  }
  if (report.changes.cached) console.log(`       changes between ${report.changes.cached} version pairs [cached]`);
  const total = countBySeverity(all);
  console.log(`\n${report.versions.length} versions in ${report.catalog.apis.length} APIs: ${total.errors} errors, ${total.warnings} warnings`);
  process.exitCode = total.errors > 0 ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? e.message : e);
  process.exitCode = 2;
});
