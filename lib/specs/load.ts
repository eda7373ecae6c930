// The only importer of @redocly/openapi-core: bundles one description (resolving $refs across
// files) and lints it with the repo's ruleset (redocly.yaml). Lint findings are advice; only a
// document that cannot be parsed or resolved fails to load.
//
// Runs in a child process with a time and heap limit (ingest-runner.ts), because a hostile or
// pathological document (YAML "billion laughs") can keep the parser busy for minutes.
import fs from "node:fs";
import path from "node:path";
import {
  BaseResolver,
  bundle,
  getLineColLocation,
  lint,
  loadConfig,
  type NormalizedProblem,
  Source,
} from "@redocly/openapi-core";
import type { SpecProblem } from "./problems";

export const MAX_SPEC_FILE_BYTES = 64 * 1024 * 1024;
const NOT_A_DESCRIPTION = "not an OpenAPI or Swagger document (expected a YAML or JSON object at the top level)";

/**
 * Resolves $refs only to files inside `rootDir`: no http(s) fetches (a spec must not make the
 * portal call out to the network, least of all to private addresses) and no `../../etc/passwd`.
 */
export class ConfinedResolver extends BaseResolver {
  private readonly root: string;

  constructor(rootDir: string) {
    super({ http: { headers: [] } });
    this.root = fs.realpathSync(rootDir);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef)) {
      throw new Error(`remote $ref not allowed (${absoluteRef.split("?")[0]}); keep referenced files inside the spec folder`);
    }
    let real: string;
    try {
      real = fs.realpathSync(absoluteRef);
    } catch {
      throw new Error(`referenced file not found: ${path.basename(absoluteRef)}`);
    }
    if (real !== this.root && !real.startsWith(this.root + path.sep)) {
      throw new Error(`$ref points outside the spec folder: ${path.basename(absoluteRef)}`);
    }
    const size = fs.statSync(real).size;
    if (size > MAX_SPEC_FILE_BYTES) {
      throw new Error(`file is ${Math.round(size / 1048576)} MB; the limit is ${MAX_SPEC_FILE_BYTES / 1048576} MB`);
    }
    return super.loadExternalRef(absoluteRef);
  }
}

export interface LoadedSpec {
  /** The bundled document: one object, internal `#/…` $refs only. null when loading failed. */
  document: Record<string, unknown> | null;
  problems: SpecProblem[];
  /** Absolute paths of every file the description is made of. */
  files: string[];
}

const configCache = new Map<string, ReturnType<typeof loadConfig>>();

function rulesetConfig(configPath: string) {
  let config = configCache.get(configPath);
  if (!config) {
    config = loadConfig({ configPath });
    configCache.set(configPath, config);
  }
  return config;
}

function toProblem(p: NormalizedProblem, specsDir: string, severityOverride?: "error"): SpecProblem {
  const loc = p.location[0];
  let file = "?";
  let line = 1;
  let col = 1;
  if (loc) {
    file = path.relative(specsDir, loc.source.absoluteRef).split(path.sep).join("/");
    try {
      const lc = getLineColLocation(loc);
      line = lc.start.line;
      col = lc.start.col;
    } catch {
      // Location could not be mapped back to text (e.g. generated node): keep 1:1.
    }
  }
  return {
    file,
    line,
    col,
    severity: severityOverride ?? (p.severity === "error" ? "error" : "warning"),
    rule: p.ruleId,
    message: p.message,
  };
}

/**
 * Loads one description. Never throws for bad content: parse and resolve failures come back as
 * problems with `document: null`.
 */
export async function loadSpec(opts: {
  entryFile: string;
  rootDir: string;
  specsDir: string;
  rulesetPath: string;
}): Promise<LoadedSpec> {
  const { entryFile, rootDir, specsDir } = opts;
  const config = await rulesetConfig(opts.rulesetPath);
  const resolver = new ConfinedResolver(rootDir);
  const relEntry = path.relative(specsDir, entryFile).split(path.sep).join("/");

  let bundled;
  try {
    bundled = await bundle({ ref: entryFile, config, externalRefResolver: resolver, dereference: false });
  } catch (e) {
    // YamlParseError carries source, line and col; ResolveError only a message.
    const err = e as Error & { source?: Source; line?: number; col?: number };
    const isYaml = err.constructor?.name === "YamlParseError" || typeof err.line === "number";
    // openapi-core's words for a list or scalar at the top level ("got object") mislead.
    const message = /^Document must be JSON object/.test(err.message ?? "") ? NOT_A_DESCRIPTION : (err.message || String(e));
    return {
      document: null,
      files: [entryFile],
      problems: [
        {
          file: err.source ? path.relative(specsDir, err.source.absoluteRef).split(path.sep).join("/") : relEntry,
          line: err.line ?? 1,
          col: err.col ?? 1,
          severity: "error",
          rule: isYaml ? "parse" : "resolve",
          message: message.split("\n")[0]!.replace(/ in "[^"]*"/, "").slice(0, 500),
        },
      ],
    };
  }

  const parsed = bundled.bundle.parsed as unknown;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return {
      document: null,
      files: [entryFile],
      problems: [{ file: relEntry, line: 1, col: 1, severity: "error", rule: "parse", message: NOT_A_DESCRIPTION }],
    };
  }
  const doc = parsed as Record<string, unknown>;
  if (typeof doc.openapi !== "string" && doc.swagger !== "2.0") {
    return {
      document: null,
      files: [entryFile],
      problems: [{ file: relEntry, line: 1, col: 1, severity: "error", rule: "parse", message: 'missing "openapi: 3.x" or "swagger: \"2.0\"" at the top level' }],
    };
  }

  // Unresolvable $refs are reported by the bundler; they are errors (the reader would see holes).
  const problems = bundled.problems.map((p) => toProblem(p, specsDir, p.ruleId === "no-unresolved-refs" ? "error" : undefined));
  let lintProblems: NormalizedProblem[] = [];
  try {
    // A resolver of its own: the bundler's cache holds the joined document, and lint would then
    // place problems of a $ref'd file at the $ref in the entry file.
    lintProblems = await lint({ ref: entryFile, config, externalRefResolver: new ConfinedResolver(rootDir) });
  } catch (e) {
    // The document bundled, so it stays readable; the linter's failure is reported, not fatal.
    problems.push({ file: relEntry, line: 1, col: 1, severity: "error", rule: "lint", message: `linter failed: ${(e as Error).message.split("\n")[0]}` });
  }
  const seen = new Set(problems.map((p) => `${p.file}:${p.line}:${p.col}:${p.rule}`));
  for (const p of lintProblems) {
    const sp = toProblem(p, specsDir);
    const key = `${sp.file}:${sp.line}:${sp.col}:${sp.rule}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(sp);
    }
  }
  return { document: doc, problems, files: [...resolver.getFiles()].filter((f) => !/^[a-z]+:\/\//i.test(f)) };
}
