// Test keys for the docs' Try-it console. Keys are stored hashed, so the console can never show
// an existing one; instead a signed-in reader whose app may call the API mints a fresh `ptl_test_`
// key for it: valid one hour, scoped to this API only, named "Try-it key", audited, and listed
// with the app's other keys (where it can be revoked early). Its plaintext is in the answer to the
// POST only, like every other key (lib/keys/store.ts).
import "server-only";
import { z } from "zod";
import { canViewApi } from "@/lib/access/visibility";
import { ApiError, forbidden, notFound } from "@/lib/api/respond";
import type { UserViewer } from "@/lib/api/viewer";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/keys/store";
import type { RateLimitRule } from "@/lib/rate-limit";
import { findApi } from "@/lib/specs";
import { getApp, keyViewOf, listApps, type KeyView } from "./apps";

export const TRY_IT_KEY_NAME = "Try-it key";
export const TRY_IT_KEY_SECONDS = 3600;
/** Each mint is a row and an audit entry: enough for a day of reading docs, not a key factory. */
export const TRY_IT_MINT_LIMIT: RateLimitRule = { name: "try-it-keys-user", limit: 20, windowSeconds: 3600 };

export interface TryItApp {
  id: string;
  name: string;
  environment: "sandbox" | "production";
  /** "Personal" or the organization's name, to tell apps of the same name apart. */
  owner: string;
}

/** The key as the API shows every key, with its secret (shown once, in the console only). */
export type TryItKey = KeyView & { secret: string };

export const TryItKeySchema = z.strictObject({ api: z.string().min(1).max(100) });

/** The API if this viewer may read its docs; otherwise the same 404 as an unknown API. */
function viewableApi(viewer: UserViewer, apiId: string) {
  const api = findApi(apiId);
  if (!api || !canViewApi(viewer, api)) throw notFound();
  return api;
}

/** The viewer's apps that may call `apiId` and that the viewer may create keys for. */
export async function tryItApps(viewer: UserViewer, apiId: string): Promise<TryItApp[]> {
  const api = viewableApi(viewer, apiId);
  return (await listApps(viewer))
    .filter((a) => a.capability === "manage" && a.apis.includes(api.id))
    .map((a) => ({ id: a.id, name: a.name, environment: a.environment, owner: a.owner.kind === "user" ? "Personal" : a.owner.name }));
}

export async function mintTryItKey(viewer: UserViewer, appId: string, input: z.infer<typeof TryItKeySchema>, ip: string | null, now = new Date()): Promise<TryItKey> {
  const app = await getApp(viewer, appId);
  if (app.capability !== "manage") throw forbidden("Only the app's owner or its organization's owners and admins may create keys.");
  const api = viewableApi(viewer, input.api);
  if (!app.apis.includes(api.id)) throw new ApiError(400, "invalid_request", `The app has no access to ${api.id}. Enable it or request access first.`);
  const scopes = [`${api.id}:read`, `${api.id}:write`];
  const expiresAt = new Date(now.getTime() + TRY_IT_KEY_SECONDS * 1000);
  const created = await createApiKey(db(), { appId: app.id, name: TRY_IT_KEY_NAME, scopes, expiresAt, kind: "test", purpose: "try-it" }, { userId: viewer.userId, kind: "user", ip });
  return { ...(await keyViewOf(app.id, created.id)), secret: created.plaintext };
}
