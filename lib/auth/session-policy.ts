// How long a session lives. Developers: 30 days, extended on use (next-auth's maxAge/updateAge).
// Portal admins: at most 12 hours from sign-in, and one hour without use ends it. An admin's
// session opens the admin area, internal APIs and other people's keys, so a forgotten tab or a
// stolen cookie must stop working soon. The idle hour is kept in `Session.expires` itself (moved
// forward on use, at most once a minute), so no column or job is needed and every check that
// already compares `expires` (the session list, next-auth's cookie expiry) agrees.
export const ADMIN_SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
export const ADMIN_SESSION_IDLE_MS = 60 * 60 * 1000;
/** Writes of the idle deadline closer together than this are skipped. */
const SLIDE_STEP_MS = 60 * 1000;

export interface SessionTimes {
  createdAt: Date;
  expires: Date;
}

/** When the session ends: at `expires`, and for admins no later than 12 hours after sign-in. */
export function sessionEndsAt(s: SessionTimes, isAdmin: boolean): Date {
  if (!isAdmin) return s.expires;
  return new Date(Math.min(s.expires.getTime(), s.createdAt.getTime() + ADMIN_SESSION_MAX_AGE_MS));
}

export function sessionIsLive(s: SessionTimes, isAdmin: boolean, now = new Date()): boolean {
  return sessionEndsAt(s, isAdmin) > now;
}

/**
 * The `expires` an admin session in use now should have (an hour from now, capped at 12 hours
 * after sign-in), or null when the stored one is close enough (or the user is no admin). Also
 * pulls in a longer `expires` (a session that began before its user became an admin).
 */
export function adminExpiryOnUse(s: SessionTimes, isAdmin: boolean, now = new Date()): Date | null {
  if (!isAdmin) return null;
  const next = Math.min(now.getTime() + ADMIN_SESSION_IDLE_MS, s.createdAt.getTime() + ADMIN_SESSION_MAX_AGE_MS);
  const current = s.expires.getTime();
  return current > next || next - current >= SLIDE_STEP_MS ? new Date(next) : null;
}
