import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./same-origin";

const PORTAL = "https://portal.example.com";
const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

describe("checkSameOrigin", () => {
  it("accepts a same-origin POST", () => {
    expect(checkSameOrigin(req("POST", { origin: PORTAL, "sec-fetch-site": "same-origin" }), PORTAL)).toEqual({ ok: true });
    // Older browsers send Origin without Sec-Fetch-Site.
    expect(checkSameOrigin(req("POST", { origin: PORTAL }), PORTAL)).toEqual({ ok: true });
  });

  it("refuses missing, null and foreign origins on every state-changing method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(checkSameOrigin(req(method, {}), PORTAL)).toEqual({ ok: false, reason: "missing-origin" });
      expect(checkSameOrigin(req(method, { origin: "null" }), PORTAL)).toEqual({ ok: false, reason: "null-origin" });
      expect(checkSameOrigin(req(method, { origin: "https://evil.example" }), PORTAL)).toEqual({ ok: false, reason: "foreign-origin" });
      // Look-alikes: another port, scheme or a suffix are other origins.
      for (const origin of ["https://portal.example.com:8443", "http://portal.example.com", "https://portal.example.com.evil.example"]) {
        expect(checkSameOrigin(req(method, { origin }), PORTAL).ok, origin).toBe(false);
      }
    }
  });

  it("refuses a request the browser marks cross-site or same-site, even with a matching Origin", () => {
    expect(checkSameOrigin(req("POST", { origin: PORTAL, "sec-fetch-site": "cross-site" }), PORTAL)).toEqual({ ok: false, reason: "cross-site" });
    expect(checkSameOrigin(req("POST", { origin: PORTAL, "sec-fetch-site": "same-site" }), PORTAL)).toEqual({ ok: false, reason: "cross-site" });
  });

  it("lets safe methods through (they change nothing)", () => {
    expect(checkSameOrigin(req("GET", { origin: "https://evil.example" }), PORTAL)).toEqual({ ok: true });
    expect(checkSameOrigin(req("HEAD", {}), PORTAL)).toEqual({ ok: true });
  });
});
