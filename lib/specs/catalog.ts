// Discovers what SPECS_DIR holds, without parsing any OpenAPI document:
//   specs/<api>/api.yaml                         optional metadata (api-meta.ts)
//   specs/<api>/<version>/openapi.{yaml,yml,json} one version (may $ref files beside it)
//   specs/<api>/openapi.{yaml,yml,json}           a single unversioned description ("current")
//   specs/<name>.{yaml,yml,json}                  a loose file: API <name>, one version
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { ApiMetaSchema, DEFAULT_VERSION_META, type ApiMeta, type VersionMeta } from "./api-meta";
import type { SpecProblem } from "./problems";
import { sortVersions } from "./version-order";

export interface DiscoveredVersion {
  id: string;
  /** Absolute path of the entry file. */
  entryFile: string;
  /** Absolute path of the folder whose files make up this version (hashed for caching). */
  rootDir: string;
  meta: VersionMeta;
}

export interface DiscoveredApi {
  id: string;
  dir: string;
  /** Metadata from api.yaml, or null when api.yaml is present but invalid (the API is then withheld). */
  meta: ApiMeta | null;
  hasMetaFile: boolean;
  versions: DiscoveredVersion[];
  problems: SpecProblem[];
}

export const ENTRY_NAMES = ["openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.yml", "swagger.json"];
const SPEC_EXT = /\.(ya?ml|json)$/i;
/** URL-safe ids: they become path segments under /apis. */
const ID = /^[a-z0-9][a-z0-9._-]{0,79}$/i;
export const UNVERSIONED = "current";
/** Names under /apis/<api>/ that are pages of the API, not versions (`changelog/` holds entries). */
const RESERVED_VERSIONS = ["diff"];

function rel(specsDir: string, file: string): string {
  return path.relative(specsDir, file).split(path.sep).join("/");
}

function catalogProblem(specsDir: string, file: string, message: string, severity: SpecProblem["severity"] = "error"): SpecProblem {
  return { file: rel(specsDir, file), line: 1, col: 1, severity, rule: "catalog", message };
}

function findEntry(dir: string): string | null {
  for (const name of ENTRY_NAMES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  // A folder with exactly one description file, whatever its name (e.g. api.github.com.json).
  const candidates = fs.readdirSync(dir).filter((n) => SPEC_EXT.test(n) && fs.statSync(path.join(dir, n)).isFile());
  return candidates.length === 1 ? path.join(dir, candidates[0]!) : null;
}

function readMeta(specsDir: string, file: string): { meta: ApiMeta | null; problems: SpecProblem[] } {
  try {
    const raw: unknown = parseYaml(fs.readFileSync(file, "utf8"), { maxAliasCount: 100 }) ?? {};
    const parsed = ApiMetaSchema.safeParse(raw);
    if (parsed.success) return { meta: parsed.data, problems: [] };
    return {
      meta: null,
      problems: parsed.error.issues.map((i) =>
        catalogProblem(specsDir, file, `${i.path.join(".") || "(root)"}: ${i.message}; API withheld until fixed`),
      ),
    };
  } catch (e) {
    const pos = e instanceof YAMLParseError ? e.linePos?.[0] : undefined;
    return {
      meta: null,
      problems: [
        {
          ...catalogProblem(specsDir, file, `invalid YAML: ${(e as Error).message.split("\n")[0]}; API withheld until fixed`),
          line: pos?.line ?? 1,
          col: pos?.col ?? 1,
          rule: "parse",
        },
      ],
    };
  }
}

function discoverApiDir(specsDir: string, id: string, dir: string): DiscoveredApi {
  const metaFile = path.join(dir, "api.yaml");
  const hasMetaFile = fs.existsSync(metaFile);
  const { meta, problems } = hasMetaFile ? readMeta(specsDir, metaFile) : { meta: ApiMetaSchema.parse({}), problems: [] };
  const versionMeta = (v: string) => meta?.versions[v] ?? DEFAULT_VERSION_META;
  const versions: DiscoveredVersion[] = [];

  const rootEntry = ENTRY_NAMES.map((n) => path.join(dir, n)).find((f) => fs.existsSync(f));
  if (rootEntry) {
    versions.push({ id: UNVERSIONED, entryFile: rootEntry, rootDir: dir, meta: versionMeta(UNVERSIONED) });
  }
  for (const name of fs.readdirSync(dir).sort()) {
    const vdir = path.join(dir, name);
    if (!fs.statSync(vdir).isDirectory() || name === "changelog" || name.startsWith(".")) continue;
    if (!ID.test(name)) {
      problems.push(catalogProblem(specsDir, vdir, `version folder name "${name}" is not URL-safe (letters, digits, . _ -)`));
      continue;
    }
    if (RESERVED_VERSIONS.includes(name)) {
      problems.push(catalogProblem(specsDir, vdir, `"${name}" cannot be a version: /apis/<api>/${name} is the API's ${name} page`));
      continue;
    }
    const entryFile = findEntry(vdir);
    if (!entryFile) {
      problems.push(catalogProblem(specsDir, vdir, `no openapi.yaml, openapi.yml or openapi.json in version folder "${name}"`));
      continue;
    }
    versions.push({ id: name, entryFile, rootDir: vdir, meta: versionMeta(name) });
  }
  for (const listed of Object.keys(meta?.versions ?? {})) {
    if (!versions.some((v) => v.id === listed)) {
      problems.push(catalogProblem(specsDir, metaFile, `versions.${listed} is listed but has no folder`, "warning"));
    }
  }
  if (versions.length === 0) problems.push(catalogProblem(specsDir, dir, "no API description found in this folder"));
  return { id, dir, meta, hasMetaFile, versions: sortVersions(versions, (v) => v.id), problems };
}

/** Every API in SPECS_DIR, sorted by id. Never throws for bad content: problems are returned. */
export function discoverApis(specsDir: string): { apis: DiscoveredApi[]; problems: SpecProblem[] } {
  if (!fs.existsSync(specsDir)) {
    return { apis: [], problems: [{ file: ".", line: 1, col: 1, severity: "error", rule: "catalog", message: `SPECS_DIR ${specsDir} does not exist` }] };
  }
  const apis: DiscoveredApi[] = [];
  const problems: SpecProblem[] = [];
  for (const name of fs.readdirSync(specsDir).sort()) {
    if (name.startsWith(".")) continue;
    const full = path.join(specsDir, name);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      if (!ID.test(name)) {
        problems.push(catalogProblem(specsDir, full, `API folder name "${name}" is not URL-safe (letters, digits, . _ -)`));
        continue;
      }
      apis.push(discoverApiDir(specsDir, name, full));
    } else if (stat.isFile() && SPEC_EXT.test(name)) {
      const id = name.replace(SPEC_EXT, "");
      if (!ID.test(id) || apis.some((a) => a.id === id)) {
        problems.push(catalogProblem(specsDir, full, `file name "${name}" does not give a unique URL-safe API id`));
        continue;
      }
      apis.push({
        id,
        dir: specsDir,
        meta: ApiMetaSchema.parse({}),
        hasMetaFile: false,
        versions: [{ id: UNVERSIONED, entryFile: full, rootDir: specsDir, meta: DEFAULT_VERSION_META }],
        problems: [],
      });
    }
  }
  return { apis, problems };
}
