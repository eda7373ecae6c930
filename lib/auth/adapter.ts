// next-auth's Prisma adapter with Portolan's rules on top:
// - session tokens are stored as SHA-256 hashes (lib/auth/session-token.ts): every lookup hashes
//   the cookie's token first, and what next-auth gets back carries the plaintext it passed in;
// - a disabled user (User.disabledAt) has no valid session, whatever is in the table;
// - ids are Portolan's random public ids (usr_…, acc_…, ses_…), emails are normalised;
// - linked OAuth accounts keep no provider tokens: Portolan only needs to know who signed in, so
//   access/refresh/id tokens are never written to the database.
// - admin sessions are short (lib/auth/session-policy.ts): 12 h at most, 1 h idle; next-auth's
//   own 30-day extension never lengthens them.
// Emailed sign-in tokens are already hashed by next-auth (sha256(token + NEXTAUTH_SECRET)) before
// they reach createVerificationToken, and useVerificationToken deletes the row in one statement,
// so a link works once even when two clicks race.
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/lib/db/create-client";
import { newId } from "@/lib/ids";
import { normalizeEmail, normalizeEmailOrThrow } from "./email-address";
import { ADMIN_SESSION_IDLE_MS, adminExpiryOnUse, sessionIsLive } from "./session-policy";
import { hashSessionToken } from "./session-token";

type User = NonNullable<Awaited<ReturnType<Db["user"]["findUnique"]>>>;

const toAdapterUser = (u: User): AdapterUser => u;

export function portolanAdapter(db: Db): Adapter {
  // The generated client is structurally the client the adapter expects (it calls only model
  // methods that exist on ours); its types come from @prisma/client's default output.
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,

    async createUser(data: Omit<AdapterUser, "id">) {
      const user = await db.user.create({
        data: {
          id: newId("usr"),
          email: normalizeEmailOrThrow(data.email),
          emailVerified: data.emailVerified ?? null,
          name: data.name ?? null,
          image: data.image ?? null,
        },
      });
      return toAdapterUser(user);
    },

    async getUserByEmail(email) {
      const parsed = normalizeEmail(email);
      if (!parsed.ok) return null;
      const user = await db.user.findUnique({ where: { email: parsed.email } });
      return user ? toAdapterUser(user) : null;
    },

    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          id: newId("acc"),
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        },
      });
    },

    async createSession({ sessionToken, userId, expires: requested }): Promise<AdapterSession> {
      const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
      const expires = user?.role === "admin" ? new Date(Math.min(requested.getTime(), Date.now() + ADMIN_SESSION_IDLE_MS)) : requested;
      await db.session.create({ data: { id: newId("ses"), sessionToken: hashSessionToken(sessionToken), userId, expires } });
      return { sessionToken, userId, expires };
    },

    async getSessionAndUser(sessionToken) {
      const row = await db.session.findUnique({ where: { sessionToken: hashSessionToken(sessionToken) }, include: { user: true } });
      if (!row || row.user.disabledAt || !sessionIsLive(row, row.user.role === "admin")) return null;
      return { session: { sessionToken, userId: row.userId, expires: row.expires }, user: toAdapterUser(row.user) };
    },

    async updateSession({ sessionToken, expires }) {
      const hash = hashSessionToken(sessionToken);
      const row = await db.session.findUnique({ where: { sessionToken: hash }, include: { user: { select: { role: true } } } });
      if (!row) return null;
      // next-auth asks for maxAge (30 days) from now; an admin's session gets its idle hour instead.
      const isAdmin = row.user.role === "admin";
      const next = isAdmin ? adminExpiryOnUse(row, true) : expires;
      if (isAdmin && !next) return { sessionToken, userId: row.userId, expires: row.expires };
      const data = next ? { expires: next } : {};
      const updated = await db.session.update({ where: { sessionToken: hash }, data });
      return { sessionToken, userId: updated.userId, expires: updated.expires };
    },

    async deleteSession(sessionToken) {
      const hash = hashSessionToken(sessionToken);
      const row = await db.session.findUnique({ where: { sessionToken: hash } });
      // deleteMany: signing out twice (or after "sign out everywhere") is not an error.
      await db.session.deleteMany({ where: { sessionToken: hash } });
      return row ? { sessionToken, userId: row.userId, expires: row.expires } : null;
    },

    async createVerificationToken(token) {
      // Expired tokens are useless; drop them so the table stays small.
      await db.verificationToken.deleteMany({ where: { expires: { lt: new Date() } } });
      await db.verificationToken.create({ data: token });
      return token;
    },
  };
}
