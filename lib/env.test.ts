import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const SECRET = "0123456789abcdef0123456789abcdef";

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
    expect(parseEnv({ DATABASE_URL: "", PORTAL_URL: "https://dev.example.com/", NEXTAUTH_SECRET: SECRET })).toMatchObject({ DATABASE_URL: undefined, portalUrl: "https://dev.example.com" });
  });

  it("needs NEXTAUTH_SECRET when the portal is served over https, and not on a local http install", () => {
    expect(() => parseEnv({ PORTAL_URL: "https://dev.example.com" })).toThrow(/NEXTAUTH_SECRET: required when PORTAL_URL is https/);
    expect(() => parseEnv({ PORTAL_URL: "https://dev.example.com", NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
    expect(parseEnv({}).NEXTAUTH_SECRET).toBeUndefined();
  });

  it("checks sign-in settings that only work together", () => {
    const issues = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return [];
      } catch (e) {
        return (e as EnvError).issues.map((i) => i.variable).sort();
      }
    };
    expect(issues({ GITHUB_ID: "x" })).toEqual(["GITHUB_SECRET"]);
    expect(issues({ OIDC_ISSUER: "https://sso.example.com" })).toEqual(["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]);
    expect(issues({ SMTP_URL: "smtp://127.0.0.1:2525" })).toEqual(["MAIL_FROM"]);
    expect(issues({ SMTP_URL: "http://mail" , MAIL_FROM: "a@b.test" })).toEqual(["SMTP_URL"]);
    expect(issues({ ADMIN_EMAILS: "ok@example.com, \"x\"@example.com" })).toEqual(["ADMIN_EMAILS"]);
    expect(parseEnv({ ADMIN_EMAILS: " Admin@Example.com ,b@example.org" }).adminEmails).toEqual(["admin@example.com", "b@example.org"]);
  });
});
