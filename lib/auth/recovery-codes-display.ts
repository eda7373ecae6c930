// Recovery codes are shown once, right after enrolment. The server keeps only their hashes, so
// between the confirm POST and the page it redirects to (PRG) the plaintext travels in a cookie
// sealed with the server secret (AES-GCM, lib/auth/totp.ts): HttpOnly, SameSite=Strict, only for
// /account/security, 10 minutes, bound to the user, cleared by the "I have saved them" button.
import { openSecret, sealSecret } from "./totp";

export const RECOVERY_DISPLAY_MAX_AGE_S = 600;

export function recoveryDisplayCookie(portalUrl: string) {
  const secure = portalUrl.startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}portolan.recovery-codes`,
    options: { httpOnly: true, sameSite: "strict" as const, path: "/account/security", secure, maxAge: RECOVERY_DISPLAY_MAX_AGE_S },
  };
}

export function sealRecoveryCodes(userId: string, codes: string[], serverSecret: string, now = Date.now()): string {
  return sealSecret(JSON.stringify({ u: userId, c: codes, e: now + RECOVERY_DISPLAY_MAX_AGE_S * 1000 }), serverSecret);
}

/** The codes, when the cookie is this user's, intact and not expired. */
export function openRecoveryCodes(value: string | undefined, userId: string, serverSecret: string, now = Date.now()): string[] | null {
  const plain = value ? openSecret(value, serverSecret) : null;
  if (!plain) return null;
  try {
    const v = JSON.parse(plain) as { u?: unknown; c?: unknown; e?: unknown };
    if (v.u !== userId || typeof v.e !== "number" || v.e < now || !Array.isArray(v.c) || !v.c.every((c) => typeof c === "string")) return null;
    return v.c as string[];
  } catch {
    return null;
  }
}
