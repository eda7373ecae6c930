// Who a notice reaches: the apps whose keys called an affected operation in the last `days` days
// (KeyUsageDaily, recorded by key verification), each with its owners' addresses (the user who
// owns it, or the owners and admins of its organization) and its calls per affected operation.
// The admin page shows the totals before publishing; targeted emails use the same function.
// Disabled users are left out of the owners. `db` may be a transaction client.
import { appOwnerEmails, appOwnersSelect } from "@/lib/data/app-owners";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOperationKey } from "./operations";
import type { Notice } from "./types";

type Client = Pick<Db, "keyUsageDaily" | "apiKey" | "app">;

export interface AppReach {
  appId: string;
  name: string;
  owners: string[];
  /** Calls per affected operation, "v2 GET /current", most called first. */
  calls: { operation: string; calls: number }[];
  total: number;
}

export interface Audience {
  since: Date;
  apps: AppReach[];
  totals: { apps: number; owners: number; calls: number };
}

/** The usage rows a notice covers: its operations, else its versions, else the whole API. */
export function usageFilter(notice: Pick<Notice, "apiId" | "versions" | "operations">, since: Date): Prisma.KeyUsageDailyWhereInput {
  const base = { apiId: notice.apiId, day: { gte: since } };
  const ops = notice.operations.map(parseOperationKey).filter((o) => o !== null);
  if (ops.length) return { ...base, OR: ops.map((o) => ({ version: o.version, operation: o.operation })) };
  if (notice.versions.length) return { ...base, version: { in: notice.versions } };
  return base;
}

export async function noticeAudience(db: Client, notice: Pick<Notice, "apiId" | "versions" | "operations">, opts: { days: number; now?: Date }): Promise<Audience> {
  const now = opts.now ?? new Date();
  // KeyUsageDaily.day is a UTC date: count whole days, today included.
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (opts.days - 1)));
  const rows = await db.keyUsageDaily.groupBy({ by: ["keyId", "version", "operation"], where: usageFilter(notice, since), _sum: { calls: true } });
  if (!rows.length) return { since, apps: [], totals: { apps: 0, owners: 0, calls: 0 } };

  const keys = await db.apiKey.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.keyId))] } }, select: { id: true, appId: true } });
  const appOfKey = new Map(keys.map((k) => [k.id, k.appId]));
  const apps = await db.app.findMany({
    where: { id: { in: [...new Set(keys.map((k) => k.appId))] } },
    select: {
      id: true,
      name: true,
      ...appOwnersSelect,
    },
  });

  const reach = new Map<string, AppReach>();
  for (const a of apps) {
    reach.set(a.id, { appId: a.id, name: a.name, owners: appOwnerEmails(a), calls: [], total: 0 });
  }
  for (const r of rows) {
    const app = reach.get(appOfKey.get(r.keyId) ?? "");
    if (!app) continue; // the key's app was deleted since
    const name = `${r.version} ${r.operation}`;
    const calls = r._sum.calls ?? 0;
    const entry = app.calls.find((c) => c.operation === name);
    if (entry) entry.calls += calls;
    else app.calls.push({ operation: name, calls });
    app.total += calls;
  }
  const list = [...reach.values()].filter((a) => a.total > 0).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  for (const a of list) a.calls.sort((x, y) => y.calls - x.calls || x.operation.localeCompare(y.operation));
  return {
    since,
    apps: list,
    totals: { apps: list.length, owners: new Set(list.flatMap((a) => a.owners)).size, calls: list.reduce((n, a) => n + a.total, 0) },
  };
}
