// What next-auth's callbacks and events need to know about the request they run in (next-auth 4
// does not pass it): the client address for audit entries and the session cookie, to refuse
// linking a new OAuth account to whoever is signed in. Set by the route handler around each call.
import { AsyncLocalStorage } from "node:async_hooks";

export interface AuthRequestContext {
  ip: string | null;
  /** The session cookie's token, when the request carries one. */
  sessionToken: string | null;
  /** Set by the signIn callback: the provider vouched for the address (events see less). */
  emailVerified?: boolean;
}

const storage = new AsyncLocalStorage<AuthRequestContext>();

export function runWithAuthContext<T>(context: AuthRequestContext, fn: () => Promise<T>): Promise<T> {
  return storage.run(context, fn);
}

export function authContext(): AuthRequestContext {
  return storage.getStore() ?? { ip: null, sessionToken: null };
}
