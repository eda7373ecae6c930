// Which version pairs the changelog compares: each loaded version with the loaded one before it.
import type { CatalogVersion } from "@/lib/specs/model";
import type { VersionHandle } from "./cache";

/** Loaded versions, oldest first, paired with the one before: [v1, v2], [v2, v3], … */
export function consecutivePairs(versions: readonly CatalogVersion[]): [CatalogVersion, CatalogVersion][] {
  const ok = versions.filter((v) => v.status === "ok" && v.contentHash);
  return ok.slice(1).map((v, i) => [ok[i]!, v]);
}

export const handle = (apiId: string, v: CatalogVersion): VersionHandle => ({ apiId, versionId: v.id, contentHash: v.contentHash });
