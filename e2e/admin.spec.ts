import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { generate } from "otplib";
import { gatewayCredential, verifyKey } from "./support/gateway";
import { waitForMail } from "./support/mailbox";
import { signInWithOidc } from "./support/sign-in";

// Two-factor authentication and the admin area, through the real SMTP server and OpenID provider
// of e2e/global-setup.ts: an admin (ADMIN_EMAILS) is refused an approval until they enrol TOTP;
// then the approval gives the developer's app the grant and the developer an email; the audit
// log lists it and exports it as CSV; a developer gets 404 on every admin page.

/** POST/GET the portal's REST API with the page's session (same-origin, as the portal's pages do). */
async function api(page: Page, method: "GET" | "POST", path: string, data?: unknown) {
  const origin = new URL(page.url()).origin;
  const res = await page.request.fetch(path, { method, headers: { origin }, ...(data !== undefined && { data }) });
  return { status: res.status(), body: await res.json() };
}

/** A code for the time step after the current one (the current one may be spent); accepted within ±30 s. */
const codeFor = (secret: string, aheadSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + aheadSeconds });

test("admin: refused before enrolling TOTP, approves after; the requester gets the grant and an email; audit + CSV", async ({ page, browser }, info) => {
  test.setTimeout(120_000);
  // Nonce CSP on account and admin pages (SEC-D2): nothing on these pages may be blocked.
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  const project = info.project.name;
  const stamp = Date.now().toString(36);

  // A developer asks for the partner API through the REST API.
  const devContext = await browser.newContext();
  const dev = await devContext.newPage();
  const devEmail = `requester-${project}-${stamp}@portolan.test`;
  await signInWithOidc(dev, devEmail);
  await expect(dev).toHaveURL(/\/account$/);
  const appName = `Trip planner ${project} ${stamp}`;
  const app = await api(dev, "POST", "/api/v1/apps", { name: appName });
  expect(app.status).toBe(201);
  const requested = await api(dev, "POST", `/api/v1/apps/${app.body.id}/access`, { apiId: "travel", reason: "We plan trips for our customers." });
  expect(requested).toMatchObject({ status: 202, body: { status: "pending" } });

  // The developer is not an admin: every admin page is a 404, like a page that does not exist.
  for (const path of ["/admin", "/admin/access-requests", "/admin/users", "/admin/orgs", "/admin/apps", "/admin/audit", "/admin/audit.csv"]) {
    expect((await dev.goto(path))?.status(), path).toBe(404);
  }

  // The admin signs in and tries to approve: refused, with a link to set up two-factor.
  await signInWithOidc(page, `twofa-admin-${project}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/admin/access-requests");
  const card = page.getByTestId("access-request").filter({ hasText: appName });
  await expect(card).toContainText("We plan trips for our customers.");
  await expect(card).toContainText(devEmail);
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "need two-factor authentication" })).toBeVisible();
  await expect(card.getByText("pending", { exact: true })).toBeVisible();
  expect((await api(dev, "GET", `/api/v1/apps/${app.body.id}`)).body.apis).toEqual([]);
  await screenshots(page, info, "admin-access-requests");

  // Enrol: QR code and secret on the page, confirm with a code computed from that secret.
  await page.getByRole("link", { name: "Set up two-factor authentication" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await violations()).toEqual([]);
  await screenshots(page, info, "account-security-enrol");
  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  await page.getByLabel("Code from your app").fill(await codeFor(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await screenshots(page, info, "account-security-codes");
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0); // shown once
  await expect(page.getByText("10 of 10")).toBeVisible();
  expect(await violations()).toEqual([]);
  await screenshots(page, info, "account-security");

  // The step-up page: a code opens admin actions and returns to `next` (relative paths only).
  await page.goto("/account/security/verify?next=%2Fadmin");
  await page.getByLabel(/Code from your app/).fill(await codeFor(secret, 30));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/admin\?verified=totp$/);
  await expect(page.getByText("Second factor confirmed", { exact: false }).first()).toBeVisible();

  // Now the approval goes through.
  await page.goto("/admin/access-requests");
  await card.getByLabel("Note to the requester").fill("Welcome, mind the rate limits.");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
  await expect(page.getByTestId("access-request").filter({ hasText: appName })).toHaveCount(0); // off the pending list

  // The requester's app holds the grant, the request shows the decision, and the mail arrived.
  expect((await api(dev, "GET", `/api/v1/apps/${app.body.id}`)).body.apis).toEqual(["travel"]);
  const listed = await api(dev, "GET", `/api/v1/apps/${app.body.id}/access`);
  expect(listed.body.requests[0]).toMatchObject({ apiId: "travel", status: "approved", decisionNote: "Welcome, mind the rate limits." });
  const mail = await waitForMail(devEmail);
  expect(mail.subject).toBe("Access approved: Travel Bookings API");
  expect(mail.text).toContain("Welcome, mind the rate limits.");
  await dev.goto("/account");
  await expect(dev.getByTestId("access-notifications")).toContainText("approved");

  // The grant shows in what keys may be scoped to; the admin revokes the developer's key.
  const key = await api(dev, "POST", `/api/v1/apps/${app.body.id}/keys`, { name: "ci", scopes: ["travel:read"] });
  expect(key.status).toBe(201);
  // A gateway now lets that key call the partner API it was granted, and only that.
  const gateway = gatewayCredential(`admin-journey-${project}`);
  const offer = { api: "travel", method: "GET", path: "/2025-06-01/offers/off_1" };
  expect(await verifyKey(page.request, gateway, key.body.secret, offer)).toMatchObject({ valid: true, api: { id: "travel" }, key: { scopes: ["travel:read"] } });
  expect((await verifyKey(page.request, gateway, key.body.secret, { ...offer, method: "POST", path: "/2025-06-01/bookings" })).valid).toBe(false);
  await page.goto(`/admin/apps?q=${app.body.id}`);
  const keyRow = page.getByRole("listitem").filter({ hasText: key.body.display }).last();
  await expect(keyRow).toContainText("active");
  expect(await page.content()).not.toContain(key.body.secret);
  await keyRow.getByLabel(/Reason for revoking/).fill("Leaked in a public gist");
  await keyRow.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The key is revoked" })).toBeVisible();
  await screenshots(page, info, "admin-apps");
  expect((await api(dev, "GET", `/api/v1/apps/${app.body.id}/keys`)).body.data[0]).toMatchObject({ id: key.body.id, status: "revoked" });
  await expect.poll(async () => (await verifyKey(page.request, gateway, key.body.secret, offer)).valid, { timeout: 1_000 }).toBe(false);

  // Disabling the developer ends their session at once.
  await page.goto(`/admin/users?q=${encodeURIComponent(devEmail)}`);
  await page.getByTestId("user-row").filter({ hasText: devEmail }).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The user is disabled" })).toBeVisible();
  await expect(page.getByTestId("user-row").filter({ hasText: devEmail })).toContainText("disabled");
  await screenshots(page, info, "admin-users");
  await dev.goto("/account");
  await expect(dev).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await devContext.close();

  // The audit log lists the refusal, the enrolment, the step-up and the approval; the CSV has them.
  await page.goto("/admin/audit?action=access.");
  await expect(page.getByTestId("audit-row").filter({ hasText: "access.approved" }).first()).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.goto(`/admin/audit?actor=twofa-admin-${project}`);
  for (const action of ["admin.refused", "2fa.enrolled", "2fa.step_up", "2fa.failed", "access.approved", "key.revoked", "user.disabled"]) {
    await expect(page.getByTestId("audit-row").filter({ hasText: action }).first(), action).toBeVisible();
  }
  await screenshots(page, info, "admin-audit");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these entries as CSV" }).click();
  const csv = await (await download).createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  expect(csv.split("\r\n")[0]).toBe("at,actor,actor_kind,action,target_type,target_id,org_id,ip,details");
  for (const action of ["admin.refused", "2fa.enrolled", "access.approved", "key.revoked", "user.disabled"]) expect(csv).toContain(`,${action},`);
  expect(csv).toContain(requested.body.requestId);
});

async function screenshots(page: Page, info: { outputPath(name: string): string; project: { name: string } }, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot from the top (the sticky header stays there)
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: info.outputPath(`${name}-${info.project.name}-light.png`), fullPage: true });
  if (info.project.name === "desktop") {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: info.outputPath(`${name}-${info.project.name}-dark.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
  }
}
