// The authorization matrix (SEC-A1 cross-tenant, SEC-A2 deny by default, SEC-A3 mass
// assignment), walked over every page and route handler of the app tree with the policy table
// in tests/authz/policy.ts. A route the table does not know fails tests/authz/route-tree.test.ts.
import crypto from "node:crypto";
import type { APIRequestContext, APIResponse, Browser, BrowserContext } from "@playwright/test";
import { POLICY, type ObjectKind } from "../tests/authz/policy";
import { fillPattern as fill, listAppRoutes, type AppRoute, type HttpMethod } from "../tests/authz/route-tree";
import { expect, test } from "./support/fixtures";
import { signInWithOidc } from "./support/sign-in";
import { waitForMail } from "./support/mailbox";

const routes = listAppRoutes();
const byClass = (c: string) => routes.filter((r) => POLICY[r.pattern]?.access === c);

interface Session {
  context: BrowserContext;
  request: APIRequestContext;
}

async function signedIn(browser: Browser, baseURL: string, email: string): Promise<Session> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
  const page = await context.newPage();
  await signInWithOidc(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await page.close();
  return { context, request: context.request };
}

function send(request: APIRequestContext, method: HttpMethod, url: string, body?: unknown): Promise<APIResponse> {
  return request.fetch(url, { method, data: body === undefined ? undefined : body, maxRedirects: 0, failOnStatusCode: false });
}

async function created<T>(res: APIResponse): Promise<T> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

test("SEC-A1/A3: another user's apps, keys and access requests answer 404 like unknown ids, and nothing changes", async ({ browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const tag = `${info.project.name}-${crypto.randomBytes(3).toString("hex")}`;
  const a = await signedIn(browser, baseURL!, `authz-a-${info.project.name}@portolan.test`);
  const b = await signedIn(browser, baseURL!, `authz-b-${info.project.name}@portolan.test`);
  const anonymous = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });

  // A's objects: an app with a canary in its description, a key, a pending partner request.
  const canary = `canary-${tag}`;
  const app = await created<{ id: string; name: string }>(await send(a.request, "POST", "/api/v1/apps", { name: `A's app ${tag}`, description: canary }));
  expect((await send(a.request, "POST", `/api/v1/apps/${app.id}/access`, { apiId: "weather" })).ok()).toBe(true);
  const key = await created<{ id: string; secret: string }>(await send(a.request, "POST", `/api/v1/apps/${app.id}/keys`, { name: "A's key", scopes: ["weather:read"] }));
  await send(a.request, "POST", `/api/v1/apps/${app.id}/access`, { apiId: "travel", reason: `partner access ${canary}` });
  const before = await (await send(a.request, "GET", `/api/v1/apps/${app.id}`)).text();
  const keysBefore = await (await send(a.request, "GET", `/api/v1/apps/${app.id}/keys`)).text();

  // A's organization with an open invitation (its members and invitations are tenant objects too).
  const org = await created<{ id: string; slug: string }>(await send(a.request, "POST", "/api/v1/orgs", { name: `A's org ${tag}` }));
  const aUser = ((await (await send(a.request, "GET", `/api/v1/orgs/${org.slug}`)).json()) as { membersList: { userId: string }[] }).membersList[0]!.userId;
  const invitation = await created<{ id: string }>(await send(a.request, "POST", `/api/v1/orgs/${org.slug}/invitations`, { email: `invitee-${tag}@example.test` }));
  const orgBefore = await (await send(a.request, "GET", `/api/v1/orgs/${org.slug}`)).text();

  // B's own app, to mix B's app id with A's key id.
  const bApp = await created<{ id: string }>(await send(b.request, "POST", "/api/v1/apps", { name: `B's app ${tag}` }));

  const theirs: Record<ObjectKind, string> = { app: app.id, key: key.id, org: org.slug, user: aUser, invitation: invitation.id };
  const unknown: Record<ObjectKind, string> = {
    app: `app_${"0".repeat(20)}`,
    key: `key_${"0".repeat(20)}`,
    org: `no-such-org-${tag}`,
    user: `usr_${"0".repeat(20)}`,
    invitation: `inv_${"0".repeat(20)}`,
  };
  const tenantRoutes = byClass("tenant");
  expect(tenantRoutes.length).toBeGreaterThan(5);
  for (const route of tenantRoutes) {
    const entry = POLICY[route.pattern]!;
    const idsFor = (pick: (kind: ObjectKind) => string) => Object.fromEntries(Object.entries(entry.objects!).map(([param, kind]) => [param, pick(kind)]));
    for (const method of route.methods) {
      const body = entry.bodies?.[method as "POST"];
      const label = `${method} ${route.pattern}`;
      const stolen = await send(b.request, method, fill(route.pattern, idsFor((k) => theirs[k])), body);
      const missing = await send(b.request, method, fill(route.pattern, idsFor((k) => unknown[k])), body);
      expect(stolen.status(), label).toBe(404);
      expect(missing.status(), label).toBe(404);
      const stolenText = await stolen.text();
      // Route handlers answer byte for byte like an unknown id. Pages (Next's not-found page) carry
      // a fresh CSP nonce and their own URL (with the ids B typed) in the RSC data: same status,
      // and none of A's data.
      if (route.kind === "route") expect(stolenText, label).toBe(await missing.text());
      const secrets = route.kind === "route" ? [canary, app.id, key.id, key.secret, org.id, `A's org ${tag}`] : [canary, key.secret, org.id, `A's org ${tag}`, "A&#x27;s org", "A's key"];
      for (const secret of secrets) expect(stolenText, label).not.toContain(secret);
      if (entry.objects!.keyId) {
        const mixed = await send(b.request, method, fill(route.pattern, { appId: bApp.id, keyId: key.id }), body);
        expect(mixed.status(), `${label} (B's app, A's key)`).toBe(404);
      }
      const anon = await send(anonymous.request, method, fill(route.pattern, idsFor((k) => theirs[k])), body);
      if (route.kind === "page") expect(anon.headers()["location"] ?? "", `${label} anonymous`).toContain("/signin");
      else expect(anon.status(), `${label} anonymous`).toBe(401);
    }
  }

  // Nothing changed: same app, same keys, the key still verifies as A's.
  expect(await (await send(a.request, "GET", `/api/v1/apps/${app.id}`)).text()).toBe(before);
  expect(await (await send(a.request, "GET", `/api/v1/apps/${app.id}/keys`)).text()).toBe(keysBefore);
  expect(await (await send(a.request, "GET", `/api/v1/orgs/${org.slug}`)).text()).toBe(orgBefore);
  // B's list shows only B's app.
  const bList = await (await send(b.request, "GET", "/api/v1/apps")).text();
  expect(bList).toContain(bApp.id);
  expect(bList).not.toContain(app.id);

  // SEC-A3: extra fields are refused, not applied.
  for (const extra of [{ orgId: "org_x" + "0".repeat(19), ownerId: "usr_x" }, { role: "admin" }, { scopes: ["*"] }, { status: "approved" }, { keyHash: "00" }]) {
    const res = await send(b.request, "POST", "/api/v1/apps", { name: "mass assignment", ...extra });
    expect([400, 404], JSON.stringify(extra)).toContain(res.status());
  }
  const patch = await send(a.request, "PATCH", `/api/v1/apps/${app.id}`, { name: "renamed", ownerId: "usr_someone" });
  expect(patch.status()).toBe(400);
  const rotateWiden = await send(a.request, "POST", `/api/v1/apps/${app.id}/keys/${key.id}/rotate`, { gracePeriodSeconds: 0, scopes: ["travel:write"] });
  expect(rotateWiden.status()).toBe(400);

  await Promise.all([a.context.close(), b.context.close(), anonymous.close()]);
});

test("SEC-A2: admin pages and actions, signed-in pages and internal routes refuse everyone they are not for", async ({ browser, baseURL }, info) => {
  test.setTimeout(90_000);
  const dev = await signedIn(browser, baseURL!, `authz-dev-${info.project.name}@portolan.test`);
  const anonymous = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });

  const tryAll = async (route: AppRoute, who: APIRequestContext, allowed: number[], label: string) => {
    for (const method of route.methods) {
      const body = POLICY[route.pattern]!.bodies?.[method as "POST"];
      const res = await send(who, method, fill(route.pattern), body);
      const where = res.headers()["location"] ?? "";
      const ok = allowed.includes(res.status()) || ([303, 307, 302].includes(res.status()) && where.includes("/signin"));
      expect(ok, `${label}: ${method} ${route.pattern} → ${res.status()} ${where}`).toBe(true);
    }
  };

  for (const route of byClass("admin")) {
    await tryAll(route, anonymous.request, [401, 403, 404], "anonymous");
    await tryAll(route, dev.request, [403, 404], "developer");
  }
  for (const route of byClass("signed-in")) await tryAll(route, anonymous.request, [401], "anonymous");
  for (const route of byClass("internal")) {
    await tryAll(route, anonymous.request, [404], "anonymous");
    await tryAll(route, dev.request, [404], "developer");
  }
  for (const route of byClass("gateway")) await tryAll(route, dev.request, [400, 401], "a developer's session is no gateway credential");
  await Promise.all([dev.context.close(), anonymous.close()]);
});

test("SEC-A5: spoofed internal headers open nothing (authorization lives in the data layer, not proxy.ts)", async ({ request }) => {
  const spoofed = {
    "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
    "x-nextjs-data": "1",
    "x-invoke-path": "/account",
  };
  // GET only where GET exists (a POST-only form handler answers GET with 405 and reads nothing).
  const closed = [...byClass("admin"), ...byClass("internal"), ...byClass("signed-in").filter((r) => r.kind === "page")].filter((r) => r.methods.includes("GET"));
  for (const route of closed) {
    const res = await request.get(fill(route.pattern), { headers: spoofed, maxRedirects: 0, failOnStatusCode: false });
    const where = res.headers()["location"] ?? "";
    expect([404, 401].includes(res.status()) || where.includes("/signin"), `${route.pattern} → ${res.status()}`).toBe(true);
  }
  // A partner API's reference page stays closed too.
  expect((await request.get("/apis/travel/2025-06-01", { headers: spoofed })).status()).toBe(404);
});

test("SEC-A8: unsupported methods answer 405, foreign origins are never reflected, no X-Powered-By", async ({ request }) => {
  for (const route of routes.filter((r) => r.kind === "route" && POLICY[r.pattern]!.access !== "internal")) {
    const url = fill(route.pattern);
    for (const method of ["PUT", "DELETE", "PATCH"] as const) {
      if (route.methods.includes(method)) continue;
      const res = await request.fetch(url, { method, headers: { Origin: "https://evil.example" }, failOnStatusCode: false, maxRedirects: 0 });
      expect(res.status(), `${method} ${route.pattern}`).toBe(405);
    }
    const res = await request.get(url, { headers: { Origin: "https://evil.example" }, failOnStatusCode: false, maxRedirects: 0 });
    expect(res.headers()["access-control-allow-origin"], route.pattern).toBeUndefined();
    expect(res.headers()["x-powered-by"], route.pattern).toBeUndefined();
  }
});

test("SEC-A1: an organization's member acting as its owner is refused (403), reads what members may read, changes nothing", async ({ browser, baseURL }, info) => {
  test.setTimeout(120_000);
  const tag = `${info.project.name}-${crypto.randomBytes(3).toString("hex")}`;
  const owner = await signedIn(browser, baseURL!, `authz-owner-${tag}@portolan.test`);
  const memberEmail = `authz-member-${tag}@portolan.test`;
  const member = await signedIn(browser, baseURL!, memberEmail);

  // The owner's organization, an app of it with a key; the member joins by the emailed invitation.
  const org = await created<{ id: string; slug: string }>(await send(owner.request, "POST", "/api/v1/orgs", { name: `Owned ${tag}` }));
  const app = await created<{ id: string }>(await send(owner.request, "POST", "/api/v1/apps", { name: `Org app ${tag}`, orgId: org.id }));
  expect((await send(owner.request, "POST", `/api/v1/apps/${app.id}/access`, { apiId: "weather" })).ok()).toBe(true);
  const key = await created<{ id: string; secret: string }>(await send(owner.request, "POST", `/api/v1/apps/${app.id}/keys`, { name: "org key", scopes: ["weather:read"] }));
  await created(await send(owner.request, "POST", `/api/v1/orgs/${org.slug}/invitations`, { email: memberEmail }));
  const link = /https?:\/\/\S+\/account\/invitations\/[A-Za-z0-9_-]+/.exec((await waitForMail(memberEmail)).text)![0];
  const page = await member.context.newPage();
  await page.goto(link);
  // Signed in through the OpenID provider, which vouches for the address: verified like a link.
  await page.getByRole("button", { name: `Join Owned ${tag}` }).click();
  await expect(page.getByText(`Welcome to Owned ${tag}`)).toBeVisible();
  const ownerId = ((await (await send(owner.request, "GET", `/api/v1/orgs/${org.slug}`)).json()) as { membersList: { userId: string; role: string }[] }).membersList.find((m) => m.role === "owner")!.userId;

  // Members read the organization and its apps and keys.
  expect((await send(member.request, "GET", `/api/v1/orgs/${org.slug}`)).status()).toBe(200);
  expect((await send(member.request, "GET", `/api/v1/apps/${app.id}`)).status()).toBe(200);
  const keysBefore = await (await send(owner.request, "GET", `/api/v1/apps/${app.id}/keys`)).text();
  const appBefore = await (await send(owner.request, "GET", `/api/v1/apps/${app.id}`)).text();
  const orgBefore = await (await send(owner.request, "GET", `/api/v1/orgs/${org.slug}`)).text();
  expect(keysBefore).not.toContain(key.secret);

  // Everything an owner or admin does is refused.
  const attempts: [HttpMethod, string, unknown?][] = [
    ["PATCH", `/api/v1/apps/${app.id}`, { name: "taken over" }],
    ["DELETE", `/api/v1/apps/${app.id}`],
    ["POST", `/api/v1/apps/${app.id}/keys`, { name: "mine now", scopes: ["weather:read"] }],
    ["POST", `/api/v1/apps/${app.id}/keys/${key.id}/rotate`, { gracePeriodSeconds: 0 }],
    ["DELETE", `/api/v1/apps/${app.id}/keys/${key.id}`],
    ["POST", `/api/v1/apps/${app.id}/access`, { apiId: "travel", reason: "member asking" }],
    ["POST", "/api/v1/apps", { name: "in their org", orgId: org.id }],
    ["POST", `/api/v1/orgs/${org.slug}/invitations`, { email: `friend-${tag}@example.test` }],
    ["PATCH", `/api/v1/orgs/${org.slug}/members/${ownerId}`, { role: "member" }],
    ["DELETE", `/api/v1/orgs/${org.slug}/members/${ownerId}`],
  ];
  for (const [method, url, body] of attempts) {
    const res = await send(member.request, method, url, body);
    expect(res.status(), `${method} ${url}`).toBe(403);
    expect(await res.text(), `${method} ${url}`).not.toContain(key.secret);
  }
  expect(await (await send(owner.request, "GET", `/api/v1/apps/${app.id}/keys`)).text()).toBe(keysBefore);
  expect(await (await send(owner.request, "GET", `/api/v1/apps/${app.id}`)).text()).toBe(appBefore);
  expect(await (await send(owner.request, "GET", `/api/v1/orgs/${org.slug}`)).text()).toBe(orgBefore);
  await Promise.all([owner.context.close(), member.context.close()]);
});
