// npx tsx scripts/changes-report.ts --from <openapi.json> --to <openapi.json> [--list [severity]] [--json]
// Compares two OpenAPI 3.x documents (JSON) with Portolan's diff engine (lib/changes) and prints
// the number of changes per severity and kind, and the time taken (parsing and diffing apart).
// --list prints every change (or those of one severity); --json prints the result as JSON.
// For Swagger 2.0 inputs, compare the ingested document.json files under DATA_DIR/specs-cache.
import fs from "node:fs";
import { diffDocuments } from "@/lib/changes/diff";
import { SEVERITIES, type Change } from "@/lib/changes/types";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main() {
  const from = arg("--from");
  const to = arg("--to");
  if (!from || !to) {
    console.error("usage: changes-report.ts --from <file> --to <file> [--list [severity]] [--json]");
    process.exit(2);
  }
  const t0 = performance.now();
  const before = JSON.parse(fs.readFileSync(from, "utf8")) as Record<string, unknown>;
  const after = JSON.parse(fs.readFileSync(to, "utf8")) as Record<string, unknown>;
  const t1 = performance.now();
  const result = diffDocuments(before, after);
  const t2 = performance.now();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const bySeverity = new Map<string, Change[]>();
  for (const c of result.changes) bySeverity.set(c.severity, [...(bySeverity.get(c.severity) ?? []), c]);
  console.log(`${from} → ${to}`);
  console.log(`${result.changes.length} changes${result.truncated ? " (TRUNCATED: work budget reached)" : ""}`);
  for (const severity of SEVERITIES) {
    const list = bySeverity.get(severity) ?? [];
    console.log(`\n${severity}: ${list.length}`);
    const kinds = new Map<string, number>();
    for (const c of list) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(5)}  ${kind}`);
  }
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
  console.log(`\nparse ${Math.round(t1 - t0)} ms, diff ${Math.round(t2 - t1)} ms, heap ${heapMb} MB, ${Object.keys(result.schemaUsers).length} changed schemas with users`);
  const listIndex = process.argv.indexOf("--list");
  if (listIndex >= 0) {
    const only = process.argv[listIndex + 1]?.startsWith("--") ? undefined : process.argv[listIndex + 1];
    console.log("");
    for (const c of result.changes) {
      if (only && c.severity !== only) continue;
      console.log(`${c.severity.padEnd(13)} ${c.kind.padEnd(44)} ${c.text}${c.location ? `  [${c.location}]` : ""}`);
    }
  }
}

main();
