// SEC-G5: installed versions at or above the fixes of advisories that touch what Portolan uses,
// and a lockfile whose every package is pinned by integrity to the npm registry. `npm audit`
// cannot reach an advisory database from these machines (the registry answers 405), so the
// floors the portal depends on are kept here, with the advisory that set each.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FLOORS: { name: string; min: string; why: string }[] = [
  { name: "next", min: "15.2.3", why: "CVE-2025-29927: middleware bypass with x-middleware-subrequest" },
  { name: "next-auth", min: "4.24.12", why: "email sign-in: a crafted address could receive another user's link (SECURITY.md SEC-C4)" },
  { name: "nodemailer", min: "7.0.7", why: "address parsing could send mail to an unintended domain (SECURITY.md SEC-C4)" },
  { name: "react", min: "19.2.1", why: "CVE-2025-55182: React Server Components remote code execution" },
  { name: "react-dom", min: "19.2.1", why: "same release line as react" },
];

function installed(name: string): string {
  return JSON.parse(fs.readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")).version as string;
}

function atLeast(version: string, min: string): boolean {
  const a = version.split(/[.-]/).slice(0, 3).map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  return true;
}

describe("dependency floors (SEC-G5)", () => {
  for (const f of FLOORS) {
    it(`${f.name} ≥ ${f.min} (${f.why})`, () => {
      expect(atLeast(installed(f.name), f.min), `${f.name} ${installed(f.name)}`).toBe(true);
    });
  }

  it("compares versions numerically", () => {
    expect(atLeast("16.4.6", "15.2.3")).toBe(true);
    expect(atLeast("15.2.2", "15.2.3")).toBe(false);
    expect(atLeast("4.24.15", "4.24.12")).toBe(true);
    expect(atLeast("7.0.10", "7.0.7")).toBe(true);
  });

  it("the lockfile pins every package by sha512 integrity, from the npm registry over https only", () => {
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as { lockfileVersion: number; packages: Record<string, { link?: boolean; inBundle?: boolean; resolved?: string; integrity?: string }> };
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    const problems = Object.entries(lock.packages)
      // Bundled packages ship inside their parent's tarball, which its integrity covers.
      .filter(([key, p]) => key !== "" && !p.link && !p.inBundle)
      .flatMap(([key, p]) => [
        ...(p.integrity?.startsWith("sha512-") ? [] : [`${key}: no sha512 integrity`]),
        ...(p.resolved === undefined || p.resolved.startsWith("https://registry.npmjs.org/") ? [] : [`${key}: resolved from ${p.resolved}`]),
      ]);
    expect(problems).toEqual([]);
  });
});
