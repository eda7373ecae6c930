import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/db";
import type { VersionReport } from "./ingest";
import { recordIngest } from "./record";

const db = testDb();
afterAll(() => db.$disconnect());

function report(apiId: string, version: string, contentHash: string, status: "ok" | "failed" = "ok"): VersionReport {
  return {
    apiId,
    version,
    status,
    fromCache: false,
    ms: 1,
    contentHash,
    problems: status === "failed" ? [{ file: "x", line: 1, col: 1, severity: "error", rule: "parse", message: "bad" }] : [],
    model: null,
  };
}

describe("recordIngest", () => {
  it("creates a row per version, keeps firstSeenAt and updates only what changed", async () => {
    const api = `test-${crypto.randomUUID().slice(0, 8)}`;
    await recordIngest(db, [report(api, "v1", "h1"), report(api, "v2", "h2")]);
    const first = await db.specVersion.findMany({ where: { apiId: api }, orderBy: { version: "asc" } });
    expect(first.map((r) => [r.version, r.contentHash])).toEqual([["v1", "h1"], ["v2", "h2"]]);

    await recordIngest(db, [report(api, "v1", "h1"), report(api, "v2", "h2b", "failed")]);
    const second = await db.specVersion.findMany({ where: { apiId: api }, orderBy: { version: "asc" } });
    expect(second[0]!.ingestedAt).toEqual(first[0]!.ingestedAt);
    expect(second[1]).toMatchObject({ contentHash: "h2b", status: "failed", errorCount: 1 });
    expect(second[1]!.firstSeenAt).toEqual(first[1]!.firstSeenAt);
  });

  it("is safe when several instances record the same versions at once", async () => {
    const api = `test-${crypto.randomUUID().slice(0, 8)}`;
    const versions = [report(api, "v1", "h1"), report(api, "v2", "h2")];
    await Promise.all([recordIngest(db, versions), recordIngest(db, versions), recordIngest(db, versions)]);
    expect(await db.specVersion.count({ where: { apiId: api } })).toBe(2);
  });
});
