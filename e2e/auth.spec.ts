// Sign-in journeys against the real thing: mail through a real SMTP server, single sign-on through
// a real OpenID Connect provider (both started by e2e/global-setup.ts), sessions in PostgreSQL.
import { request as requests, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { mailTo, signInLink, waitForMail } from "./support/mailbox";
import { signInWithOidc } from "./support/sign-in";
import { OIDC_NAME, PORTAL_URL } from "./support/test-servers";

const SESSION_COOKIE = "portolan.session";
let seq = 0;
const address = (tag: string, project: string) => `${tag}-${project}-${Date.now().toString(36)}${++seq}@example.test`;

/** A CSRF token for next-auth forms, as the sign-in page hands it out (cookie set by proxy.ts). */
async function csrfToken(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/signin")).text();
  const m = /name="csrfToken" value="([0-9a-f]{64})"/.exec(html);
  if (!m) throw new Error("no CSRF token on /signin");
  return m[1]!;
}

async function askForLink(request: APIRequestContext, email: string, headers: Record<string, string> = { origin: PORTAL_URL }) {
  return request.post("/api/auth/signin/email", { form: { email, csrfToken: await csrfToken(request), callbackUrl: "/account" }, headers, maxRedirects: 0 });
}

/** Signs a new email-only user up through the API, as a browser would (POST from the confirm page). */
async function signUpByEmail(email: string) {
  const request = await requests.newContext({ baseURL: PORTAL_URL });
  const before = mailTo(email).length;
  expect((await askForLink(request, email)).status()).toBe(302);
  const link = new URL(signInLink(await waitForMail(email, before + 1)));
  const res = await request.post("/api/auth/callback/email", {
    form: { token: link.searchParams.get("token")!, email: link.searchParams.get("email")!, callbackUrl: "/account" },
    headers: { origin: PORTAL_URL },
    maxRedirects: 0,
  });
  expect(res.headers()["location"]).toBe(`${PORTAL_URL}/account`);
  await request.dispose();
}

async function sessionCookie(page: Page): Promise<string | undefined> {
  return (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)?.value;
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: PORTAL_URL });
  return context.newPage();
}

test("magic link: mail scanners spend nothing, the button signs in, a second use fails", async ({ page, browser }, info) => {
  const email = address("magic", info.project.name);
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/auth\/check-email$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await waitForMail(email);
  expect(mail.envelopeTo).toEqual([email]); // normalised, and to nobody else
  expect(mail.subject).toBe("Sign in to Portolan");
  expect(mail.text).toContain("expires in 10 minutes");
  const link = signInLink(mail);
  expect(new URL(link).pathname).toBe("/auth/confirm");

  // A scanner: HEAD, then GET, no cookies, a scanner's user agent; also next-auth's own callback URL.
  const scanner = await requests.newContext({ baseURL: PORTAL_URL, userAgent: "OneOutlook/1.0" });
  const nativeCallback = `/api/auth/callback/email${new URL(link).search}`;
  for (const [method, url] of [["HEAD", link], ["GET", link], ["GET", nativeCallback], ["HEAD", nativeCallback]] as const) {
    const res = await scanner.fetch(url, { method, maxRedirects: 0 });
    expect(res.status(), `${method} ${url}`).toBeLessThan(400);
    expect(res.headers()["set-cookie"] ?? "", `${method} ${url}`).not.toContain(SESSION_COOKIE);
  }
  await scanner.dispose();

  // The human: the link opens a page, the button signs in.
  await page.goto(link);
  await expect(page.getByText(`Continue as ${email}`)).toBeVisible();
  await page.screenshot({ path: info.outputPath("confirm.png"), fullPage: true });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
  await expect(page.getByText("This device")).toBeVisible();
  // The header learns about the session after load.
  await expect(page.getByRole("banner").locator("summary")).toHaveAttribute("title", email);
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(cookie.value.length).toBeGreaterThanOrEqual(43); // 256 bits
  expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: info.outputPath(`account-${scheme}.png`), fullPage: true });
  }

  // The same link again, in another browser: refused.
  const other = await newPage(browser);
  await other.goto(link);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/signin\?.*error=Verification/);
  await expect(other.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
  expect(await sessionCookie(other)).toBeUndefined();
  await other.context().close();
});

test("asking for a link: same answer for known and unknown addresses, strict addresses, 5 mails per address per hour", async ({ request }, info) => {
  test.skip(info.project.name !== "desktop", "HTTP only: once is enough");
  const known = address("known", info.project.name);
  await signUpByEmail(known); // mail 1
  const unknown = address("unknown", info.project.name);

  const a = await askForLink(request, known); // mail 2
  const b = await askForLink(request, unknown);
  expect([a.status(), a.headers()["location"], await a.text()]).toEqual([b.status(), b.headers()["location"], await b.text()]);
  expect(a.headers()["location"]).toContain("/verify-request");

  // Quoted local parts, lists and display names are refused before anything is sent.
  for (const bad of ['"e@attacker.test"@victim.test', "a@victim.test,b@attacker.test", "Victim <a@victim.test>", "a@victim.test."]) {
    const res = await askForLink(request, bad);
    expect(res.headers()["location"], bad).toBe(`${PORTAL_URL}/signin?error=InvalidEmail`);
  }
  expect(mailTo("e@attacker.test")).toHaveLength(0);
  expect(mailTo("b@attacker.test")).toHaveLength(0);

  // next-auth's own CSRF token is still required.
  const noToken = await request.post("/api/auth/signin/email", { form: { email: unknown }, headers: { origin: PORTAL_URL }, maxRedirects: 0 });
  expect(noToken.headers()["location"]).toContain("csrf=true");

  // Not from the portal's own page: refused before anything else.
  expect((await askForLink(request, known, {})).status()).toBe(403);
  expect((await askForLink(request, known, { origin: "https://evil.example" })).status()).toBe(403);
  expect((await askForLink(request, known, { origin: "null" })).status()).toBe(403);

  for (let i = 3; i <= 5; i++) expect((await askForLink(request, known)).headers()["location"]).toContain("/verify-request");
  const limited = await askForLink(request, known);
  expect(limited.headers()["location"]).toBe(`${PORTAL_URL}/signin?error=RateLimited`);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  await waitForMail(known, 5);
  await new Promise((r) => setTimeout(r, 500));
  expect(mailTo(known)).toHaveLength(5);
});

test("single sign-on: sign up with OpenID Connect, sign out, and the old cookie is refused", async ({ page, request }, info) => {
  const email = address("sso", info.project.name);
  await signInWithOidc(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
  await expect(page.getByText("Single sign-on")).toBeVisible();
  const old = await sessionCookie(page);
  expect(old).toBeTruthy();

  // Sign out from the header menu.
  await expect(page.getByRole("banner").locator("summary")).toContainText(`Test ${email.split("@")[0]}`);
  await page.getByRole("banner").locator("summary").click();
  await page.getByRole("banner").getByRole("link", { name: "Sign out" }).click();
  await page.screenshot({ path: info.outputPath("signout.png"), fullPage: true });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await expect(page.getByText("You are signed out")).toBeVisible();
  expect(await sessionCookie(page)).toBeUndefined();

  const replay = { headers: { cookie: `${SESSION_COOKIE}=${old}` }, maxRedirects: 0 };
  expect(await (await request.get("/api/auth/session", replay)).json()).toEqual({});
  expect((await request.get("/account", replay)).headers()["location"]).toContain("/signin?callbackUrl=%2Faccount");
});

test("single sign-on never joins an existing email account silently (OAuthAccountNotLinked)", async ({ page }, info) => {
  const email = address("taken", info.project.name);
  await signUpByEmail(email);
  await signInWithOidc(page, email);
  await expect(page).toHaveURL(/\/signin\?.*error=OAuthAccountNotLinked/);
  await expect(page.getByRole("alert").filter({ hasText: "already has a Portolan account that signs in another way" })).toBeVisible();
  expect(await sessionCookie(page)).toBeUndefined();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: info.outputPath(`signin-error-${scheme}.png`), fullPage: true });
  }
});

test("sign out everywhere ends the sessions of every device at once", async ({ page, browser }, info) => {
  const email = address("everywhere", info.project.name);
  await signInWithOidc(page, email);
  await expect(page).toHaveURL(/\/account$/);
  const second = await newPage(browser);
  await signInWithOidc(second, email);
  await expect(second).toHaveURL(/\/account$/);

  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Signed in" })).toHaveCount(2);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=everywhere$/);
  await second.goto("/account");
  await expect(second).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await second.context().close();
});

test("ADMIN_EMAILS makes a verified address a portal admin at sign-in; unverified addresses are refused", async ({ page, browser }, info) => {
  await signInWithOidc(page, `admin-${info.project.name}@portolan.test`);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("Portal admin")).toBeVisible();
  // The catalog is rendered per request and reads the session: admins see every API.
  await page.goto("/apis");
  await expect(page.getByRole("article", { name: "Travel Bookings API" })).toBeVisible();

  const other = await newPage(browser);
  await signInWithOidc(other, `unverified-${info.project.name}-${Date.now().toString(36)}@example.test`);
  await expect(other).toHaveURL(/\/signin\?.*error=EmailUnverified/);
  expect(await sessionCookie(other)).toBeUndefined();
  await other.context().close();
});

test("security headers: nonce CSP on sign-in pages, static CSP on docs pages, no violations, pages hydrate", async ({ page, request }) => {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  // A statically rendered docs page: the static policy, and the theme toggle (a client component) works.
  const docs = await page.goto("/apis/weather/v2/operations/listalerts");
  const docsCsp = docs!.headers()["content-security-policy"]!;
  expect(docsCsp).toContain("frame-ancestors 'none'");
  expect(docsCsp).not.toContain("nonce-");
  expect(docs!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(docs!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.getByRole("button", { name: /Theme:/ }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await violations()).toEqual([]);

  // The sign-in page: a fresh nonce per response, on every script, and no violations.
  const first = await page.goto("/signin");
  const csp = first!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  expect(first!.headers()["referrer-policy"]).toBe("same-origin");
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce || (e.textContent?.startsWith("try{var t=localStorage") ? "theme-hash" : "")));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce || n === "theme-hash")).toBe(true);
  await page.getByLabel("Email address").fill("hydrated@example.test");
  expect(await violations()).toEqual([]);
  const again = await request.get("/signin");
  expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);

  // Not served at all when a mail server is configured.
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the sign-in page offers email and single sign-on (${colorScheme})`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Portolan" })).toBeVisible();
    await expect(page.getByRole("button", { name: `Continue with ${OIDC_NAME}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue with GitHub" })).toHaveCount(0); // not configured
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath(`signin-${colorScheme}.png`), fullPage: true });
  });
}
