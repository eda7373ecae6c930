import { describe, expect, it } from "vitest";
import { compareVersions, sortVersions } from "./version-order";

const sorted = (xs: string[]) => sortVersions(xs, (x) => x);

describe("compareVersions", () => {
  it("orders numbered versions numerically", () => {
    expect(sorted(["v10", "v2", "v1"])).toEqual(["v1", "v2", "v10"]);
    expect(sorted(["1.10", "1.9", "1.2.3"])).toEqual(["1.2.3", "1.9", "1.10"]);
  });
  it("orders date versions chronologically", () => {
    expect(sorted(["2023-01-05", "2022-11-28", "2022-12-01"])).toEqual([
      "2022-11-28",
      "2022-12-01",
      "2023-01-05",
    ]);
  });
  it("puts a pre-release before its release", () => {
    expect(sorted(["v2", "v2-beta", "v1"])).toEqual(["v1", "v2-beta", "v2"]);
    expect(sorted(["2.0.0", "2.0.0-rc.2", "2.0.0-rc.10"])).toEqual(["2.0.0-rc.2", "2.0.0-rc.10", "2.0.0"]);
  });
  it("is a total order on mixed names", () => {
    expect(compareVersions("ghes-3.9", "ghes-3.10")).toBeLessThan(0);
    expect(compareVersions("a", "a")).toBe(0);
  });
});
