// Changelog entries written by admins, through the form handlers on the real database: admins
// only (developers and anonymous visitors: 404), fields checked like file entries, publish /
// unpublish / delete need a fresh second factor (no factor: refused; stale: the step-up page),
// every action audited, and a published entry joins the API's changelog and feeds beside the
// file entries (its text escaped there), gone again once unpublished.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseJsonFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { authCookies } from "@/lib/auth/cookies";
import { hashSessionToken } from "@/lib/auth/session-token";
import { cacheDirFor } from "@/lib/specs/cache";
import { ingestSpecs } from "@/lib/specs/ingest";
import { FORM_ORIGIN, formPost, userWithSession } from "@/tests/admin-forms";
import { testDb } from "@/tests/db";

let sessionCookie: string | undefined;
const revalidated: string[] = [];
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => revalidated.push(p) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (sessionCookie && name === authCookies(process.env.PORTAL_URL!).sessionToken.name ? { name, value: sessionCookie } : undefined) }),
}));

const ORIGIN = FORM_ORIGIN;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "portolan-admin-entries-"));
const db = testDb();
const tokens = { admin: "", developer: "" };
let adminId = "";
let forms: typeof import("./admin-entry-forms");
let store: typeof import("./store");

async function signedIn(role: "admin" | "developer") {
  const user = await userWithSession(db, role, "entries");
  if (role === "admin") adminId = user.id;
  return user.token;
}

const post = formPost;

const act = (id: string, fields: Record<string, string | string[]>) => forms.entryActionForm(post(`/api/admin/changelog/${id}`, fields), id);
const where = (res: Response) => decodeURIComponent(res.headers.get("location") ?? "");

async function feedTitles(): Promise<{ title: string; html: string }[]> {
  const route = await import("@/app/(docs)/apis/[api]/changelog/feed.json/route");
  const res = await route.GET(new Request(`${ORIGIN}/apis/wxentries/changelog/feed.json`), { params: Promise.resolve({ api: "wxentries" }) });
  return (parseJsonFeed(await res.text()).items ?? []).map((i) => ({ title: i.title ?? "", html: i.content_html ?? "" }));
}

beforeAll(async () => {
  fs.cpSync(path.resolve("specs/weather"), path.join(root, "specs/wxentries"), { recursive: true });
  await ingestSpecs({ specsDir: path.join(root, "specs"), cacheDir: cacheDirFor(root), rulesetPath: path.resolve("redocly.yaml"), timeoutMs: 60_000, memoryMb: 1024 });
  Object.assign(process.env, { DATA_DIR: root, SPECS_DIR: path.join(root, "specs"), DATABASE_URL: inject("databaseUrl"), PORTAL_URL: ORIGIN });
  tokens.admin = await signedIn("admin");
  tokens.developer = await signedIn("developer");
  forms = await import("./admin-entry-forms");
  store = await import("./store");
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("admin changelog entries", () => {
  let id = "";
  const fields = { action: "save", title: "Rate limits double", date: "2026-11-20", versions: ["v2"], severity: "non-breaking", kind: "rate-limits-raised", operations: "get /forecast\nGET /alerts", body: "From **60** to 120 calls a minute. <script>alert(1)</script> [x](javascript:alert(2))" };

  it("are for admins only: a cross-site post is 403; developers and unknown ids get 404", async () => {
    sessionCookie = tokens.admin;
    expect((await forms.createEntryForm(post("/api/admin/changelog", { api: "wxentries", title: "x" }, "https://evil.example"))).status).toBe(403);
    sessionCookie = tokens.developer;
    expect((await forms.createEntryForm(post("/api/admin/changelog", { api: "wxentries", title: "x" }))).status).toBe(404);
    expect(await db.adminChangelogEntry.count({ where: { apiId: "wxentries" } })).toBe(0);
    sessionCookie = undefined;
    expect(where(await forms.createEntryForm(post("/api/admin/changelog", { api: "wxentries", title: "x" })))).toContain("/signin?callbackUrl=");
  });

  it("an admin drafts and edits an entry; bad fields come back as messages", async () => {
    sessionCookie = tokens.admin;
    const created = await forms.createEntryForm(post("/api/admin/changelog", { api: "wxentries", title: "Rate limits double" }));
    id = /\/admin\/changelog\/(cle_[0-9A-Za-z]{20})\?done=created$/.exec(where(created))?.[1] ?? "";
    expect(id).not.toBe("");
    const draft = await db.adminChangelogEntry.findUniqueOrThrow({ where: { id } });
    expect(draft).toMatchObject({ status: "draft", versions: ["v2"], body: "" });

    expect(where(await act(id, { ...fields, date: "2026-13-01" }))).toContain("date: must be a date written YYYY-MM-DD");
    expect(where(await act(id, { ...fields, versions: ["v9"] }))).toContain("versions: v9 is not a version of wxentries");
    expect(where(await act(id, { ...fields, operations: "fetch /x" }))).toContain('"fetch /x" is not written "METHOD /path"');
    expect(where(await act(id, { ...fields, kind: "Not A Kind" }))).toContain("kind: must be lower-case words joined by -");
    expect(where(await act(id, fields))).toBe(`${ORIGIN}/admin/changelog/${id}?done=save`);
    expect(await db.adminChangelogEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Rate limits double", severity: "non-breaking", kind: "rate-limits-raised", operations: ["GET /forecast", "GET /alerts"] });
    // A draft is on no page.
    expect((await store.entriesOf("wxentries")).some((e) => e.source === "admin")).toBe(false);
  });

  it("publishing needs a fresh second factor: refused without one, the step-up page when stale", async () => {
    sessionCookie = tokens.admin;
    expect(where(await act(id, { action: "publish" }))).toContain("?error=Admin actions need two-factor authentication");
    expect(where(await act(id, { action: "delete" }))).toContain("?error=Admin actions need two-factor authentication");
    await db.secondFactor.create({ data: { userId: adminId, secretSealed: "unused-here", confirmedAt: new Date() } });
    await db.session.update({ where: { sessionToken: hashSessionToken(tokens.admin) }, data: { secondFactorAt: new Date(Date.now() - 11 * 60_000) } });
    expect(where(await act(id, { action: "publish" }))).toBe(`${ORIGIN}/account/security/verify?next=/admin/changelog/${id}`);
    expect((await db.adminChangelogEntry.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    const refused = await db.auditEvent.findMany({ where: { actorUserId: adminId, action: "admin.refused" } });
    expect(refused.map((r) => (r.details as { attempted: string }).attempted).sort()).toEqual(["changelog.delete", "changelog.publish", "changelog.publish"]);
  });

  it("a published entry joins the changelog and its feed beside the file entries, escaped; unpublish and delete take it away", async () => {
    await db.session.update({ where: { sessionToken: hashSessionToken(tokens.admin) }, data: { secondFactorAt: new Date() } });
    revalidated.length = 0;
    expect(where(await act(id, { action: "publish" }))).toBe(`${ORIGIN}/admin/changelog/${id}?done=publish`);
    expect(revalidated).toContain("/apis/wxentries/changelog");
    expect(revalidated).toContain("/changelog");

    const entries = await store.entriesOf("wxentries");
    expect(entries.filter((e) => e.source === "file").length).toBe(3);
    expect(entries.find((e) => e.source === "admin")).toMatchObject({ id: `admin:${id}`, date: "2026-11-20", versions: ["v2"], severity: "non-breaking", operations: [{ method: "get", path: "/forecast" }, { method: "get", path: "/alerts" }] });
    const releases = await store.releasesFor((await import("@/lib/specs/index")).findApi("wxentries")!);
    expect(releases.find((r) => r.version.id === "v2")?.entries.map((e) => e.title)).toContain("Rate limits double");

    const item = (await feedTitles()).find((i) => i.title === "Rate limits double");
    expect(item).toBeDefined();
    expect(item!.html).not.toContain("<script");
    expect(item!.html).toContain("&lt;script&gt;");

    expect(where(await act(id, { action: "unpublish" }))).toBe(`${ORIGIN}/admin/changelog/${id}?done=unpublish`);
    expect((await feedTitles()).some((i) => i.title === "Rate limits double")).toBe(false);
    expect(where(await act(id, { action: "delete" }))).toBe(`${ORIGIN}/admin/changelog?done=deleted`);
    expect(await db.adminChangelogEntry.count({ where: { id } })).toBe(0);
    expect((await act(id, { action: "publish" })).status).toBe(404);

    const events = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["changelog.created", "changelog.updated", "changelog.published", "changelog.unpublished", "changelog.deleted"]);
    expect(events.every((e) => e.actorUserId === adminId)).toBe(true);
  });
});
