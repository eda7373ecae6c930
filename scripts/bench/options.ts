// Command-line options of `npm run bench` (documented in index.ts).
import { PEER_IDS } from "./peers";

export interface Options {
  phases: Set<string>;
  targets: string[];
  runs: number;
  pages: number;
  timeoutMs: number;
  operationId: string;
  port: number;
}

export const ALL_TARGETS = ["portolan", ...PEER_IDS];

export function parseOptions(argv: string[], phaseNames: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (name: string) => value(name)?.split(",").map((x) => x.trim()).filter(Boolean);
  let phases = new Set(phaseNames);
  let targets = list("--targets") ?? ALL_TARGETS;
  const only = list("--only");
  if (only) {
    if (only.includes("peers")) targets = targets.filter((t) => t !== "portolan");
    phases = new Set(only.map((p) => (p === "peers" ? "visible" : p)));
  }
  const skip = [...(list("--skip") ?? []), ...(argv.includes("--skip-build") ? ["build"] : [])];
  for (const p of skip) phases.delete(p);
  const unknown = [...phases, ...skip].filter((p) => !phaseNames.includes(p));
  if (unknown.length) throw new Error(`unknown phase(s) ${unknown.join(", ")}; phases: ${phaseNames.join(", ")} (or --only peers)`);
  const unknownTargets = targets.filter((t) => !ALL_TARGETS.includes(t));
  if (unknownTargets.length) throw new Error(`unknown target(s) ${unknownTargets.join(", ")}; targets: ${ALL_TARGETS.join(", ")}`);
  const num = (name: string, fallback: number) => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
    return n;
  };
  return {
    phases,
    targets,
    runs: num("--runs", 5),
    pages: num("--pages", 300),
    timeoutMs: num("--timeout", 60) * 1000,
    operationId: value("--operation") ?? "pulls/get",
    port: num("--port", 3240),
  };
}
