// End-to-end tests against a production build served by `npm start` (next build + next start),
// on the embedded database or on DATABASE_URL when set, exactly as a user runs the portal.
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { authServerEnv, DEV_MAILBOX_PORT, DEV_MAILBOX_URL, E2E_PORT as port, PORTAL_LOG } from "./e2e/support/test-servers";

// System Chromium where present (Debian's package on CI machines, which cannot download
// Playwright's browsers); Playwright's own browser everywhere else.
const systemChromium = process.env.CHROMIUM_PATH || ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const launchOptions = systemChromium
  ? {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  outputDir: ".test-output/playwright",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: ".test-output/playwright.json" }]],
  // A real SMTP server and OpenID provider for the sign-in tests (e2e/support/test-servers.ts).
  globalSetup: "./e2e/global-setup.ts",
  use: { baseURL: `http://127.0.0.1:${port}`, trace: "retain-on-failure", launchOptions },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: [
    {
      // Its whole output (debug level) goes to PORTAL_LOG, which e2e/key-plaintext.spec.ts searches
      // for key plaintexts; warnings and errors (and Next's own lines) still reach the console.
      command: `bash -c 'set -o pipefail; mkdir -p "$(dirname "$E2E_PORTAL_LOG")"; npx tsx scripts/e2e-server.ts 2>&1 | tee "$E2E_PORTAL_LOG" | grep --line-buffered -v "^{.level.:[123]0," >&2'`,
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      // First run builds the app (about a minute) and creates the embedded database.
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(port),
        DATA_DIR: ".test-output/e2e-data",
        LOG_LEVEL: "debug",
        E2E_PORTAL_LOG: PORTAL_LOG,
        // As if behind one proxy: e2e/shared-rate-limits.spec.ts gives each of its runs its own
        // client address (X-Forwarded-For) so repeated runs on one database start from zero.
        // Requests without the header keep counting against the TCP peer, as before.
        TRUSTED_PROXY_HOPS: "1",
        PORTAL_URL: `http://127.0.0.1:${port}`,
        ...authServerEnv,
      },
    },
    {
      // No mail server: the zero-configuration default (dev mailbox). Reuses the build above.
      command: "npx tsx scripts/e2e-server.ts",
      url: `${DEV_MAILBOX_URL}/healthz`,
      reuseExistingServer: false,
      // Starts beside the first (its own embedded database, ingest from the spec cache): quick
      // on a quiet machine, but minutes when the machine is busy.
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(DEV_MAILBOX_PORT),
        GATEWAY_PORT: "0",
        DATA_DIR: ".test-output/e2e-data-devmail",
        LOG_LEVEL: "warn",
        PORTAL_URL: DEV_MAILBOX_URL,
        // Its own embedded database even when the suite runs on DATABASE_URL: two portals on one
        // database share one job queue, and this one (no SMTP, no webhook allow-list) would take
        // half of the other's deliveries. Production instances share one configuration.
        E2E_OWN_DATABASE: "1",
        SMTP_URL: "",
        OIDC_ISSUER: "",
        OIDC_CLIENT_ID: "",
        OIDC_CLIENT_SECRET: "",
        GITHUB_ID: "",
        GITHUB_SECRET: "",
      },
    },
  ],
});
