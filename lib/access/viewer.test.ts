import { afterAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/tests/db";
import { generateSessionToken, hashSessionToken } from "@/lib/auth/session-token";
import { newId } from "@/lib/ids";

vi.mock("server-only", () => ({}));
const { ANONYMOUS, viewerForSessionToken } = await import("./viewer");

const db = testDb();
afterAll(() => db.$disconnect());

async function userWithSession(opts: { role?: "admin" | "developer"; expiresIn?: number; orgs?: number; age?: number } = {}) {
  const id = newId("usr");
  await db.user.create({ data: { id, email: `${id.toLowerCase()}@example.test`, role: opts.role ?? "developer" } });
  const orgIds: string[] = [];
  for (let i = 0; i < (opts.orgs ?? 0); i++) {
    const orgId = newId("org");
    await db.organization.create({ data: { id: orgId, slug: orgId.toLowerCase(), name: orgId } });
    await db.membership.create({ data: { orgId, userId: id } });
    orgIds.push(orgId);
  }
  const token = generateSessionToken();
  await db.session.create({ data: { id: newId("ses"), sessionToken: hashSessionToken(token), userId: id, expires: new Date(Date.now() + (opts.expiresIn ?? 3600_000)), createdAt: new Date(Date.now() - (opts.age ?? 0)) } });
  return { id, token, orgIds };
}

describe("viewerForSessionToken", () => {
  it("is anonymous without a cookie or with an unknown token", async () => {
    expect(await viewerForSessionToken(undefined, db)).toEqual(ANONYMOUS);
    expect(await viewerForSessionToken(generateSessionToken(), db)).toEqual(ANONYMOUS);
  });

  it("names the user, their admin role and their organizations", async () => {
    const dev = await userWithSession({ orgs: 2 });
    expect(await viewerForSessionToken(dev.token, db)).toEqual({ kind: "user", userId: dev.id, isAdmin: false, orgIds: expect.arrayContaining(dev.orgIds), access: { apis: [], internal: false } });
    const admin = await userWithSession({ role: "admin" });
    expect(await viewerForSessionToken(admin.token, db)).toEqual({ kind: "user", userId: admin.id, isAdmin: true, orgIds: [], access: { apis: [], internal: false } });
  });

  it("refuses the stored hash as a token, expired sessions and disabled users", async () => {
    const u = await userWithSession();
    expect(await viewerForSessionToken(hashSessionToken(u.token), db)).toEqual(ANONYMOUS);
    const expired = await userWithSession({ expiresIn: -1000 });
    expect(await viewerForSessionToken(expired.token, db)).toEqual(ANONYMOUS);
    await db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await viewerForSessionToken(u.token, db)).toEqual(ANONYMOUS);
  });
});

describe("admin sessions are short (lib/auth/session-policy.ts)", () => {
  const H = 3_600_000;
  const expiresOf = async (token: string) => (await db.session.findUniqueOrThrow({ where: { sessionToken: hashSessionToken(token) } })).expires.getTime();

  it("end 12 hours after sign-in, however recently used; a developer's session of that age lives on", async () => {
    const admin = await userWithSession({ role: "admin", age: 12 * H + 1000, expiresIn: 30 * 60_000 });
    expect(await viewerForSessionToken(admin.token, db)).toEqual(ANONYMOUS);
    const dev = await userWithSession({ age: 12 * H + 1000, expiresIn: 29 * 24 * H });
    expect((await viewerForSessionToken(dev.token, db)).kind).toBe("user");
    expect(await expiresOf(dev.token)).toBeGreaterThan(Date.now() + 28 * 24 * H); // untouched
  });

  it("end after an hour without use, and each use moves that hour", async () => {
    const idle = await userWithSession({ role: "admin", age: 2 * H, expiresIn: -1000 });
    expect(await viewerForSessionToken(idle.token, db)).toEqual(ANONYMOUS);
    const active = await userWithSession({ role: "admin", age: 30 * 60_000, expiresIn: 10 * 60_000 });
    expect((await viewerForSessionToken(active.token, db)).kind).toBe("user");
    const moved = await expiresOf(active.token);
    expect(moved).toBeGreaterThan(Date.now() + H - 5_000);
    expect(moved).toBeLessThanOrEqual(Date.now() + H);
  });

  it("pull in the 30 days of a session that began before its user became an admin", async () => {
    const promoted = await userWithSession({ role: "admin", expiresIn: 30 * 24 * H });
    expect((await viewerForSessionToken(promoted.token, db)).kind).toBe("user");
    expect(await expiresOf(promoted.token)).toBeLessThanOrEqual(Date.now() + H);
  });
});
