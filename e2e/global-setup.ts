// Starts the servers the sign-in tests need beside the portal (a real SMTP server and a real
// OpenID Connect provider) on ports derived from E2E_PORT; the portal's webServer env points at
// them (playwright.config.ts). The portal only contacts them when someone signs in, so the order
// in which Playwright starts these and the portal does not matter.
import fs from "node:fs";
import { startMailServer } from "./support/mail-server";
import { startOidcServer } from "./support/oidc-server";
import { MAIL_DIR, OIDC_PORT, PORTAL_URL, SMTP_PORT } from "./support/test-servers";

export default async function globalSetup() {
  fs.rmSync(MAIL_DIR, { recursive: true, force: true });
  const mail = await startMailServer({ port: SMTP_PORT, dir: MAIL_DIR });
  const oidc = await startOidcServer({ port: OIDC_PORT, redirectUri: `${PORTAL_URL}/api/auth/callback/oidc` });
  return async () => {
    await Promise.all([mail.stop(), oidc.stop()]);
  };
}
