// next-auth configuration: database sessions through the Portolan adapter, the sign-in methods
// the environment enables, and the rules next-auth leaves to us (who may sign in, who becomes an
// admin, what is audited). Built on first use, never at import: `next build` imports route
// modules without a database or secret.
import "server-only";
import type { AuthOptions, Profile } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import GithubProvider from "next-auth/providers/github";
import type { OAuthConfig, Provider } from "next-auth/providers/index";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import { log } from "@/lib/log";
import { canSendMail, sendMail } from "@/lib/mail/send";
import { portolanAdapter } from "./adapter";
import { authCookies } from "./cookies";
import { normalizeEmail, normalizeEmailOrThrow } from "./email-address";
import { authContext } from "./request-context";
import { generateSessionToken, hashSessionToken } from "./session-token";
import { confirmUrl, signInMail, SIGN_IN_LINK_MINUTES } from "./sign-in-mail";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface SignInMethods {
  email: boolean;
  github: boolean;
  oidc: { name: string } | null;
}

/** Which sign-in methods this installation offers (for the sign-in page). */
export function signInMethods(e: Env = env()): SignInMethods {
  return {
    email: canSendMail(e),
    github: Boolean(e.GITHUB_ID && e.GITHUB_SECRET),
    oidc: e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET ? { name: e.OIDC_NAME } : null,
  };
}

type ProviderProfile = Profile & { email_verified?: boolean };

interface GithubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

function providers(e: Env): Provider[] {
  const list: Provider[] = [];
  const methods = signInMethods(e);
  if (methods.email) {
    list.push(
      EmailProvider({
        // Unused (sendVerificationRequest below sends); next-auth only reads it in its own sender.
        server: {},
        from: e.MAIL_FROM ?? "Portolan <no-reply@localhost>",
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        normalizeIdentifier: normalizeEmailOrThrow,
        async sendVerificationRequest({ identifier, url }) {
          await sendMail(e, db(), signInMail(normalizeEmailOrThrow(identifier), confirmUrl(e.portalUrl, url), e.portalUrl));
        },
      }),
    );
  }
  if (methods.github) {
    list.push(
      GithubProvider({
        clientId: e.GITHUB_ID!,
        clientSecret: e.GITHUB_SECRET!,
        // Only the primary address, and only when GitHub has verified it: an unverified address
        // would let someone create (and keep) the account of the address's real owner.
        userinfo: {
          url: "https://api.github.com/user",
          async request({ tokens }) {
            const headers = { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json", "User-Agent": "Portolan" };
            const profile = (await (await fetch("https://api.github.com/user", { headers })).json()) as Record<string, unknown>;
            const emails = (await (await fetch("https://api.github.com/user/emails", { headers })).json()) as unknown;
            const primary = Array.isArray(emails) ? (emails as GithubEmail[]).find((m) => m.primary && m.verified) : undefined;
            return { ...profile, email: primary?.email, email_verified: Boolean(primary) };
          },
        },
      }),
    );
  }
  if (methods.oidc) {
    const oidc: OAuthConfig<ProviderProfile & { sub: string; name?: string; preferred_username?: string }> = {
      id: "oidc",
      name: methods.oidc.name,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER!.replace(/\/+$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID!,
      clientSecret: e.OIDC_CLIENT_SECRET!,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // The ID token is verified (signature, issuer, audience); conformant providers put only
      // `sub` in it and the rest at the userinfo endpoint, whose answer openid-client checks is
      // about the same subject.
      userinfo: {
        async request({ tokens, client }) {
          // At run time `tokens` is openid-client's TokenSet (next-auth's type says less).
          const set = tokens as unknown as { claims(): { sub: string } };
          const claims = set.claims();
          const info = await client.userinfo(set as never);
          return { ...claims, ...info, sub: claims.sub };
        },
      },
      profile(p) {
        return { id: p.sub, name: p.name ?? p.preferred_username ?? null, email: p.email ?? null, image: null };
      },
    };
    list.push(oidc);
  }
  return list;
}

/** Whether the provider vouches for the address (admin promotion needs it). */
function emailIsVerified(provider: string, profile: ProviderProfile | undefined): boolean {
  return provider === "email" || profile?.email_verified === true;
}

async function currentSessionUserId(): Promise<string | null> {
  const token = authContext().sessionToken;
  if (!token) return null;
  const s = await db().session.findUnique({ where: { sessionToken: hashSessionToken(token) }, select: { userId: true, expires: true } });
  return s && s.expires > new Date() ? s.userId : null;
}

function buildOptions(e: Env): AuthOptions {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set; start the portal with `npm start`.");
  const cookies = authCookies(e.portalUrl);
  return {
    secret,
    adapter: portolanAdapter(db()),
    providers: providers(e),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60, generateSessionToken },
    useSecureCookies: e.portalUrl.startsWith("https://"),
    cookies: { sessionToken: cookies.sessionToken, csrfToken: cookies.csrfToken, callbackUrl: cookies.callbackUrl },
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin", verifyRequest: "/auth/check-email" },
    callbacks: {
      async signIn({ user, account, profile, email }) {
        // Asking for a link: the same answer for every address (known, unknown or disabled);
        // the checks below run when the link is used.
        if (email?.verificationRequest) return true;
        if (!account) return false;
        // next-auth hands events the mapped profile only; remember what the provider said.
        authContext().emailVerified = emailIsVerified(account.provider, profile as ProviderProfile | undefined);
        const address = normalizeEmail(user.email);
        if (!address.ok) return "/signin?error=InvalidEmail";
        const existing = await db().user.findUnique({ where: { email: address.email }, select: { disabledAt: true } });
        if (existing?.disabledAt) return false;
        if (account.type === "oauth") {
          const p = profile as ProviderProfile | undefined;
          if (p?.email_verified === false) return "/signin?error=EmailUnverified";
          // next-auth links a new OAuth account to whoever is signed in; without re-authentication
          // that would let a borrowed session add a permanent way in. Linking comes later, with
          // re-authentication; until then, signing in with a new provider needs signing out first.
          const linked = await db().account.findUnique({
            where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
            select: { userId: true },
          });
          const current = await currentSessionUserId();
          if (!linked && current) return "/account?error=LinkingUnavailable";
        }
        return true;
      },
      session({ session }) {
        // What /api/auth/session tells the browser: name and email, nothing else.
        return { expires: session.expires, user: { name: session.user?.name ?? null, email: session.user?.email ?? null } };
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        const provider = account?.provider ?? "unknown";
        const promote = e.adminEmails.includes(user.email ?? "") && authContext().emailVerified === true;
        await db().$transaction(async (tx) => {
          await audit(tx, { actorUserId: user.id, actorKind: "user", action: "auth.signin", targetType: "user", targetId: user.id, ip: authContext().ip, details: { provider, newUser: Boolean(isNewUser) } });
          // A provider that vouches for the address (OIDC/GitHub `email_verified`) verifies it like
          // an email link does: invitations to it can be accepted (lib/data/orgs.ts).
          if (authContext().emailVerified === true) await tx.user.updateMany({ where: { id: user.id, emailVerified: null }, data: { emailVerified: new Date() } });
          if (promote) {
            const { count } = await tx.user.updateMany({ where: { id: user.id, role: { not: "admin" } }, data: { role: "admin" } });
            if (count) await audit(tx, { actorKind: "system", action: "user.role_granted", targetType: "user", targetId: user.id, details: { role: "admin", via: "ADMIN_EMAILS" } });
          }
        });
      },
      async signOut({ session }) {
        const userId = (session as { userId?: string } | null)?.userId;
        if (userId) await audit(db(), { actorUserId: userId, actorKind: "user", action: "auth.signout", targetType: "user", targetId: userId, ip: authContext().ip });
      },
    },
    logger: {
      // next-auth's metadata can hold provider responses; the code and the message are enough.
      error: (code, metadata) => log.warn({ code, message: metadata instanceof Error ? metadata.message : (metadata as { error?: Error })?.error?.message }, "next-auth error"),
      warn: (code) => log.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
  };
}

let cached: AuthOptions | undefined;

export function authOptions(): AuthOptions {
  cached ??= buildOptions(env());
  return cached;
}
