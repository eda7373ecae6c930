import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has working defaults for a fresh machine (embedded database, ./specs, port 3000)", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: undefined, specsDir: path.resolve("specs"), dataDir: path.resolve(".data"), portalUrl: "http://localhost:3000" });
  });

  it("names every bad variable and never echoes a database password", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://root:hunter2@db/x", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect((error as EnvError).issues.map((i) => i.variable).sort()).toEqual(["DATABASE_URL", "LOG_LEVEL", "PORT"]);
    expect(message).toMatch(/PORT: /);
    expect(message).not.toContain("hunter2");
  });

  it("treats empty values as unset and trims a trailing slash from PORTAL_URL", () => {
    expect(parseEnv({ DATABASE_URL: "", PORTAL_URL: "https://dev.example.com/" })).toMatchObject({ DATABASE_URL: undefined, portalUrl: "https://dev.example.com" });
  });
});
