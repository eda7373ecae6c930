// GET /api/v1/deprecations: every current deprecation with the Deprecation and Sunset header
// values per API, version and operation, for gateways that add the headers themselves. The values
// come from deprecationFacts (lib/gateway/deprecation.ts), exactly as in the key-verification
// answer. One entry per deprecated version (operation null: every call to it), and one per
// operation deprecated on its own (by the spec or a notice naming it). Pure.
import { deprecationFacts } from "@/lib/gateway/deprecation";
import type { CatalogApi, VersionModel } from "@/lib/specs/model";
import type { LiveIndex } from "./live-index";
import { usageOperation } from "./operations";

export interface DeprecationEntry {
  api: string;
  version: string;
  operation: { method: string; path: string } | null;
  headers: { Deprecation?: string; Sunset?: string };
  /** Ids of the published notices that cover it (their pages: /apis/<api>/deprecations#<id>). */
  notices: string[];
  /** Brownout windows that have not ended, earliest first. */
  brownouts: { startsAt: string; endsAt: string }[];
}

export function deprecationEntries(apis: CatalogApi[], model: (apiId: string, versionId: string) => VersionModel | null, index: LiveIndex): DeprecationEntry[] {
  const out: DeprecationEntry[] = [];
  const entry = (api: CatalogApi, versionId: string, op: { method: string; path: string } | null, facts: ReturnType<typeof deprecationFacts>, notices: ReturnType<LiveIndex["applicable"]>): DeprecationEntry => ({
    api: api.id,
    version: versionId,
    operation: op,
    headers: { ...(facts.deprecation && { Deprecation: facts.deprecation }), ...(facts.sunset && { Sunset: facts.sunset }) },
    notices: notices.map((n) => n.id),
    brownouts: notices
      .flatMap((n) => n.brownouts)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((b) => ({ startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })),
  });
  for (const api of apis) {
    for (const v of api.versions) {
      const versionNotices = index.applicable(api.id, v.id, null);
      const versionFacts = deprecationFacts(v, null, versionNotices);
      if (versionFacts.deprecated) out.push(entry(api, v.id, null, versionFacts, versionNotices));
      // Operations are listed when their answer can differ from the version's: deprecated (or
      // given a sunset) by the spec, or named by a notice of their own.
      const m = v.status === "ok" ? model(api.id, v.id) : null;
      for (const op of m?.operations ?? []) {
        const name = usageOperation(op);
        const notices = index.applicable(api.id, v.id, name);
        const own = notices.filter((n) => n.operations.length > 0);
        if (!op.deprecated && own.length === 0) continue;
        out.push(entry(api, v.id, { method: op.method.toUpperCase(), path: op.path }, deprecationFacts(v, op, notices), notices));
      }
    }
  }
  return out;
}
