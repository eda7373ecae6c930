// The developer's side of the portal, as a new developer meets it: sign up by email link (real SMTP
// server), create an organization, invite a teammate who accepts from the email, create an app,
// enable a public API and request a partner one, create a key (shown once, nowhere afterwards),
// verify it at the gateway endpoint, rotate it with a grace period, revoke it, read its usage.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createKeyInBrowser } from "./support/keys";
import { waitForMail } from "./support/mailbox";
import { signInByEmail } from "./support/sign-in";
import { gatewayCredential, verifyKey } from "./support/gateway";
import { PORTAL_URL } from "./support/test-servers";

let seq = 0;
const address = (tag: string, project: string) => `${tag}-${project}-${Date.now().toString(36)}${++seq}@example.test`;

async function verify(page: Page, gateway: string, key: string): Promise<boolean> {
  return (await verifyKey(page.request, gateway, key, { api: "weather", method: "GET", path: "/v2/forecast" })).valid;
}

/** The key verification cache lives 500 ms and hears revocations by NOTIFY: allow a second. */
async function expectVerify(page: Page, gateway: string, key: string, valid: boolean) {
  await expect.poll(() => verify(page, gateway, key), { timeout: 2_000, intervals: [100] }).toBe(valid);
}

test("developer console: org, invitation, app, access request, key shown once, verify, rotate, revoke, usage", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const owner = address("owner", info.project.name);
  const mate = address("mate", info.project.name);
  const orgName = `Acme ${info.project.name} ${Date.now().toString(36)}`;

  // 1. Sign up, create an organization.
  await signInByEmail(page, owner);
  await page.getByRole("link", { name: "Organizations" }).click();
  await expect(page.getByRole("link", { name: "Personal" })).toBeVisible();
  await page.getByLabel("Name").fill(orgName);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  const orgUrl = page.url();

  // 2. Invite a teammate; they accept from the email, signed in with the invited address.
  await page.getByLabel("Email address").fill(mate);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${mate}`)).toBeVisible();
  const invitation = await waitForMail(mate);
  expect(invitation.subject).toBe(`Join ${orgName} on Portolan`);
  const link = /https?:\/\/\S+\/account\/invitations\/[0-9A-Za-z]{43}/.exec(invitation.text)?.[0];
  expect(link).toBeTruthy();

  const mateContext = await browser.newContext({ baseURL: PORTAL_URL });
  const matePage = await mateContext.newPage();
  // Before signing in, the page names the organization and asks to sign in (a GET spends nothing).
  await matePage.goto(link!);
  await expect(matePage.getByText(`You are invited to join ${orgName}`)).toBeVisible();
  await expect(matePage.getByRole("link", { name: "Sign in to accept" })).toBeVisible();
  await signInByEmail(matePage, mate);
  await matePage.goto(link!);
  await matePage.getByRole("button", { name: `Join ${orgName}` }).click();
  await expect(matePage.getByText(`Welcome to ${orgName}`)).toBeVisible();
  await expect(matePage.getByText("Members can read the organization")).toBeVisible();
  await page.goto(orgUrl);
  await expect(page.getByRole("main").getByText(mate, { exact: true })).toBeVisible();
  // The last owner can neither leave nor be demoted.
  await page.getByRole("form", { name: "Leave the organization" }).getByRole("button", { name: "Leave" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The last owner cannot leave" })).toBeVisible();

  // 3. An organization app; a public API at once, a partner API by request (pending).
  await page.goto("/account/apps");
  await page.getByLabel("Name").fill("Forecast widget");
  await page.getByLabel("Owner").selectOption({ label: orgName });
  await page.getByLabel("Production").check();
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/account\/apps\/app_[0-9A-Za-z]{20}$/);
  const appUrl = page.url();
  await page.locator('[data-api="weather"]').getByRole("button", { name: "Enable" }).click();
  await expect(page.locator('[data-api="weather"]').getByText("enabled")).toBeVisible();
  const travel = page.locator('[data-api="travel"]');
  await travel.getByText("Request access…").click();
  await travel.getByLabel(/Why does this app need/).fill("We sell trips together with the forecast.");
  await travel.getByRole("button", { name: "Request access" }).click();
  await expect(page.getByText("Access requested.")).toBeVisible();
  await expect(page.locator('[data-api="travel"]').getByText("pending", { exact: true })).toBeVisible();

  // The member reads the app but cannot manage it.
  await matePage.goto(appUrl);
  await expect(matePage.getByText("read only")).toBeVisible();
  await expect(matePage.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await mateContext.close();

  // 4. A key, shown once.
  const { created, secret } = await createKeyInBrowser(page, appUrl, "production server");
  expect(secret).toMatch(/^ptl_live_[0-9A-Za-z]{36}$/);
  // The secret travels in this POST's answer only (a streamed RSC answer whose body the browser
  // may already have dropped, so only its headers are read here), and nothing may keep it.
  expect(created.headers()["cache-control"]).toMatch(/no-store/);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: info.outputPath(`app-fresh-key-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await page.getByRole("button", { name: "Done, I have copied it" }).click();
  await expect(page.getByTestId("new-key-secret")).toHaveCount(0);
  await expect(page.getByText(`ptl_live_…${secret.slice(-4)}`, { exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  expect(await page.content()).not.toContain(secret);
  await page.goto("/account/apps");
  await page.goBack();
  await expect(page.getByText(`ptl_live_…${secret.slice(-4)}`, { exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  // The RSC payload of the page (what a client-side navigation fetches) does not carry it either.
  const rsc = await page.request.get(appUrl, { headers: { rsc: "1" } });
  expect(await rsc.text()).not.toContain(secret);
  expect((await page.request.get(appUrl)).headers()["cache-control"]).toMatch(/no-store/);

  // 5. The gateway endpoint accepts it.
  const gateway = gatewayCredential(`e2e-${info.project.name}-${Date.now()}`);
  await expectVerify(page, gateway, secret, true);

  // 6. Rotate with a grace period of one hour: both keys verify; the old one is listed with its end.
  const keyItem = page.locator("li[data-key-id]").filter({ hasText: secret.slice(-4) });
  await keyItem.getByText("Rotate…").click();
  await keyItem.getByLabel("The old key keeps working").selectOption("3600");
  await keyItem.getByRole("button", { name: "Rotate key" }).click();
  await expect(page.getByTestId("new-key-secret")).toBeVisible();
  const rotated = (await page.getByTestId("new-key-secret").textContent())!.trim();
  expect(rotated).not.toBe(secret);
  await expectVerify(page, gateway, rotated, true);
  await expectVerify(page, gateway, secret, true);
  await page.getByRole("button", { name: "Done, I have copied it" }).click();
  await expect(page.locator("li[data-key-id]").filter({ hasText: secret.slice(-4) }).getByText(/rotated · works until/)).toBeVisible();
  await page.getByRole("region", { name: "API keys" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath("app-keys-rotated.png"), fullPage: true });

  // 7. Revoke the new key (confirm): refused at once.
  const newItem = page.locator("li[data-key-id]").filter({ hasText: rotated.slice(-4) });
  await newItem.getByText("Revoke…").click();
  await newItem.getByRole("button", { name: "Revoke production server" }).click();
  await expect(page.getByText("The key is revoked")).toBeVisible();
  await expectVerify(page, gateway, rotated, false);

  // 8. Usage of the old key (the verify calls above, batched by the gateway every few seconds).
  await page.locator("li[data-key-id]").filter({ hasText: secret.slice(-4) }).getByRole("link", { name: /Usage/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Usage of production server" })).toBeVisible();
  const usageUrl = page.url();
  await expect
    .poll(
      async () => {
        await page.goto(usageUrl);
        return page.getByRole("cell", { name: "GET /forecast" }).count();
      },
      { timeout: 20_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  await expect(page.getByTestId("usage-chart")).toBeVisible();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: info.outputPath(`usage-${scheme}.png`), fullPage: true });
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // 9. The end of a grace period: a key rotated with 2 s of grace works until then, not after.
  const appId = new URL(appUrl).pathname.split("/").pop()!;
  const origin = { origin: new URL(appUrl).origin };
  const short = await (await page.request.post(`/api/v1/apps/${appId}/keys`, { headers: origin, data: { name: "short grace", scopes: ["weather:read"] } })).json();
  const rotatedAt = Date.now();
  const next = await page.request.post(`/api/v1/apps/${appId}/keys/${short.id}/rotate`, { headers: origin, data: { gracePeriodSeconds: 2 } });
  expect(next.status()).toBe(201);
  expect(await verify(page, gateway, short.secret)).toBe(true);
  await expectVerify(page, gateway, (await next.json()).secret, true);
  await expect.poll(() => verify(page, gateway, short.secret), { timeout: 5_000, intervals: [200] }).toBe(false);
  expect(Date.now() - rotatedAt).toBeGreaterThanOrEqual(2_000);
});

test("leaked keys: anyone may report, the answer is always the same", async ({ request }) => {
  for (const body of [["ptl_live_000000000000000000000000000000000000"], ["not a key"], []]) {
    const res = await request.post("/api/v1/keys/leaked", { data: body });
    expect(res.status()).toBe(202);
    expect(await res.json()).toEqual({ status: "accepted" });
  }
});

test("another user gets 404 for someone else's app and organization pages", async ({ page, browser }, info) => {
  await signInByEmail(page, address("solo", info.project.name));
  await page.goto("/account/apps");
  await page.getByLabel("Name").fill("Private app");
  await page.getByRole("button", { name: "Create app" }).click();
  await expect(page).toHaveURL(/\/account\/apps\/app_/);
  const appUrl = page.url();

  const other = await browser.newContext({ baseURL: PORTAL_URL });
  const otherPage = await other.newPage();
  await signInByEmail(otherPage, address("other", info.project.name));
  expect((await otherPage.goto(appUrl))?.status()).toBe(404);
  expect((await otherPage.goto("/account/apps/app_00000000000000000000"))?.status()).toBe(404);
  expect((await otherPage.goto("/account/orgs/no-such-org"))?.status()).toBe(404);
  await other.close();
});
