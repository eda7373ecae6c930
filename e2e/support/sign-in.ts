import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { mailTo, signInLink, waitForMail } from "./mailbox";
import { OIDC_NAME } from "./test-servers";

/** Signs in through the test OpenID provider (oidc-provider's development login and consent pages). */
export async function signInWithOidc(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Signs up or in by email link, through the real SMTP server; ends on /account. */
export async function signInByEmail(page: Page, email: string) {
  const before = mailTo(email).length;
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/auth\/check-email$/);
  await page.goto(signInLink(await waitForMail(email, before + 1)));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
}
