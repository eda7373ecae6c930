// The account pages' server actions refuse cross-site, `null` and missing origins before anything
// runs (SEC-C2 (b)/(c) for server actions: Next.js alone lets a missing Origin through).
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const requestHeaders = { current: new Headers() };
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw new Error(`redirect ${to}`); } }));
const viewer = { current: { kind: "user", userId: "usr_x", isAdmin: false, orgIds: [] } as unknown };
vi.mock("@/lib/access/viewer", () => ({ getViewer: async () => viewer.current }));

const PORTAL = "http://portal.test";

describe("formAction", () => {
  beforeEach(() => {
    process.env.PORTAL_URL = PORTAL;
    viewer.current = { kind: "user", userId: "usr_x", isAdmin: false, orgIds: [] };
  });

  it.each([
    ["no Origin", {}],
    ["Origin: null", { origin: "null" }],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { origin: PORTAL, "sec-fetch-site": "cross-site" }],
  ])("refuses %s without running the action", async (_, h) => {
    const { formAction } = await import("./form-action");
    requestHeaders.current = new Headers(h as Record<string, string>);
    const fn = vi.fn(async () => ({ ok: "ran" }));
    await expect(formAction(fn)).resolves.toEqual({ error: "This form must be sent from the portal's own pages." });
    expect(fn).not.toHaveBeenCalled();
  });

  it("runs for the portal's own origin, and sends anonymous visitors to sign in", async () => {
    const { formAction } = await import("./form-action");
    requestHeaders.current = new Headers({ origin: PORTAL, "sec-fetch-site": "same-origin" });
    await expect(formAction(async ({ viewer: v }) => ({ ok: v.userId }))).resolves.toEqual({ ok: "usr_x" });
    viewer.current = { kind: "anonymous" };
    await expect(formAction(async () => ({ ok: "ran" }))).rejects.toThrow("redirect /signin");
  });
});
