// Inputs of the benchmark, fetched once into .bench/ (git-ignored) and never into the app's
// node_modules: GitHub's REST description and the browser bundles of the peers it is compared
// with. Each package is fetched with `npm pack` at an exact version, its tarball checked against
// the pinned integrity, and unpacked as is: only the files a browser loads are needed, so none of
// the packages' dependencies or install scripts are installed (redoc 3 and Scalar also declare
// `engines.node >= 22`, which matters only to code that runs them in Node; we never do).
// To move to newer releases: change `version`, run once with the integrity set to "", paste the
// integrity it prints.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BenchOperation } from "./peers";

export interface PinnedPackage {
  /** Key used in results and file names. */
  id: string;
  name: string;
  version: string;
  /** sha512 integrity of the registry tarball (what `npm pack --json` reports). */
  integrity: string;
}

export const PACKAGES = {
  githubSpec: { id: "octokit-openapi", name: "@octokit/openapi", version: "23.0.2", integrity: "sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg==" },
  redoc3: { id: "redoc3", name: "redoc", version: "3.0.1", integrity: "sha512-KDfoKaYW19LCl4YStgBnwlaNjYEFfs5zCNt1s1WZ2YM5u8d26Yuzd2l43fZO851ZsgIMe/D640fDJkD8eaRQKQ==" },
  redoc2: { id: "redoc2", name: "redoc", version: "2.5.4", integrity: "sha512-M6jWhG1qoBnH6TFmzJnstyCZ87HmOY/UzDm78mHiYihEdlV/YcS9ogOo1NlElnJMeLsyxHFe2yFc4sNjHTrABQ==" },
  swaggerUi: { id: "swagger-ui", name: "swagger-ui-dist", version: "5.35.0", integrity: "sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ==" },
  scalar: { id: "scalar", name: "@scalar/api-reference", version: "1.72.1", integrity: "sha512-XpEJ0rfc/cXbCrR+iC4kK0o/WwX2dTtGQbT049OlPKAHD6IMIFdTeGz2r+M27P2EDWKyUITRm/NzlP8z2pw/Ow==" },
} satisfies Record<string, PinnedPackage>;

export const BENCH_DIR = path.resolve(".bench");
/** GitHub's description inside the @octokit/openapi package. */
const GITHUB_SPEC_FILE = "generated/api.github.com.json";

export interface Inputs {
  /** SPECS_DIR holding only GitHub's description, as a loose file: API "api.github.com", version "current". */
  specsDir: string;
  specFile: string;
  /** Unpacked package folder (the tarball's `package/`) by package id. */
  packageDir: (p: PinnedPackage) => string;
}

function packageDir(p: PinnedPackage): string {
  return path.join(BENCH_DIR, "packages", `${p.id}-${p.version}`);
}

function fetchPackage(p: PinnedPackage, log: (m: string) => void): void {
  const dir = packageDir(p);
  const done = path.join(dir, ".complete");
  if (fs.existsSync(done)) return;
  log(`fetching ${p.name}@${p.version}`);
  const tmp = path.join(BENCH_DIR, "tarballs");
  fs.mkdirSync(tmp, { recursive: true });
  const out = execFileSync("npm", ["pack", `${p.name}@${p.version}`, "--json", "--pack-destination", tmp], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const [packed] = JSON.parse(out) as { filename: string; integrity: string }[];
  if (!packed) throw new Error(`npm pack ${p.name}@${p.version} returned nothing`);
  if (packed.integrity !== p.integrity) {
    throw new Error(`${p.name}@${p.version}: integrity ${packed.integrity} does not match the pinned ${p.integrity || "(none)"}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // The tarball holds one folder, package/; strip it.
  execFileSync("tar", ["-xzf", path.join(tmp, packed.filename), "-C", dir, "--strip-components=1"]);
  fs.rmSync(path.join(tmp, packed.filename));
  fs.writeFileSync(done, `${p.name}@${p.version} ${p.integrity}\n`);
}

/** Fetches what is missing (a few seconds once, nothing later) and lays out the specs folder. */
export function prepareInputs(log: (m: string) => void): Inputs {
  for (const p of Object.values(PACKAGES)) fetchPackage(p, log);
  const specsDir = path.join(BENCH_DIR, "specs");
  const specFile = path.join(specsDir, "api.github.com.json");
  const source = path.join(packageDir(PACKAGES.githubSpec), GITHUB_SPEC_FILE);
  if (!fs.existsSync(specFile) || fs.statSync(specFile).size !== fs.statSync(source).size) {
    fs.rmSync(specsDir, { recursive: true, force: true });
    fs.mkdirSync(specsDir, { recursive: true });
    fs.copyFileSync(source, specFile);
  }
  return { specsDir, specFile, packageDir };
}

type SpecPaths = { paths: Record<string, Record<string, { operationId?: string; summary?: string; tags?: string[] }>> };
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** The operation as the spec writes it (the peers need its tag, path and summary), and the spec's operation count. */
export function readSpecFacts(specFile: string, operationId: string): { op: BenchOperation; operations: number } {
  const doc = JSON.parse(fs.readFileSync(specFile, "utf8")) as SpecPaths;
  let op: BenchOperation | undefined;
  let operations = 0;
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const [method, o] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      operations++;
      if (o.operationId === operationId && o.summary && o.tags?.[0]) op ??= { operationId, tag: o.tags[0], method, path: p, summary: o.summary };
    }
  }
  if (!op) throw new Error(`operationId ${operationId} (with a summary and a tag) not found in ${specFile}`);
  return { op, operations };
}
