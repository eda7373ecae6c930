// The zero-configuration default: no mail server, so sign-in mail goes to the dev mailbox, which
// only this machine may read. Runs against the second web server of playwright.config.ts.
import { expect, test } from "./support/fixtures";
import { DEV_MAILBOX_URL } from "./support/test-servers";

test.use({ baseURL: DEV_MAILBOX_URL });

test("without SMTP, sign-in links land in the dev mailbox on this machine, and the sign-in works", async ({ page }, info) => {
  const email = `mailbox-${info.project.name}-${Date.now().toString(36)}@example.test`;
  await page.goto("/signin");
  await expect(page.getByText("sign-in emails are kept in the")).toBeVisible();
  await expect(page.getByRole("button", { name: /Continue with/ })).toHaveCount(0); // no providers configured
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.getByRole("link", { name: "dev mailbox" }).click();

  await expect(page).toHaveURL(/\/dev\/mailbox$/);
  await expect(page.getByText("only opens for requests from this machine")).toBeVisible();
  const message = page.getByRole("article", { name: `Sign in to Portolan to ${email}` });
  await expect(message).toBeVisible();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: info.outputPath(`mailbox-${colorScheme}.png`), fullPage: true });
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await message.getByRole("link", { name: /\/auth\/confirm\?/ }).click();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
});

test("the dev mailbox refuses other host names and relayed requests", async ({ request }) => {
  expect((await request.get("/dev/mailbox")).status()).toBe(200);
  // DNS rebinding: a page on another name that resolves to this machine.
  expect((await request.get("/dev/mailbox", { headers: { host: "rebound.attacker.example" } })).status()).toBe(404);
  // Through a proxy that says whom it relays.
  expect((await request.get("/dev/mailbox", { headers: { "x-forwarded-for": "203.0.113.7" } })).status()).toBe(404);
  expect((await request.get("/dev/mailbox", { headers: { forwarded: "for=203.0.113.7" } })).status()).toBe(404);
  // The preload's own headers cannot be forged: they are overwritten for every request.
  expect((await request.get("/dev/mailbox", { headers: { "x-forwarded-for": "203.0.113.7", "x-portolan-forwarded": "0", "x-portolan-peer": "127.0.0.1" } })).status()).toBe(404);
});
