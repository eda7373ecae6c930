import type { Page } from "@playwright/test";
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
