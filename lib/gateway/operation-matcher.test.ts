import { describe, expect, it } from "vitest";
import type { OperationSummary, VersionModel } from "@/lib/specs/model";
import { createOperationMatcher } from "./operation-matcher";

const op = (method: OperationSummary["method"], path: string): OperationSummary => ({
  slug: `${method}-${path}`,
  method,
  path,
  operationId: null,
  title: "",
  tags: [],
  deprecated: false,
  sunset: null,
});
const model = {
  servers: [{ url: "https://api.example.com/v2", description: null }, { url: "{scheme}://x/{base}", description: null }],
  operations: [
    op("get", "/forecast"),
    op("get", "/forecast/{city}"),
    op("get", "/forecast/today"),
    op("get", "/repos/{owner}/{repo}/pulls/{pull_number}"),
    op("post", "/repos/{owner}/{repo}/pulls"),
    op("get", "/files/{name}.{ext}"),
    op("get", "/"),
  ],
} as unknown as VersionModel;
const match = createOperationMatcher(model);

describe("createOperationMatcher", () => {
  it("matches templates, preferring literal segments", () => {
    expect(match("GET", "/forecast/paris")?.path).toBe("/forecast/{city}");
    expect(match("GET", "/forecast/today")?.path).toBe("/forecast/today");
    expect(match("get", "/forecast")?.path).toBe("/forecast");
    expect(match("GET", "/repos/octo/cat/pulls/42")?.path).toBe("/repos/{owner}/{repo}/pulls/{pull_number}");
    expect(match("POST", "/repos/octo/cat/pulls")?.path).toBe("/repos/{owner}/{repo}/pulls");
    expect(match("GET", "/files/report.pdf")?.path).toBe("/files/{name}.{ext}");
    expect(match("GET", "/")?.path).toBe("/");
  });

  it("ignores query strings and fragments, and strips the server's base path", () => {
    expect(match("GET", "/forecast/paris?units=metric#x")?.path).toBe("/forecast/{city}");
    expect(match("GET", "/v2/forecast/paris")?.path).toBe("/forecast/{city}");
  });

  it("answers null for unknown methods, paths and malformed encodings", () => {
    expect(match("DELETE", "/forecast")).toBeNull();
    expect(match("GET", "/nope")).toBeNull();
    expect(match("GET", "/forecast/a/b")).toBeNull();
    expect(match("GET", "/forecast/%E0%A4%A")).toBeNull();
    expect(match("GET", "/forecast/a%2Fb")?.path).toBe("/forecast/{city}");
  });
});
