// Which APIs a developer's personal feed covers: the APIs their apps (personal ones and their
// organizations') hold a grant for or called in the last 90 days, kept only while the developer
// may still see them (lib/access/visibility.ts). Read on every request, so a revoked grant or a
// removed membership drops the API at once. Disabled users have no feed.
import { userViewer } from "@/lib/access/api-access";
import { canViewApi } from "@/lib/access/visibility";
import type { Viewer } from "@/lib/access/viewer";
import type { Db } from "@/lib/db/create-client";
import type { CatalogApi } from "@/lib/specs/model";

const USAGE_DAYS = 90;

export async function personalFeedApis(db: Db, userId: string, catalog: readonly CatalogApi[], internalOrgSlug: string | undefined, now = new Date()): Promise<CatalogApi[] | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  const viewer = (await userViewer(db, user, internalOrgSlug)) as Extract<Viewer, { kind: "user" }>;
  const apps = { OR: [{ ownerUserId: userId }, { orgId: { in: viewer.orgIds } }] };
  // viewer.access.apis is already every API the user's apps hold a grant for (public ones too).
  const ids = new Set(viewer.access?.apis ?? []);
  const keys = await db.apiKey.findMany({ where: { app: apps }, select: { id: true } });
  if (keys.length) {
    const since = new Date(now.getTime() - USAGE_DAYS * 86_400_000);
    const used = await db.keyUsageDaily.findMany({ where: { keyId: { in: keys.map((k) => k.id) }, day: { gte: since } }, select: { apiId: true }, distinct: ["apiId"] });
    for (const u of used) ids.add(u.apiId);
  }
  return catalog.filter((api) => ids.has(api.id) && canViewApi(viewer, api));
}
