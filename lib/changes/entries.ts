// Hand-written changelog entries: `specs/<api>/changelog/*.md`, each a Markdown body under YAML
// front matter:
//
//   ---
//   date: 2026-09-01
//   title: Weather API v2 is out
//   versions: [v2]                # or `version: v2`
//   severity: breaking            # optional: breaking | deprecation | non-breaking | documentation
//   kind: version-released        # optional, a rule id of your own
//   operations: [GET /alerts]     # optional, "METHOD /path"
//   ---
//   Markdown…
//
// Read at ingest (never by pages), validated with zod; an invalid entry is left out and reported
// as a problem (printed by `npm run specs:check`), never a crash. The front matter is split off by
// hand and parsed with `yaml`, the parser api.yaml already uses (alias limit, line numbers).
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { z } from "zod";
import { HTTP_METHODS } from "@/lib/specs/model";
import type { SpecProblem } from "@/lib/specs/problems";
import { SEVERITIES, type OperationRef, type Severity } from "./types";

/** One entry, whatever wrote it: a file in the specs folder now, an admin in the portal later. */
export interface ChangelogEntry {
  /** Stable within the API: "file:<name>" for files; used for anchors and feed ids. */
  id: string;
  source: "file" | "admin";
  date: string;
  title: string;
  versions: string[];
  severity: Severity | null;
  kind: string | null;
  operations: OperationRef[];
  /** Markdown (rendered with the spec-text renderer: no raw HTML, safe links only). */
  body: string;
}

/**
 * Where entries come from. `fileEntrySource` (store.ts) reads what ingest validated; the admin
 * area will add a source backed by the database, and the changelog merges all sources.
 */
export interface ChangelogEntrySource {
  readonly name: string;
  entries(apiId: string): Promise<ChangelogEntry[]>;
}

/** The entry's anchor on its changelog page: "entry-<file name>" or "entry-admin-<id>". */
export const entryAnchor = (e: Pick<ChangelogEntry, "id">): string => `entry-${e.id.replace(/^file:/, "").replace(/^admin:/, "admin-")}`;

const MAX_ENTRY_BYTES = 256 * 1024;
const FILE_NAME = /^[a-z0-9][a-z0-9._-]{0,79}\.md$/i;

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.iso.date({ message: "must be a date written YYYY-MM-DD" }));

const operation = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const m = /^([A-Za-z]+)\s+(\/\S*)$/.exec(v);
    const method = m?.[1]!.toLowerCase();
    if (!m || !HTTP_METHODS.includes(method as never)) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not written "METHOD /path"` });
      return z.NEVER;
    }
    return { method: method!, path: m[2]! };
  });

const versionId = z.string().trim().min(1).max(80);

const FrontMatter = z
  .object({
    date: isoDate,
    title: z.string().trim().min(1).max(200),
    version: versionId.optional(),
    versions: z.array(versionId).min(1).optional(),
    severity: z.enum(SEVERITIES).optional(),
    kind: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "must be lower-case words joined by -").optional(),
    operations: z.array(operation).max(100).optional(),
  })
  .strict()
  .refine((f) => (f.version === undefined) !== (f.versions === undefined), { message: "give exactly one of `version` or `versions`", path: ["versions"] });

/** Splits `---\n<yaml>\n---\n<body>`; null when the file does not start with front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!src.startsWith("---\n")) return null;
  const end = src.indexOf("\n---", 3);
  if (end < 0 || (src[end + 4] !== undefined && src[end + 4] !== "\n")) return null;
  const yaml = src.slice(4, end + 1);
  return { yaml, body: src.slice(end + 5).replace(/^\n+/, ""), bodyLine: yaml.split("\n").length + 2 };
}

export function parseEntry(fileName: string, text: string, knownVersions: readonly string[]): { entry?: ChangelogEntry; problems: Omit<SpecProblem, "file">[] } {
  const problem = (message: string, line = 1, col = 1) => ({ problems: [{ line, col, severity: "error" as const, rule: "changelog", message: `${message}; entry left out` }] });
  const parts = splitFrontMatter(text);
  if (!parts) return problem("no front matter: the file must start with a line `---`, the YAML fields, and another `---`");
  let raw: unknown;
  try {
    raw = parseYaml(parts.yaml, { maxAliasCount: 20 }) ?? {};
  } catch (e) {
    const pos = e instanceof YAMLParseError ? e.linePos?.[0] : undefined;
    return problem(`invalid YAML in the front matter: ${(e as Error).message.split("\n")[0]}`, (pos?.line ?? 0) + 1, pos?.col ?? 1);
  }
  const parsed = FrontMatter.safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => problem(`${i.path.join(".") || "front matter"}: ${i.message}`).problems[0]!) };
  }
  const f = parsed.data;
  const versions = f.versions ?? [f.version!];
  const unknown = versions.filter((v) => !knownVersions.includes(v));
  if (unknown.length) return problem(`versions: ${unknown.join(", ")} ${unknown.length === 1 ? "is not a version" : "are not versions"} of this API`);
  if (!parts.body.trim()) return problem("the entry has no text below the front matter", parts.bodyLine);
  return {
    entry: {
      id: `file:${fileName.replace(/\.md$/i, "")}`,
      source: "file",
      date: f.date,
      title: f.title,
      versions,
      severity: f.severity ?? null,
      kind: f.kind ?? null,
      operations: f.operations ?? [],
      body: parts.body,
    },
    problems: [],
  };
}

/** Every valid entry of `specs/<api>/changelog/`, newest first, and the problems of the others. */
export function readEntries(apiDir: string, specsDir: string, knownVersions: readonly string[]): { entries: ChangelogEntry[]; problems: SpecProblem[] } {
  const dir = path.join(apiDir, "changelog");
  const rel = (file: string) => path.relative(specsDir, file).split(path.sep).join("/");
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return { entries: [], problems: [] };
  const entries: ChangelogEntry[] = [];
  const problems: SpecProblem[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name.startsWith(".") || !fs.statSync(file).isFile()) continue;
    if (!name.toLowerCase().endsWith(".md")) {
      problems.push({ file: rel(file), line: 1, col: 1, severity: "warning", rule: "changelog", message: "not a .md file; ignored" });
      continue;
    }
    if (!FILE_NAME.test(name)) {
      problems.push({ file: rel(file), line: 1, col: 1, severity: "error", rule: "changelog", message: "file name must be URL-safe (letters, digits, . _ -); entry left out" });
      continue;
    }
    if (fs.statSync(file).size > MAX_ENTRY_BYTES) {
      problems.push({ file: rel(file), line: 1, col: 1, severity: "error", rule: "changelog", message: `larger than ${MAX_ENTRY_BYTES / 1024} KB; entry left out` });
      continue;
    }
    const out = parseEntry(name, fs.readFileSync(file, "utf8"), knownVersions);
    problems.push(...out.problems.map((p) => ({ ...p, file: rel(file) })));
    if (out.entry) entries.push(out.entry);
  }
  return { entries: entries.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)), problems };
}
