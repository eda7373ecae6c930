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
});
