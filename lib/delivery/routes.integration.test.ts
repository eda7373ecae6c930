// The RFC 8058 endpoint and the confirm endpoint, called as route handlers on the real database
// (SEC-F1): POST One-Click with no cookies and no Origin unsubscribes; GET changes nothing and
// points at the page with the button; a tampered token gets the same answer and changes nothing.
// The confirm endpoint refuses cross-site POSTs and spends a token once.
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { testDb } from "@/tests/db";
import { deliveryId } from "./ids";
import { hashToken, newConfirmToken, unsubscribeToken } from "./tokens";

vi.mock("server-only", () => ({}));

const SECRET = "routes-test-server-secret-0123456789abcdef";
const PORTAL = "http://portal.test";
const db = testDb();
const email = `route-${Date.now()}@example.test`;
type Unsub = typeof import("@/app/api/unsubscribe/[token]/route");
type Confirm = typeof import("@/app/api/subscriptions/confirm/route");
let unsub: Unsub;
let confirm: Confirm;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.PORTAL_URL = PORTAL;
  process.env.NEXTAUTH_SECRET = SECRET;
  unsub = await import("@/app/api/unsubscribe/[token]/route");
  confirm = await import("@/app/api/subscriptions/confirm/route");
  await db.emailSubscription.create({ data: { id: deliveryId("sub"), email, api: "weather", severity: "all", status: "confirmed" } });
});

const status = async () => (await db.emailSubscription.findUniqueOrThrow({ where: { email_api: { email, api: "weather" } } })).status;
const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const oneClick = (token: string) =>
  new Request(`${PORTAL}/api/unsubscribe/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });

describe("POST/GET /api/unsubscribe/<token>", () => {
  it("GET redirects to the page with the button and changes nothing", async () => {
    const token = unsubscribeToken(SECRET, email, "weather");
    const res = await unsub.GET(new Request(`${PORTAL}/api/unsubscribe/${token}`) as never, ctx(token));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${PORTAL}/unsubscribe/${token}`);
    expect(await status()).toBe("confirmed");
  });

  it("a tampered token gets the same answer and changes nothing; the real one unsubscribes", async () => {
    const token = unsubscribeToken(SECRET, email, "weather");
    const bad = await unsub.POST(oneClick(`${token.slice(0, -3)}xyz`) as never, ctx(`${token.slice(0, -3)}xyz`));
    const good = await unsub.POST(oneClick(token) as never, ctx(token));
    expect([bad.status, await bad.text(), bad.headers.get("content-type")]).toEqual([good.status, await good.clone().text(), good.headers.get("content-type")]);
    expect(good.status).toBe(200);
    expect(await status()).toBe("unsubscribed");
  });
});

describe("POST /api/subscriptions/confirm", () => {
  it("refuses a cross-site POST, spends a token once from our own page", async () => {
    const { token, hash } = newConfirmToken();
    const other = `confirm-${Date.now()}@example.test`;
    await db.emailSubscription.create({ data: { id: deliveryId("sub"), email: other, api: "*", severity: "breaking", status: "pending", confirmTokenHash: hash, confirmExpiresAt: new Date(Date.now() + 3600_000) } });
    const post = (origin: string) =>
      new Request(`${PORTAL}/api/subscriptions/confirm`, { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token }).toString() });
    expect((await confirm.POST(post("https://evil.example") as never)).status).toBe(403);
    const first = await confirm.POST(post(PORTAL) as never);
    expect(first.headers.get("location")).toBe(`${PORTAL}/subscribe/done?result=confirmed`);
    const second = await confirm.POST(post(PORTAL) as never);
    expect(second.headers.get("location")).toBe(`${PORTAL}/subscribe/done?result=invalid`);
    expect(await db.emailSubscription.findFirst({ where: { confirmTokenHash: hashToken(token) } })).toBeNull();
  });
});
