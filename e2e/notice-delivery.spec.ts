// Issue 6 end to end: an admin publishes a deprecation notice, and with a real SMTP server and a
// real webhook receiver every subscriber and every affected app owner gets exactly one message:
// - a developer whose key called GET /alerts through the gateway check (usage recorded by the
//   verification endpoint), never subscribed: one email listing the calls, and one signed
//   webhook on the endpoint they registered (verified with the standardwebhooks library);
// - an anonymous email subscriber of the Weather API (double opt-in): one email; after a
//   one-click unsubscribe (RFC 8058 POST, no cookies) the next notice no longer reaches them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expect, test } from "./support/fixtures";
import { gatewayCredential, verifyKey } from "./support/gateway";
import { mailTo, waitForMail } from "./support/mailbox";
import { signInWithOidc } from "./support/sign-in";
import { enrolTotp } from "./support/totp";

async function json<T>(page: Page, method: "GET" | "POST", url: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(url, { method, data, headers: { origin: new URL(page.url()).origin } });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

test("publishing a notice reaches each subscriber and each calling app owner exactly once, by email and signed webhook", async ({ page, browser }, info) => {
  test.setTimeout(240_000);
  const stamp = `${info.project.name}-${Date.now()}`;
  const developer = `caller-${stamp}@portolan.test`;
  const subscriber = `reader-${stamp}@portolan.test`;
  const title = `Alerts list moves (${stamp})`;

  const hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      hooks.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.2", () => r()));
  try {
    // 1. A developer: app, key, webhook endpoint; the key calls GET /alerts three times.
    await signInWithOidc(page, developer);
    await expect(page).toHaveURL(/\/account$/);
    const app = await json<{ id: string }>(page, "POST", "/api/v1/apps", { name: `Alerts app ${stamp}` });
    await json(page, "POST", `/api/v1/apps/${app.id}/access`, { apiId: "weather" });
    const key = await json<{ id: string; secret: string }>(page, "POST", `/api/v1/apps/${app.id}/keys`, { name: "server", scopes: ["weather:read"] });
    await page.goto("/account/subscriptions");
    await page.getByLabel("URL").fill(`http://127.0.0.2:${(receiver.address() as AddressInfo).port}/hook`);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();

    const gateway = gatewayCredential(`notice-e2e-${stamp}`);
    for (let i = 0; i < 3; i++) expect((await verifyKey(page.request, gateway, key.secret, { api: "weather", method: "GET", path: "/v2/alerts" })).valid).toBe(true);
    // Usage is written in batches by the verification endpoint: wait until it is recorded.
    await expect
      .poll(async () => (await json<{ data: { operation: string; calls: number }[] }>(page, "GET", `/api/v1/apps/${app.id}/keys/${key.id}/usage?days=1`)).data.find((d) => d.operation === "GET /alerts")?.calls ?? 0, { timeout: 20_000 })
      .toBe(3);

    // 2. A reader subscribes to the Weather API by email (double opt-in), no account.
    const reader = await browser.newPage();
    await reader.goto("/subscribe?api=weather");
    await reader.getByLabel("Email address").fill(subscriber);
    await reader.getByRole("button", { name: "Subscribe" }).click();
    await expect(reader.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const confirm = /https?:\/\/\S+\/subscribe\/confirm\/[A-Za-z0-9_-]+/.exec((await waitForMail(subscriber)).text)![0];
    await reader.goto(confirm);
    await reader.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(reader.getByRole("heading", { name: "Subscription confirmed" })).toBeVisible();
    await reader.close();

    // 3. An admin publishes a notice for v2 GET /alerts.
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await signInWithOidc(adminPage, `delivery-admin-${info.project.name}@portolan.test`);
    await expect(adminPage).toHaveURL(/\/account$/);
    await enrolTotp(adminPage); // publishing needs a fresh second factor
    const publish = async (noticeTitle: string) => {
      await adminPage.goto("/admin/notices");
      await adminPage.getByLabel("API").selectOption("weather");
      await adminPage.getByLabel("Title").fill(noticeTitle);
      await adminPage.getByRole("button", { name: "Create draft" }).click();
      await expect(adminPage.getByRole("status")).toHaveText("Draft created.");
      await adminPage.getByLabel("Sunset on").fill("2027-09-30");
      await adminPage.getByLabel("Migration guide (Markdown)").fill("Subscribe to alert webhooks instead.");
      await adminPage.locator("summary", { hasText: "v2" }).click();
      await adminPage.getByRole("checkbox", { name: "GET /alerts", exact: true }).check();
      await adminPage.getByRole("button", { name: "Save" }).click();
      await expect(adminPage.getByRole("status")).toHaveText("Saved.");
      await adminPage.getByRole("button", { name: "Publish now" }).click();
      await expect(adminPage.getByRole("status")).toHaveText("Published.");
    };
    await publish(title);

    // 4. Exactly one message each.
    const subject = `Deprecation: ${title} (sunset 2027-09-30)`;
    const notices = (address: string) => mailTo(address).filter((m) => m.subject === subject);
    await expect.poll(() => notices(developer).length, { timeout: 60_000 }).toBe(1);
    await expect.poll(() => notices(subscriber).length, { timeout: 30_000 }).toBe(1);
    const toDeveloper = notices(developer)[0]!;
    expect(toDeveloper.text).toContain(`Alerts app ${stamp}`);
    expect(toDeveloper.text).toMatch(/v2 GET \/alerts — 3 calls/);
    expect(toDeveloper.text).toContain("Subscribe to alert webhooks instead.");
    expect(toDeveloper.headerLines["list-unsubscribe-post"]).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(notices(subscriber)[0]!.text).not.toContain("calls");

    const ours = () => hooks.filter((h) => h.body.includes(title));
    await expect.poll(() => ours().length, { timeout: 30_000 }).toBe(1);
    const event = new Webhook(secret).verify(ours()[0]!.body, ours()[0]!.headers as Record<string, string>) as { type: string; data: { title: string; operations: string[]; sunsetAt: string } };
    expect(event.type).toBe("deprecation.published");
    expect(event.data).toMatchObject({ title, operations: ["v2 GET /alerts"], sunsetAt: "2027-09-30" });

    // Nothing arrives twice (the workers poll every 2 s: give them several rounds).
    await page.waitForTimeout(6_000);
    expect([notices(developer).length, notices(subscriber).length, ours().length]).toEqual([1, 1, 1]);

    // 5. The subscriber leaves with one click as a mail client does (RFC 8058: a POST to the
    // List-Unsubscribe URL, no cookies). The next notice still reaches the calling developer,
    // and no longer the subscriber.
    const unsubscribeUrl = /<(https?:[^>]+)>/.exec(notices(subscriber)[0]!.headerLines["list-unsubscribe"] ?? "")![1]!;
    const mailClient = await playwrightRequest.newContext();
    const left = await mailClient.post(unsubscribeUrl, { form: { "List-Unsubscribe": "One-Click" } });
    expect(left.status(), await left.text()).toBeLessThan(300);
    await mailClient.dispose();
    const second = `Alerts paging changes (${stamp})`;
    await publish(second);
    const secondTo = (address: string) => mailTo(address).filter((m) => m.subject === `Deprecation: ${second} (sunset 2027-09-30)`);
    await expect.poll(() => secondTo(developer).length, { timeout: 60_000 }).toBe(1);
    await page.waitForTimeout(6_000);
    expect(secondTo(subscriber)).toHaveLength(0);
    await admin.close();
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});
