// Ports and settings of the servers the end-to-end tests run beside the portal: a real SMTP
// server (captured mail lands in MAIL_DIR as JSON files) and a real OpenID Connect provider.
// Derived from E2E_PORT so parallel runs on one machine do not collide (the portal takes
// E2E_PORT and its gateway server E2E_PORT + 1).
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const PORTAL_URL = `http://127.0.0.1:${E2E_PORT}`;
export const SMTP_PORT = E2E_PORT + 2;
export const OIDC_PORT = E2E_PORT + 3;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "portolan-e2e";
export const OIDC_CLIENT_SECRET = "portolan-e2e-secret-0123456789abcdef";
export const OIDC_NAME = "Test SSO";
export const MAIL_DIR = path.resolve(".test-output", "e2e-mail");
/** Everything the main portal writes to stdout and stderr, at LOG_LEVEL debug (e2e/key-plaintext.spec.ts greps it). */
export const PORTAL_LOG = path.resolve(".test-output", "e2e-portal.log");
/** The main portal's data directory and its copy of the specs (scripts/e2e-server.ts). */
export const PORTAL_DATA_DIR = path.resolve(".test-output", "e2e-data");

/**
 * A second portal, configured like a fresh `npm start` with no mail server: sign-in mail goes to
 * the dev mailbox (e2e/dev-mailbox.spec.ts). Started after the first (Playwright starts web
 * servers in order, each once the previous one answers), so it reuses that build.
 */
export const DEV_MAILBOX_PORT = E2E_PORT + 4;
export const DEV_MAILBOX_URL = `http://127.0.0.1:${DEV_MAILBOX_PORT}`;

/** Promoted to portal admin when they sign in with a verified address (one per project). */
export const ADMIN_EMAILS = ["admin-desktop@portolan.test", "admin-phone@portolan.test", "docs-admin-desktop@portolan.test", "docs-admin-phone@portolan.test", "twofa-admin-desktop@portolan.test", "twofa-admin-phone@portolan.test",
  // One admin per spec that enrols TOTP (a factor can be set up once per user).
  "notices-admin-desktop@portolan.test", "notices-admin-phone@portolan.test", "delivery-admin-desktop@portolan.test", "delivery-admin-phone@portolan.test", "entries-admin-desktop@portolan.test", "entries-admin-phone@portolan.test"];

/** What the portal under test is configured with (playwright.config.ts, webServer.env). */
export const authServerEnv = {
  ADMIN_EMAILS: ADMIN_EMAILS.join(","),
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  MAIL_FROM: "Portolan tests <portal@portolan.test>",
  OIDC_ISSUER,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_NAME,
  // Webhook tests' receivers listen on 127.0.0.2 (e2e/subscriptions.spec.ts); loopback stays refused.
  WEBHOOK_ALLOW_HOSTS: "127.0.0.2",
};
