// Email subscriptions end to end, against `npm start` with a real SMTP server: subscribe from an
// API's changelog page, confirm by the page's POST button (the GET of the link changes nothing),
// a notice enqueued through the delivery library (lib/delivery/outbox.ts, from a child process on
// the portal's database, as the notice publisher will) arrives with RFC 8058 headers, and the
// mail client's one-click POST (no cookies) unsubscribes. Then webhooks from /account/subscriptions.
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { request as apiRequest } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { Webhook } from "standardwebhooks";
import { waitForMail } from "./support/mailbox";
import { signInWithOidc } from "./support/sign-in";

const DATA_DIR = ".test-output/e2e-data";

function cli(...args: string[]): unknown {
  const out = execFileSync("npx", ["tsx", "e2e/support/delivery-cli.ts", DATA_DIR, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(out);
}

test("subscribe by email, confirm by POST, receive a notice, one-click unsubscribe", async ({ page, baseURL }, info) => {
  test.setTimeout(90_000);
  const email = `subscriber-${info.project.name}-${Date.now()}@portolan.test`;

  await page.goto("/apis/weather/changelog");
  await page.getByRole("link", { name: "Email", exact: true }).click();
  await expect(page).toHaveURL(/\/subscribe\?api=weather$/);
  await expect(page.getByLabel("API")).toHaveValue("weather");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Breaking changes and deprecations only").check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // A second request for the same address within 24 h: refused with 429, no second mail.
  await page.goto("/subscribe?api=weather");
  await page.getByLabel("Email address").fill(email);
  const [second] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/subscriptions")), page.getByRole("button", { name: "Subscribe" }).click()]);
  expect(second.status()).toBe(429);
  await expect(page.getByRole("heading", { name: "Too many requests" })).toBeVisible();

  const confirmation = await waitForMail(email);
  const link = /https?:\/\/\S+\/subscribe\/confirm\/[A-Za-z0-9_-]+/.exec(confirmation.text)?.[0];
  expect(link).toBeTruthy();
  // Opening the link (what a mail scanner does) confirms nothing.
  await page.goto(link!);
  expect((cli("recipients", "weather") as { emails: { email: string }[] }).emails.map((e) => e.email)).not.toContain(email);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { name: "Subscription confirmed" })).toBeVisible();
  expect((cli("recipients", "weather") as { emails: { email: string }[] }).emails.map((e) => e.email)).toContain(email);
  // The link works once.
  await page.goto(link!);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();

  // A notice through the outbox → the worker in the portal sends it.
  expect((cli("enqueue-email", email, "weather") as { queued: string[] }).queued).toHaveLength(1);
  const notice = await waitForMail(email, 2, 30_000);
  expect(notice.subject).toContain("Deprecation");
  expect(notice.headerLines["message-id"]).toMatch(/^Message-ID: <dlv_[0-9A-Za-z]{20}@127\.0\.0\.1>$/);
  expect(notice.headerLines["list-unsubscribe-post"]).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  const unsubscribeUrl = /^List-Unsubscribe: <([^>]+)>$/.exec(notice.headerLines["list-unsubscribe"] ?? "")?.[1];
  expect(unsubscribeUrl?.startsWith(`${baseURL}/api/unsubscribe/`)).toBe(true);

  // GET (scanner or person): the page with the button, nothing changed.
  const client = await apiRequest.newContext();
  const get = await client.get(unsubscribeUrl!, { maxRedirects: 0 });
  expect(get.status()).toBe(303);
  expect(get.headers().location).toContain("/unsubscribe/");
  expect((cli("recipients", "weather") as { emails: { email: string }[] }).emails.map((e) => e.email)).toContain(email);

  // A tampered token: the same answer, nothing changed.
  const tampered = await client.post(unsubscribeUrl!.replace(/.{4}$/, "AAAA"), { form: { "List-Unsubscribe": "One-Click" } });
  expect(tampered.status()).toBe(200);
  expect(await tampered.text()).toBe("Unsubscribed.\n");
  expect((cli("recipients", "weather") as { emails: { email: string }[] }).emails.map((e) => e.email)).toContain(email);

  // The mail client's one-click POST: no cookies, no Origin.
  const post = await client.post(unsubscribeUrl!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(post.status()).toBe(200);
  expect((cli("recipients", "weather") as { emails: { email: string }[] }).emails.map((e) => e.email)).not.toContain(email);
  await client.dispose();
});

test("a developer adds a webhook endpoint, sees the secret once, and gets a signed delivery in the log", async ({ page }, info) => {
  test.setTimeout(90_000);
  const hits: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      hits.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.2", () => r()));
  try {
    const port = (receiver.address() as AddressInfo).port;
    await signInWithOidc(page, `hooks-${info.project.name}-${Date.now()}@portolan.test`);
    await page.goto("/account/subscriptions");
    // A loopback URL is refused at registration.
    await page.getByLabel("URL").fill("http://127.0.0.1:9/hook");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "URL refused" })).toContainText("not reachable");

    await page.getByLabel("URL").fill(`http://127.0.0.2:${port}/hook`);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    const endpointId = await page.locator("[data-endpoint]").first().getAttribute("data-endpoint");

    cli("enqueue-webhook", endpointId!);
    await expect.poll(() => hits.length, { timeout: 30_000 }).toBe(1);
    const hit = hits[0]!;
    expect(new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>)).toMatchObject({ type: "deprecation.published" });
    await page.reload();
    await expect(page.getByRole("cell", { name: "delivered" })).toBeVisible();
    await expect(page.getByRole("cell", { name: String(hit.headers["webhook-id"]) })).toBeVisible();
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});
