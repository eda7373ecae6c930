import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "@/tests/db";
import { portolanAdapter } from "./adapter";
import { generateSessionToken, hashSessionToken } from "./session-token";

const db = testDb();
afterAll(() => db.$disconnect());
const adapter = portolanAdapter(db);
const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function newUser(email = `user-${unique()}@example.test`) {
  return adapter.createUser!({ email, emailVerified: new Date(), name: "Ada" } as never);
}

describe("session tokens", () => {
  it("are 256 random bits, URL-safe, not UUIDs", () => {
    const t = generateSessionToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(Array.from({ length: 100 }, generateSessionToken)).size).toBe(100);
  });
});

describe("portolanAdapter (PostgreSQL)", () => {
  it("creates users with a random public id and a normalised email", async () => {
    const user = await newUser(`  Mixed.Case-${unique()}@Example.TEST `);
    expect(user.id).toMatch(/^usr_[0-9A-Za-z]{20}$/);
    expect(user.email).toBe(user.email.toLowerCase().trim());
    expect((await adapter.getUserByEmail!(user.email.toUpperCase()))?.id).toBe(user.id);
    expect(await adapter.getUserByEmail!('"x"@example.test')).toBeNull();
  });

  it("stores only the SHA-256 of a session token; the plaintext finds the session, the hash does not", async () => {
    const user = await newUser();
    const token = generateSessionToken();
    const expires = new Date(Date.now() + 3600_000);
    const created = await adapter.createSession!({ sessionToken: token, userId: user.id, expires });
    expect(created.sessionToken).toBe(token); // next-auth puts this in the cookie

    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sessionToken).toBe(hashSessionToken(token));
    expect(rows[0]!.sessionToken).not.toContain(token);
    expect(rows[0]!.id).toMatch(/^ses_/);

    const found = await adapter.getSessionAndUser!(token);
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.sessionToken).toBe(token);
    // Someone holding a database dump cannot use the stored value as a cookie.
    expect(await adapter.getSessionAndUser!(rows[0]!.sessionToken)).toBeNull();
  });

  it("updates and deletes by token; deleting twice is not an error", async () => {
    const user = await newUser();
    const token = generateSessionToken();
    await adapter.createSession!({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 1000) });
    const later = new Date(Date.now() + 7 * 86400_000);
    expect((await adapter.updateSession!({ sessionToken: token, expires: later }))?.expires.getTime()).toBe(later.getTime());
    expect((await adapter.deleteSession!(token)) as { userId: string }).toMatchObject({ userId: user.id });
    expect(await adapter.deleteSession!(token)).toBeNull();
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(await adapter.updateSession!({ sessionToken: token, expires: later })).toBeNull();
  });

  it("gives a disabled user no valid session", async () => {
    const user = await newUser();
    const token = generateSessionToken();
    await adapter.createSession!({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3600_000) });
    expect(await adapter.getSessionAndUser!(token)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
  });

  it("links OAuth accounts without keeping the provider's tokens", async () => {
    const user = await newUser();
    await adapter.linkAccount!({
      userId: user.id,
      type: "oauth",
      provider: "oidc",
      providerAccountId: `sub-${unique()}`,
      access_token: "at-secret",
      refresh_token: "rt-secret",
      id_token: "id-secret",
      token_type: "bearer",
      expires_at: 123,
    } as never);
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.id).toMatch(/^acc_/);
    expect([account.access_token, account.refresh_token, account.id_token]).toEqual([null, null, null]);
    expect((await adapter.getUserByAccount!({ provider: "oidc", providerAccountId: account.providerAccountId }))?.id).toBe(user.id);
  });

  it("spends a verification token once", async () => {
    const identifier = `vt-${unique()}@example.test`;
    await adapter.createVerificationToken!({ identifier, token: `hash-${unique()}`, expires: new Date(Date.now() + 600_000) });
    const { token } = await db.verificationToken.findFirstOrThrow({ where: { identifier } });
    const [a, b] = await Promise.all([adapter.useVerificationToken!({ identifier, token }), adapter.useVerificationToken!({ identifier, token })]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await adapter.useVerificationToken!({ identifier, token })).toBeNull();
  });
});

describe("portolanAdapter: admin sessions (lib/auth/session-policy.ts)", () => {
  const H = 3_600_000;
  it("gives an admin's new session an idle hour, not 30 days, and never extends it past that", async () => {
    const admin = await newUser();
    await db.user.update({ where: { id: admin.id }, data: { role: "admin" } });
    const token = generateSessionToken();
    const created = await adapter.createSession!({ sessionToken: token, userId: admin.id, expires: new Date(Date.now() + 30 * 24 * H) });
    expect(created.expires.getTime()).toBeLessThanOrEqual(Date.now() + H);
    // next-auth's daily extension asks for 30 days; the admin gets an hour from now.
    const updated = await adapter.updateSession!({ sessionToken: token, expires: new Date(Date.now() + 30 * 24 * H) });
    expect(updated!.expires.getTime()).toBeLessThanOrEqual(Date.now() + H);
    expect(await adapter.getSessionAndUser!(token)).not.toBeNull();

    // Twelve hours after sign-in it is over, whatever its expiry says.
    await db.session.update({ where: { sessionToken: hashSessionToken(token) }, data: { createdAt: new Date(Date.now() - 12 * H - 1000) } });
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
  });

  it("keeps a developer's 30 days", async () => {
    const dev = await newUser();
    const token = generateSessionToken();
    const expires = new Date(Date.now() + 30 * 24 * H);
    expect((await adapter.createSession!({ sessionToken: token, userId: dev.id, expires })).expires).toEqual(expires);
    await db.session.update({ where: { sessionToken: hashSessionToken(token) }, data: { createdAt: new Date(Date.now() - 13 * H) } });
    expect(await adapter.getSessionAndUser!(token)).not.toBeNull();
  });
});
