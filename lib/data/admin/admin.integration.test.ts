// Two-factor authentication and the admin area on the real database: the step-up rule (no factor
// → refused; stale step-up → refused; fresh → allowed; refusals audited), TOTP codes never
// accepted twice, recovery codes once, wrong codes rate limited, approve/deny (grant in the same
// transaction, mail to the requester through the dev mailbox, audit entries), disabling a user
// ends their sessions, non-admins get 404 from the admin routes and the CSV export.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { generateSessionToken, hashSessionToken } from "@/lib/auth/session-token";
import { newId } from "@/lib/ids";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { assertDocumented } from "@/tests/contract";
import { testDb } from "@/tests/db";

vi.mock("server-only", () => ({}));
// The session cookie the route handlers see: whatever `cookie.token` holds.
const cookie = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (name.endsWith("portolan.session") && cookie.token ? { value: cookie.token } : undefined) }) }));

const PORTAL = "http://localhost:3000";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-admin-"));
const db = testDb();

type Mods = {
  sf: typeof import("@/lib/auth/second-factor");
  stepUp: typeof import("@/lib/admin/step-up");
  requests: typeof import("@/lib/data/admin/access-requests");
  users: typeof import("@/lib/data/admin/users");
  directory: typeof import("@/lib/data/admin/directory");
  decideRoute: typeof import("@/app/api/admin/access-requests/[requestId]/route");
  usersRoute: typeof import("@/app/api/admin/users/[userId]/route");
  csvRoute: typeof import("@/app/(account)/admin/audit.csv/route");
  keyRoute: typeof import("@/app/api/admin/keys/[keyId]/revoke/route");
  securityRoutes: { POST: (r: Request) => Promise<Response> }[];
  verifyRoute: typeof import("@/app/api/account/security/verify/route");
  accessRoute: typeof import("@/app/api/v1/apps/[appId]/access/route");
};
let m: Mods;

interface Person {
  id: string;
  email: string;
  token: string;
  sessionHash: string;
}

async function person(name: string, role: "admin" | "developer" = "developer"): Promise<Person> {
  const email = `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;
  const user = await db.user.create({ data: { id: newId("usr"), email, name, role } });
  const token = generateSessionToken();
  const sessionHash = hashSessionToken(token);
  await db.session.create({ data: { id: newId("ses"), sessionToken: sessionHash, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return { id: user.id, email, token, sessionHash };
}

const actorOf = (p: Person, isAdmin = true) => ({ userId: p.id, isAdmin, sessionHash: p.sessionHash, ip: "127.0.0.1" });

async function pendingRequest(owner: Person, apiId = "travel") {
  const appId = newId("app");
  await db.app.create({ data: { id: appId, name: `App of ${owner.email}`, ownerUserId: owner.id, createdById: owner.id } });
  const id = newId("acr");
  await db.accessRequest.create({ data: { id, appId, apiId, reason: "We sell trips with forecasts.", requestedById: owner.id } });
  return { id, appId };
}

/** Enrols a TOTP factor for `p` and returns its secret and recovery codes. */
async function enrol(p: Person) {
  await m.sf.startEnrolment(p.id);
  const status = await m.sf.secondFactorStatus(p.id, p.email);
  if (status.state !== "pending") throw new Error("expected a pending factor");
  const confirmed = await m.sf.confirmEnrolment(p.id, await generate({ secret: status.secret }), p.sessionHash, null);
  if (!confirmed.ok) throw new Error(`enrolment failed: ${confirmed.reason}`);
  return { secret: status.secret, recoveryCodes: confirmed.recoveryCodes };
}

/** A code for the next time step (the current one is spent by enrolment); accepted within ±30 s. */
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

const auditOf = (where: { action: string; actorUserId?: string; targetId?: string }) => db.auditEvent.findMany({ where, orderBy: { at: "asc" } });

function form(fields: Record<string, string>, origin = PORTAL): Request {
  return new Request(`${PORTAL}/api/x`, { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });
}
const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });

beforeAll(async () => {
  await ingestSpecs({ specsDir: path.resolve("specs"), cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  process.env.DATA_DIR = root;
  process.env.SPECS_DIR = path.resolve("specs");
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.PORTAL_URL = PORTAL;
  process.env.NEXTAUTH_SECRET = "test-secret-".padEnd(48, "x");
  delete process.env.SMTP_URL;
  m = {
    sf: await import("@/lib/auth/second-factor"),
    stepUp: await import("@/lib/admin/step-up"),
    requests: await import("@/lib/data/admin/access-requests"),
    users: await import("@/lib/data/admin/users"),
    directory: await import("@/lib/data/admin/directory"),
    decideRoute: await import("@/app/api/admin/access-requests/[requestId]/route"),
    usersRoute: await import("@/app/api/admin/users/[userId]/route"),
    csvRoute: await import("@/app/(account)/admin/audit.csv/route"),
    keyRoute: await import("@/app/api/admin/keys/[keyId]/revoke/route"),
    securityRoutes: [
      await import("@/app/api/account/security/enrol/route"),
      await import("@/app/api/account/security/confirm/route"),
      await import("@/app/api/account/security/codes-saved/route"),
      await import("@/app/api/account/security/disable/route"),
      await import("@/app/api/account/security/verify/route"),
    ],
    verifyRoute: await import("@/app/api/account/security/verify/route"),
    accessRoute: await import("@/app/api/v1/apps/[appId]/access/route"),
  };
}, 180_000);

afterAll(async () => {
  cookie.token = undefined;
  await db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("the step-up rule for admin actions", () => {
  it("refuses an admin without a second factor, then one with a stale step-up, and audits both", async () => {
    const admin = await person("admin", "admin");
    const dev = await person("dev");
    const req = await pendingRequest(dev);
    const approve = () => m.requests.decideAccessRequest(actorOf(admin), req.id, { decision: "approve", note: null });

    await expect(approve()).rejects.toMatchObject({ need: "enrol" });
    await enrol(admin);
    // Enrolment counts as a step-up; 11 minutes later it no longer does.
    await db.session.update({ where: { sessionToken: admin.sessionHash }, data: { secondFactorAt: new Date(Date.now() - 11 * 60_000) } });
    await expect(approve()).rejects.toMatchObject({ need: "verify" });

    const refused = await auditOf({ action: "admin.refused", actorUserId: admin.id });
    expect(refused.map((e) => (e.details as { reason: string }).reason)).toEqual(["no_second_factor", "step_up_stale"]);
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("pending");
    expect(await db.apiGrant.count({ where: { appId: req.appId } })).toBe(0);
  });

  it("counts a step-up for this session only, and for 10 minutes", async () => {
    const admin = await person("admin", "admin");
    await enrol(admin);
    const otherSession = { ...actorOf(admin), sessionHash: hashSessionToken(generateSessionToken()) };
    await expect(m.stepUp.requireAdminStepUp(actorOf(admin), "test")).resolves.toBeUndefined();
    await expect(m.stepUp.requireAdminStepUp(otherSession, "test")).rejects.toMatchObject({ need: "verify" });
    await expect(m.stepUp.requireAdminStepUp(actorOf(admin), "test", Date.now() + 10 * 60_000 + 5_000)).rejects.toMatchObject({ need: "verify" });
    await expect(m.stepUp.requireAdminStepUp(actorOf(admin, false), "test")).rejects.toBeInstanceOf(m.stepUp.AdminNotFound);
  });

  it("sends a stale admin through the step-up page and back, where a code opens the action", async () => {
    const admin = await person("admin", "admin");
    const dev = await person("dev");
    const req = await pendingRequest(dev);
    const { secret } = await enrol(admin);
    await db.session.update({ where: { sessionToken: admin.sessionHash }, data: { secondFactorAt: null } });
    cookie.token = admin.token;
    const back = "/admin/access-requests";
    const refused = await m.decideRoute.POST(form({ decision: "approve", back }), ctx({ requestId: req.id }));
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe(`${PORTAL}/account/security/verify?next=${encodeURIComponent(back)}`);

    // The step-up page keeps `next` on the portal: an absolute foreign URL falls back.
    const verified = await m.verifyRoute.POST(form({ code: await nextCode(secret), next: back }));
    expect(verified.headers.get("location")).toBe(`${PORTAL}${back}?verified=totp`);
    const foreign = await m.verifyRoute.POST(form({ code: "000000", next: "https://evil.example/x" }));
    expect(foreign.headers.get("location")).toContain(`next=${encodeURIComponent("/account/security")}`);

    const approved = await m.decideRoute.POST(form({ decision: "approve", note: "Welcome aboard", back }), ctx({ requestId: req.id }));
    expect(approved.headers.get("location")).toBe(`${PORTAL}${back}?done=approved`);
    expect(await db.apiGrant.findUnique({ where: { appId_apiId: { appId: req.appId, apiId: "travel" } } })).toMatchObject({ grantedById: admin.id, accessRequestId: req.id });

    // A cross-site post is refused before anything else.
    expect((await m.decideRoute.POST(form({ decision: "approve", back }, "https://evil.example"), ctx({ requestId: req.id }))).status).toBe(403);
    cookie.token = undefined;
  });
});

describe("codes", () => {
  it("never accepts a TOTP code twice", async () => {
    const p = await person("dev");
    const { secret } = await enrol(p);
    const code = await nextCode(secret);
    expect(await m.sf.verifyStepUp(p.id, code, p.sessionHash, null)).toEqual({ ok: true, method: "totp" });
    expect(await m.sf.verifyStepUp(p.id, code, p.sessionHash, null)).toEqual({ ok: false, reason: "invalid" });
    // Nor the code enrolment used (an earlier step).
    expect(await m.sf.verifyStepUp(p.id, await generate({ secret }), p.sessionHash, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts each recovery code once (any case, with or without the dash)", async () => {
    const p = await person("dev");
    const { recoveryCodes, secret } = await enrol(p);
    expect(recoveryCodes).toHaveLength(10);
    expect(await m.sf.verifyStepUp(p.id, recoveryCodes[0]!.toLowerCase().replace("-", ""), p.sessionHash, null)).toEqual({ ok: true, method: "recovery" });
    expect(await m.sf.verifyStepUp(p.id, recoveryCodes[0]!, p.sessionHash, null)).toEqual({ ok: false, reason: "invalid" });
    expect((await m.sf.secondFactorStatus(p.id, p.email)).state === "on" && (await m.sf.secondFactorStatus(p.id, p.email))).toMatchObject({ recoveryCodesLeft: 9 });
    // Codes are stored as hashes only.
    const stored = await db.recoveryCode.findMany({ where: { userId: p.id } });
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[1]!);
    // The TOTP secret is stored sealed (AES-GCM), never as written.
    const factor = await db.secondFactor.findUniqueOrThrow({ where: { userId: p.id } });
    expect(factor.secretSealed).toMatch(/^v1\./);
    expect(JSON.stringify(factor)).not.toContain(secret);
  });

  it("stops checking after 5 wrong codes, even a right one, and audits the failures", async () => {
    const p = await person("dev");
    const { secret } = await enrol(p);
    for (let i = 0; i < 5; i++) expect(await m.sf.verifyStepUp(p.id, "000000", p.sessionHash, null)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await m.sf.verifyStepUp(p.id, await nextCode(secret), p.sessionHash, null)).toEqual({ ok: false, reason: "rate_limited" });
    const failures = await auditOf({ action: "2fa.failed", actorUserId: p.id });
    expect(failures).toHaveLength(6);
  });

  it("turns off only with a current code, and forgets the step-ups", async () => {
    const p = await person("dev");
    const { secret } = await enrol(p);
    expect(await m.sf.disableSecondFactor(p.id, "123456", null)).toMatchObject({ ok: false });
    expect(await m.sf.disableSecondFactor(p.id, await nextCode(secret), null)).toEqual({ ok: true, method: "totp" });
    expect(await db.secondFactor.count({ where: { userId: p.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: p.id } })).toBe(0);
    expect((await db.session.findUniqueOrThrow({ where: { sessionToken: p.sessionHash } })).secondFactorAt).toBeNull();
    expect((await auditOf({ action: "2fa.disabled", actorUserId: p.id })).length).toBe(1);
    expect((await auditOf({ action: "2fa.enrolled", actorUserId: p.id })).length).toBe(1);
  });
});

describe("the access-request queue", () => {
  it("approves: grant in the same transaction, mail to the requester, audit entry, visible to the requester", async () => {
    const admin = await person("admin", "admin");
    const dev = await person("dev");
    const req = await pendingRequest(dev);
    await enrol(admin);
    const queue = await m.requests.listAccessRequests(actorOf(admin), "pending");
    expect(queue.entries.find((e) => e.id === req.id)).toMatchObject({ status: "pending", api: { id: "travel" }, requester: dev.email, reason: "We sell trips with forecasts." });

    expect(await m.requests.decideAccessRequest(actorOf(admin), req.id, { decision: "approve", note: "Enjoy" })).toEqual({ mailed: true });
    expect(await db.apiGrant.findUnique({ where: { appId_apiId: { appId: req.appId, apiId: "travel" } } })).not.toBeNull();
    const mail = await db.devMail.findFirstOrThrow({ where: { to: dev.email } });
    expect(mail.subject).toMatch(/Access approved/);
    expect(mail.text).toContain("Enjoy");
    expect(await auditOf({ action: "access.approved", targetId: req.id })).toHaveLength(1);
    // Deciding twice: the second admin is told.
    await expect(m.requests.decideAccessRequest(actorOf(admin), req.id, { decision: "deny", note: "late" })).rejects.toMatchObject({ code: "already_decided" });

    // The requester reads the decision and the note through the REST API (documented shape).
    cookie.token = dev.token;
    const res = await m.accessRoute.GET(new Request(`${PORTAL}/api/v1/apps/${req.appId}/access`), ctx({ appId: req.appId }));
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.requests[0]).toMatchObject({ id: req.id, status: "approved", decisionNote: "Enjoy" });
    assertDocumented("GET", "/apps/{appId}/access", 200, body);
    // Another developer: 404, like an unknown app.
    cookie.token = (await person("other")).token;
    expect((await m.accessRoute.GET(new Request(`${PORTAL}/api/v1/apps/${req.appId}/access`), ctx({ appId: req.appId }))).status).toBe(404);
    cookie.token = undefined;
  });

  it("denies with a reason: no grant, mail with the reason, audit entry", async () => {
    const admin = await person("admin", "admin");
    const dev = await person("dev");
    const req = await pendingRequest(dev);
    await enrol(admin);
    expect(m.requests.DecisionSchema.safeParse({ decision: "deny", note: "" }).success).toBe(false);
    await m.requests.decideAccessRequest(actorOf(admin), req.id, { decision: "deny", note: "Partners only" });
    expect(await db.apiGrant.count({ where: { appId: req.appId } })).toBe(0);
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: "denied", decisionNote: "Partners only", decidedById: admin.id });
    const mail = await db.devMail.findFirstOrThrow({ where: { to: dev.email } });
    expect(mail.subject).toMatch(/denied/);
    expect(mail.text).toContain("Partners only");
    expect(await auditOf({ action: "access.denied", targetId: req.id })).toHaveLength(1);
  });
});

describe("users and keys", () => {
  it("disabling a user ends their sessions at once; admins cannot disable themselves", async () => {
    const admin = await person("admin", "admin");
    const dev = await person("dev");
    await enrol(admin);
    await m.users.changeUser(actorOf(admin), dev.id, "disable");
    expect(await db.session.count({ where: { userId: dev.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: dev.id } })).disabledAt).not.toBeNull();
    await expect(m.users.changeUser(actorOf(admin), admin.id, "disable")).rejects.toMatchObject({ code: "self" });
    await m.users.changeUser(actorOf(admin), dev.id, "grant-admin");
    expect((await db.user.findUniqueOrThrow({ where: { id: dev.id } })).role).toBe("admin");
    expect((await auditOf({ action: "user.disabled", targetId: dev.id }))[0]?.details).toMatchObject({ sessionsEnded: 1 });
    expect(await auditOf({ action: "user.role_granted", targetId: dev.id })).toHaveLength(1);
  });

  it("revokes someone else's key with a reason", async () => {
    const admin = await person("admin", "admin");
    const dev = await person("dev");
    const { appId } = await pendingRequest(dev);
    const keyId = newId("key");
    await db.apiKey.create({ data: { id: keyId, appId, name: "k", prefix: "ptl_test_", last4: "abcd", hash: `h-${keyId}`, scopes: [], createdById: dev.id } });
    await expect(m.directory.revokeKeyAsAdmin(actorOf(admin), keyId, "leaked in a gist")).rejects.toMatchObject({ need: "enrol" });
    await enrol(admin);
    await expect(m.directory.revokeKeyAsAdmin(actorOf(admin), keyId, "x")).rejects.toMatchObject({ code: "revoke_reason" });
    await m.directory.revokeKeyAsAdmin(actorOf(admin), keyId, "leaked in a gist");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).revokedReason).toBe("revoked by an admin: leaked in a gist");
    expect(await auditOf({ action: "key.revoked", targetId: keyId })).toHaveLength(1);
  });
});

describe("admin lists", () => {
  it("lists organizations with members, apps with owners and masked keys, counts, and filtered users", async () => {
    const admin = await person("admin", "admin");
    const dev = await person("dev");
    const orgId = newId("org");
    const slug = `acme-${Date.now().toString(36)}`;
    await db.organization.create({ data: { id: orgId, slug, name: "Acme Travel", memberships: { create: [{ userId: dev.id, role: "owner" }] } } });
    const appId = newId("app");
    await db.app.create({ data: { id: appId, name: "Acme booking", orgId, createdById: dev.id } });
    await db.apiKey.create({ data: { id: newId("key"), appId, name: "prod", prefix: "ptl_live_", last4: "Wxyz", hash: `h-${appId}`, scopes: ["travel:read"], createdById: dev.id } });

    const orgs = await m.directory.listOrgs(actorOf(admin), "ACME TRAVEL");
    expect(orgs.find((o) => o.id === orgId)).toMatchObject({ slug, apps: 1, members: [{ email: dev.email, role: "owner" }] });
    const apps = await m.directory.listApps(actorOf(admin), slug);
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ id: appId, owner: { kind: "organization", name: "Acme Travel" }, keys: [{ display: "ptl_live_…Wxyz", status: "active" }] });
    expect(JSON.stringify(apps)).not.toContain(`h-${appId}`);
    expect((await m.directory.listApps(actorOf(admin), dev.email)).map((a) => a.id)).toContain(appId);
    const counts = await m.directory.adminCounts(actorOf(admin));
    expect(counts.orgs).toBeGreaterThanOrEqual(1);
    expect(counts.admins).toBeGreaterThanOrEqual(1);
    const users = await m.users.listUsers(actorOf(admin), { q: dev.email.toUpperCase(), role: "developer", disabled: "no" });
    expect(users.map((u) => u.email)).toEqual([dev.email]);
    expect(await m.users.listUsers(actorOf(admin), { q: dev.email, role: "admin" })).toEqual([]);
  });
});

describe("non-admins", () => {
  it("get 404 from every admin route and the CSV export, and change nothing", async () => {
    const dev = await person("dev");
    const victim = await person("victim");
    const req = await pendingRequest(victim);
    for (const token of [dev.token, undefined]) {
      cookie.token = token;
      const csv = await m.csvRoute.GET(new Request(`${PORTAL}/admin/audit.csv`));
      expect(csv.status).toBe(404);
      const decide = await m.decideRoute.POST(form({ decision: "approve" }), ctx({ requestId: req.id }));
      const disable = await m.usersRoute.POST(form({ action: "disable" }), ctx({ userId: victim.id }));
      // Signed in: 404. Anonymous: off to sign in (nothing about the object is revealed).
      for (const res of [decide, disable]) {
        if (token) expect(res.status).toBe(404);
        else expect(res.headers.get("location")).toMatch(/\/signin\?callbackUrl=/);
      }
    }
    cookie.token = undefined;
    await expect(m.requests.listAccessRequests(actorOf(dev, false), "all")).rejects.toBeInstanceOf(m.stepUp.AdminNotFound);
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("pending");
    expect(await db.session.count({ where: { userId: victim.id } })).toBe(1);
  });

  it("every form post refuses a foreign, null or missing Origin with 403 (SEC-C2), even for an admin", async () => {
    const admin = await person("admin", "admin");
    await enrol(admin);
    cookie.token = admin.token;
    const id = "x";
    const posts = [
      (r: Request) => m.decideRoute.POST(r, ctx({ requestId: id })),
      (r: Request) => m.usersRoute.POST(r, ctx({ userId: id })),
      (r: Request) => m.keyRoute.POST(r, ctx({ keyId: id })),
      ...m.securityRoutes.map((route) => (r: Request) => route.POST(r)),
    ];
    for (const post of posts) {
      for (const origin of ["https://evil.example", "null", ""]) {
        const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", ...(origin && { origin }) };
        const res = await post(new Request(`${PORTAL}/api/x`, { method: "POST", headers, body: "code=123456&decision=approve&action=disable&reason=abc" }));
        expect(res.status).toBe(403);
      }
    }
    cookie.token = undefined;
    // Nothing happened: the admin's factor is intact and no step-up was recorded by those posts.
    expect(await db.secondFactor.count({ where: { userId: admin.id } })).toBe(1);
    expect(await auditOf({ action: "2fa.step_up", actorUserId: admin.id })).toHaveLength(0);
  });

  it("the CSV export for an admin follows the filter and neutralises formulas", async () => {
    const admin = await person("admin", "admin");
    const dev = await person("dev");
    const req = await pendingRequest(dev);
    await enrol(admin);
    await m.requests.decideAccessRequest(actorOf(admin), req.id, { decision: "deny", note: "=HYPERLINK(\"http://evil.example\")" });
    cookie.token = admin.token;
    const res = await m.csvRoute.GET(new Request(`${PORTAL}/admin/audit.csv?action=access.denied&target=${req.id}`));
    cookie.token = undefined;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await res.text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("at,actor,actor_kind,action,target_type,target_id,org_id,ip,details");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${admin.email},user,access.denied,access_request,${req.id}`);
    // The note sits inside the JSON details cell; no cell starts with a formula character.
    for (const cell of lines[1]!.split(",")) expect(cell).not.toMatch(/^"?[=+\-@]/);
    expect(await auditOf({ action: "audit.exported", actorUserId: admin.id })).toHaveLength(1);
  });
});
