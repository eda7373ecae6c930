// Creating an API key in the developer console as a user does: fill the name, press
// "Create key" on the app's page and read the secret the page shows once.
import type { Page, Response } from "@playwright/test";
import { expect } from "./fixtures";

/** The POST answer that carried the key (a server action's streamed RSC answer) and the secret shown. */
export async function createKeyInBrowser(page: Page, appUrl: string, name: string): Promise<{ created: Response; secret: string }> {
  await page.getByLabel("Key name").fill(name);
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === new URL(appUrl).pathname),
    page.getByRole("button", { name: "Create key" }).click(),
  ]);
  const shown = page.getByTestId("new-key-secret");
  await expect(shown).toBeVisible();
  return { created, secret: (await shown.textContent())!.trim() };
}
