// `npm start` builds only when the sources changed since the last build: a hash of every build
// input is kept beside the build output. Specs are not build inputs: they are ingested at start.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUT_DIRS = ["app", "components", "lib", "public"];
const INPUT_FILES = ["next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma", "proxy.ts", "server/page-cache.cjs"];
const SKIP = /(^|\/)(generated|node_modules)(\/|$)|\.test\.tsx?$/;
const STAMP = path.join(".next", "portolan-build-hash");

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (SKIP.test(p)) continue;
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

export function buildInputsHash(): string {
  const files: string[] = [];
  for (const d of INPUT_DIRS) walk(d, files);
  for (const f of INPUT_FILES) if (fs.existsSync(f)) files.push(f);
  const h = crypto.createHash("sha256");
  for (const f of files.sort()) h.update(f).update("\0").update(fs.readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function isBuildCurrent(): boolean {
  if (!fs.existsSync(path.join(".next", "BUILD_ID")) || !fs.existsSync(STAMP)) return false;
  return fs.readFileSync(STAMP, "utf8").trim() === buildInputsHash();
}

export function runNext(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(path.resolve("node_modules", ".bin", "next"), args, { env, stdio: "inherit" });
}

/**
 * Runs `next build` whether or not the build is current, and records the inputs' hash so the next
 * `npm start` does not build again. `stdio` "pipe" returns the output instead of printing it.
 */
export async function build(env: NodeJS.ProcessEnv, stdio: "inherit" | "pipe" = "inherit"): Promise<string> {
  const hash = buildInputsHash();
  const child = spawn(path.resolve("node_modules", ".bin", "next"), ["build"], { env, stdio: ["ignore", stdio, stdio] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code})${output ? `\n${output.slice(-4000)}` : ""}`);
  fs.writeFileSync(STAMP, hash);
  return output;
}

export async function buildIfNeeded(env: NodeJS.ProcessEnv, log: (msg: string) => void): Promise<void> {
  if (isBuildCurrent()) {
    log("build is current; skipping next build");
    return;
  }
  log("building the portal (next build)…");
  await build(env);
}
