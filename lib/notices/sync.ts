// Keeps the spec-derived notices (source = spec) in step with the specs: run at start after the
// ingest step (server/start.ts). Upserts by `specKey`, so restarts and several instances starting
// at once converge on one row per notice: rows are inserted with ON CONFLICT DO NOTHING, then
// updated only where the spec's words or dates changed (publishedAt stays the first sighting).
// A notice the specs no longer state is withdrawn; an admin's withdrawal of a spec notice sticks.
import type { Db } from "@/lib/db/create-client";
import { newId } from "@/lib/ids";
import { enqueueNoticeDeliveries } from "./deliveries";
import type { DerivedNotice } from "./derive";

export interface SyncReport {
  created: number;
  updated: number;
  withdrawn: number;
}

const sameDate = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `deliver`: also send the notices seen for the first time (deliveries.ts), in the transaction
 * that inserts them; needs the job queue's schema (lib/delivery/queue.ts installQueue).
 */
export async function syncSpecNotices(db: Db, derived: DerivedNotice[], now = new Date(), deliver?: { portalUrl: string }): Promise<SyncReport> {
  const report: SyncReport = { created: 0, updated: 0, withdrawn: 0 };
  if (derived.length) {
    report.created = await db.$transaction(async (tx) => {
      // Only the rows this call inserted come back (another instance's are skipped).
      const inserted = await tx.deprecationNotice.createManyAndReturn({
        data: derived.map((d) => ({ id: newId("ntc"), source: "spec" as const, status: "published" as const, publishedAt: now, ...d })),
        skipDuplicates: true,
      });
      if (deliver) for (const n of inserted) await enqueueNoticeDeliveries(tx, n, { portalUrl: deliver.portalUrl, now });
      return inserted.length;
    });
  }
  const existing = await db.deprecationNotice.findMany({ where: { source: "spec" } });
  const byKey = new Map(derived.map((d) => [d.specKey, d]));
  for (const row of existing) {
    const d = row.specKey ? byKey.get(row.specKey) : undefined;
    if (!d) {
      if (row.status !== "withdrawn") {
        await db.deprecationNotice.updateMany({ where: { id: row.id, status: { not: "withdrawn" } }, data: { status: "withdrawn", withdrawnAt: now } });
        report.withdrawn++;
      }
      continue;
    }
    const changed =
      row.title !== d.title || row.body !== d.body || row.migrationGuide !== d.migrationGuide || row.apiId !== d.apiId ||
      !sameList(row.versions, d.versions) || !sameList(row.operations, d.operations) || !sameDate(row.deprecatedAt, d.deprecatedAt) || !sameDate(row.sunsetAt, d.sunsetAt);
    // Status is never changed here: a withdrawn notice (by an admin, or because the spec once
    // dropped it) stays withdrawn until an admin publishes it again.
    if (changed) {
      await db.deprecationNotice.update({
        where: { id: row.id },
        data: { title: d.title, body: d.body, migrationGuide: d.migrationGuide, apiId: d.apiId, versions: d.versions, operations: d.operations, deprecatedAt: d.deprecatedAt, sunsetAt: d.sunsetAt },
      });
      report.updated++;
    }
  }
  return report;
}
