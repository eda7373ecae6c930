// Names and flags of the sign-in cookies (SEC-C1), shared by the next-auth options, proxy.ts
// (which mints the CSRF cookie for our own sign-in forms) and the viewer lookup. When the portal
// is served over https: `__Secure-` session cookie and `__Host-` CSRF cookie (no Domain, Path=/,
// Secure), all HttpOnly and SameSite=Lax. Over plain http (a local install) the prefixes would
// make browsers drop the cookies, so they are left off there.

export interface CookieSpec {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
}

export interface AuthCookies {
  sessionToken: CookieSpec;
  csrfToken: CookieSpec;
  callbackUrl: CookieSpec;
}

export function authCookies(portalUrl: string): AuthCookies {
  const secure = portalUrl.startsWith("https://");
  const options = { httpOnly: true, sameSite: "lax", path: "/", secure } as const;
  return {
    sessionToken: { name: `${secure ? "__Secure-" : ""}portolan.session`, options },
    csrfToken: { name: `${secure ? "__Host-" : ""}portolan.csrf`, options },
    callbackUrl: { name: `${secure ? "__Secure-" : ""}portolan.callback-url`, options },
  };
}
