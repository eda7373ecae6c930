// The admin notice forms' POST handlers (SEC-C2 and the admin-only rule): a cross-site or
// Origin-less POST is refused with 403 before anything is read; anonymous users and developers
// get the same 404 as an unknown path; an admin's POST creates, saves and publishes with
// Post/Redirect/Get, and a bad field comes back as a message on the page, not a 500. Publishing,
// scheduling, withdrawing and brownouts need a fresh TOTP step-up (lib/admin/step-up.ts): no
// factor → refused with a message; a step-up older than 10 minutes → the step-up page and back.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { authCookies } from "@/lib/auth/cookies";
import { hashSessionToken } from "@/lib/auth/session-token";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { FORM_ORIGIN, formPost, userWithSession } from "@/tests/admin-forms";
import { testDb } from "@/tests/db";

let sessionCookie: string | undefined;
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (sessionCookie && name === authCookies(process.env.PORTAL_URL!).sessionToken.name ? { name, value: sessionCookie } : undefined) }),
}));

const ORIGIN = FORM_ORIGIN;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-notice-forms-"));
const db = testDb();
const tokens = { admin: "", developer: "" };
let adminUserId = "";
let forms: typeof import("./admin-forms");

async function signedIn(role: "admin" | "developer") {
  const user = await userWithSession(db, role, "forms");
  if (role === "admin") adminUserId = user.id;
  return user.token;
}

const post = formPost;

beforeAll(async () => {
  fs.cpSync(path.resolve("specs/weather"), path.join(root, "specs/wxform"), { recursive: true });
  await ingestSpecs({ specsDir: path.join(root, "specs"), cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  Object.assign(process.env, { DATA_DIR: root, SPECS_DIR: path.join(root, "specs"), DATABASE_URL: inject("databaseUrl"), PORTAL_URL: ORIGIN });
  tokens.admin = await signedIn("admin");
  tokens.developer = await signedIn("developer");
  forms = await import("./admin-forms");
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("admin notice forms", () => {
  it("refuse cross-site and Origin-less posts with 403, whoever is signed in", async () => {
    sessionCookie = tokens.admin;
    for (const origin of [null, "https://evil.example", "null"]) {
      const res = await forms.createNoticeForm(post("/api/admin/notices", { api: "wxform", title: "x" }, origin));
      expect(res.status, String(origin)).toBe(403);
    }
    expect(await db.deprecationNotice.count({ where: { apiId: "wxform" } })).toBe(0);
  });

  it("answer 404 to anonymous visitors and developers, like an unknown path", async () => {
    for (const who of [undefined, tokens.developer]) {
      sessionCookie = who;
      expect((await forms.createNoticeForm(post("/api/admin/notices", { api: "wxform", title: "x" }))).status).toBe(404);
    }
    expect(await db.deprecationNotice.count({ where: { apiId: "wxform" } })).toBe(0);
  });

  it("let an admin create, save and publish with redirects; bad fields come back as a message", async () => {
    sessionCookie = tokens.admin;
    const created = await forms.createNoticeForm(post("/api/admin/notices", { api: "wxform", title: "Alerts move" }));
    expect(created.status).toBe(303);
    const location = created.headers.get("location")!;
    const id = /\/admin\/notices\/(ntc_[0-9A-Za-z]{20})\?done=created$/.exec(location)?.[1];
    expect(id).toBeDefined();

    const bad = await forms.noticeActionForm(post(`/api/admin/notices/${id}`, { action: "save", title: "Alerts move", operations: ["v2 GET /nope"], sunsetAt: "2027-13-01" }), id!);
    expect(bad.status).toBe(303);
    expect(decodeURIComponent(bad.headers.get("location")!)).toContain("sunsetAt: must be a date written YYYY-MM-DD");
    const unknownOp = await forms.noticeActionForm(post(`/api/admin/notices/${id}`, { action: "save", title: "Alerts move", operations: ["v2 GET /nope"] }), id!);
    expect(decodeURIComponent(unknownOp.headers.get("location")!)).toContain("v2 GET /nope is not an operation of wxform");

    const saved = await forms.noticeActionForm(post(`/api/admin/notices/${id}`, { action: "save", title: "Alerts move", operations: ["v2 GET /alerts"], sunsetAt: "2027-05-01", body: "Body", migrationGuide: "Guide" }), id!);
    expect(saved.headers.get("location")).toBe(`${ORIGIN}/admin/notices/${id}?done=save`);

    // Saving a draft needs no second factor; publishing, scheduling and brownouts do.
    const later = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    const gated = { publish: {}, schedule: { publishAt: later }, brownout: { startsAt: later, durationMinutes: "15" }, withdraw: {} };
    for (const [action, extra] of Object.entries(gated)) {
      const refused = await forms.noticeActionForm(post(`/api/admin/notices/${id}`, { action, ...extra }), id!);
      expect(refused.status, action).toBe(303);
      expect(decodeURIComponent(refused.headers.get("location")!), action).toContain("?error=Admin actions need two-factor authentication");
    }
    expect((await db.deprecationNotice.findUniqueOrThrow({ where: { id: id! } })).status).toBe("draft");
    expect(await db.brownout.count({ where: { noticeId: id! } })).toBe(0);
    const refusals = await db.auditEvent.findMany({ where: { actorUserId: adminUserId, action: "admin.refused" } });
    expect(refusals.map((r) => (r.details as { attempted: string }).attempted).sort()).toEqual(["notice.brownout", "notice.publish", "notice.schedule", "notice.withdraw"]);

    // A confirmed factor (enrolment itself is tested in lib/data/admin) but a step-up 11 minutes old:
    // through the step-up page, back to this notice.
    await db.secondFactor.create({ data: { userId: adminUserId, secretSealed: "unused-here", confirmedAt: new Date() } });
    await db.session.update({ where: { sessionToken: hashSessionToken(tokens.admin) }, data: { secondFactorAt: new Date(Date.now() - 11 * 60_000) } });
    const stale = await forms.noticeActionForm(post(`/api/admin/notices/${id}`, { action: "publish" }), id!);
    expect(stale.headers.get("location")).toBe(`${ORIGIN}/account/security/verify?next=${encodeURIComponent(`/admin/notices/${id}`)}`);
    expect((await db.deprecationNotice.findUniqueOrThrow({ where: { id: id! } })).status).toBe("draft");

    await db.session.update({ where: { sessionToken: hashSessionToken(tokens.admin) }, data: { secondFactorAt: new Date() } });
    const published = await forms.noticeActionForm(post(`/api/admin/notices/${id}`, { action: "publish" }), id!);
    expect(published.headers.get("location")).toBe(`${ORIGIN}/admin/notices/${id}?done=publish`);
    const row = await db.deprecationNotice.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "published", operations: ["v2 GET /alerts"], body: "Body", migrationGuide: "Guide" });
    expect(row.sunsetAt?.toISOString()).toBe("2027-05-01T00:00:00.000Z");

    // A developer cannot act on it, and an unknown id is the same 404.
    sessionCookie = tokens.developer;
    expect((await forms.noticeActionForm(post(`/api/admin/notices/${id}`, { action: "withdraw" }), id!)).status).toBe(404);
    sessionCookie = tokens.admin;
    expect((await forms.noticeActionForm(post(`/api/admin/notices/ntc_${"x".repeat(20)}`, { action: "withdraw" }), `ntc_${"x".repeat(20)}`)).status).toBe(404);
    expect((await db.deprecationNotice.findUniqueOrThrow({ where: { id: id! } })).status).toBe("published");
  });
});
