// Records each ingested version in the database, so every instance (and the changelog and
// notices features) know which versions exist, when each first appeared and when it last changed.
// Safe when several instances start at once: inserts skip rows another instance just wrote,
// and updates only touch rows whose content or status differs.
import type { Db } from "@/lib/db/create-client";
import type { VersionReport } from "./ingest";
import { countBySeverity } from "./problems";

function columns(v: VersionReport) {
  const counts = countBySeverity(v.problems);
  return {
    contentHash: v.contentHash,
    format: v.model?.format ?? null,
    title: v.model?.title ?? null,
    operationCount: v.model?.operations.length ?? 0,
    status: v.status,
    errorCount: counts.errors,
    warningCount: counts.warnings,
  };
}

export async function recordIngest(db: Db, versions: VersionReport[]): Promise<void> {
  if (versions.length === 0) return;
  await db.specVersion.createMany({
    data: versions.map((v) => ({ apiId: v.apiId, version: v.version, ...columns(v) })),
    skipDuplicates: true,
  });
  for (const v of versions) {
    const data = columns(v);
    await db.specVersion.updateMany({
      where: { apiId: v.apiId, version: v.version, NOT: { contentHash: data.contentHash, status: data.status } },
      data: { ...data, ingestedAt: new Date() },
    });
  }
}
