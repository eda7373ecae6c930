// Problems of every API and version as the ingest step recorded them (problems.json per version),
// for the admin problems page. Server-only: it lists partner and internal APIs too.
import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { cacheDirFor, readJson, VERSION_FILES, versionDir } from "./cache";
import { getCatalog } from "./index";
import type { CatalogApi, CatalogVersion } from "./model";
import type { SpecProblem } from "./problems";

export interface ApiProblems {
  id: string;
  name: string;
  visibility: CatalogApi["visibility"];
  /** Problems of the folder itself (api.yaml, entry files); their details are in specs:check. */
  catalogErrorCount: number;
  versions: (Pick<CatalogVersion, "id" | "status" | "errorCount" | "warningCount"> & { problems: SpecProblem[] })[];
}

export function loadSpecProblems(perVersion: number): ApiProblems[] {
  const cacheDir = cacheDirFor(env().dataDir);
  return getCatalog().apis.map((api) => ({
    id: api.id,
    name: api.name,
    visibility: api.visibility,
    catalogErrorCount: api.catalogErrorCount,
    versions: [...api.versions].reverse().map((v) => {
      const all = readJson<SpecProblem[]>(path.join(versionDir(cacheDir, api.id, v.id), VERSION_FILES.problems)) ?? (v.failure ? [v.failure] : []);
      // Errors first, then warnings, each in file order.
      const problems = [...all].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1)).slice(0, perVersion);
      return { id: v.id, status: v.status, errorCount: v.errorCount, warningCount: v.warningCount, problems };
    }),
  }));
}
