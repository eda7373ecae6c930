// Every page and route handler of the app, read from the `app/` tree: the list the authorization
// tests (SEC-A1/A2) walk, so a new route without a policy entry fails them.
import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface AppRoute {
  /** `/api/v1/apps/[appId]`: the URL pattern, route groups removed. */
  pattern: string;
  kind: "page" | "route";
  /** Methods a route handler exports (pages: GET). */
  methods: HttpMethod[];
  file: string;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** Methods a route.ts exports: `export function GET`, `export const POST =`, `export { x as GET }`. */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(m[1] as HttpMethod);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()!.trim();
      found.add(name as HttpMethod);
    }
  }
  return HTTP_METHODS.filter((x) => found.has(x));
}

export function listAppRoutes(appDir = path.resolve("app")): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const file of walk(appDir)) {
    const base = path.basename(file);
    const kind = /^page\.(tsx|ts|jsx|js)$/.test(base) ? "page" : /^route\.(ts|js)$/.test(base) ? "route" : null;
    if (!kind) continue;
    const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    const pattern = `/${segments.join("/")}`;
    const methods = kind === "page" ? (["GET"] as HttpMethod[]) : exportedMethods(fs.readFileSync(file, "utf8"));
    routes.push({ pattern, kind, methods, file: path.relative(process.cwd(), file) });
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
