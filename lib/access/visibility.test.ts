import { describe, expect, it } from "vitest";
import type { CatalogApi } from "@/lib/specs/model";
import { canViewApi, visibleApis } from "./visibility";

const api = (id: string, visibility: CatalogApi["visibility"]): CatalogApi => ({
  id,
  name: id,
  summary: null,
  visibility,
  owners: [],
  versions: [],
  latestVersion: null,
  catalogErrorCount: 0,
});

describe("visibility", () => {
  const apis = [api("pub", "public"), api("par", "partner"), api("int", "internal"), api("bad", null)];

  it("shows anonymous visitors public APIs only", () => {
    expect(visibleApis({ kind: "anonymous" }, apis).map((a) => a.id)).toEqual(["pub"]);
  });
  it("does not widen access for a signed-in developer without grants", () => {
    expect(visibleApis({ kind: "user", userId: "u", isAdmin: false, orgIds: ["o"] }, apis).map((a) => a.id)).toEqual(["pub"]);
  });
  it("lets portal admins see everything, including withheld APIs", () => {
    expect(apis.every((a) => canViewApi({ kind: "user", userId: "a", isAdmin: true, orgIds: [] }, a))).toBe(true);
  });
  it("opens partner APIs to grant holders and internal ones to the internal organization", () => {
    const user = (access: { apis: string[]; internal: boolean }) => ({ kind: "user" as const, userId: "u", isAdmin: false, orgIds: [], access });
    expect(visibleApis(user({ apis: ["par"], internal: false }), apis).map((a) => a.id)).toEqual(["pub", "par"]);
    expect(visibleApis(user({ apis: [], internal: true }), apis).map((a) => a.id)).toEqual(["pub", "int"]);
    expect(visibleApis(user({ apis: ["int", "bad"], internal: false }), apis).map((a) => a.id)).toEqual(["pub", "int"]);
  });
});
