import { describe, expect, it } from "vitest";
import { POLICY } from "./policy";
import { exportedMethods, listAppRoutes } from "./route-tree";

describe("authorization policy table (SEC-A2: deny by default)", () => {
  const routes = listAppRoutes();

  it("finds the app's pages and route handlers", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.find((r) => r.pattern === "/api/v1/apps/[appId]")?.methods).toEqual(["GET", "PATCH", "DELETE"]);
  });

  it("has an entry for every page and route handler, and none for routes that are gone", () => {
    const missing = routes.map((r) => r.pattern).filter((p) => !POLICY[p]);
    expect(missing, "routes without a policy entry in tests/authz/policy.ts").toEqual([]);
    const patterns = new Set(routes.map((r) => r.pattern));
    expect(Object.keys(POLICY).filter((p) => !patterns.has(p)), "policy entries without a route").toEqual([]);
  });

  it("names the object behind every id of a tenant route, and gives a body for each write", () => {
    for (const r of routes) {
      const entry = POLICY[r.pattern]!;
      if (entry.access !== "tenant") continue;
      const params = [...r.pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
      expect(Object.keys(entry.objects ?? {}).sort(), r.pattern).toEqual(params.sort());
      for (const m of r.methods) if (m === "POST" || m === "PATCH" || m === "PUT") expect(entry.bodies?.[m], `${m} ${r.pattern}`).toBeDefined();
    }
  });

  it("reads exported methods in every form the app uses", () => {
    expect(exportedMethods("export async function GET() {}\nexport const POST = handler(x);")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export { handle as GET, handle as POST, handle as HEAD };")).toEqual(["GET", "HEAD", "POST"]);
    expect(exportedMethods("export const dynamic = 'force-dynamic';")).toEqual([]);
  });
});
