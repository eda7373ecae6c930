import type { Page } from "@playwright/test";
import { generate } from "otplib";

/** A TOTP code for `secret`, `aheadSeconds` from now (the current step may be spent); accepted within ±30 s. */
export const totpCode = (secret: string, aheadSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + aheadSeconds });

/**
 * Enrols TOTP for the signed-in user through /account/security (the secret read from the page)
 * and returns the secret. Enrolling counts as this session's step-up for the next 10 minutes,
 * so admin actions that need one (lib/admin/step-up.ts) go through afterwards.
 */
export async function enrolTotp(page: Page): Promise<string> {
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code from your app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await page.getByTestId("recovery-codes").waitFor({ state: "detached" });
  return secret;
}
