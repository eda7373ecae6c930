// Key verification for API gateways: is this key live, may its app call this API and operation,
// and which Deprecation/Sunset headers should the gateway add? Shared by the lean gateway server
// (server/gateway.ts) and the portal's route handler. Every kind of invalid key gets the same
// answer; forged and mistyped keys are refused by their checksum before any lookup.
import { z } from "zod";
import { parseSecret, sameHash } from "@/lib/keys/format";
import type { LiveKeyRecord } from "@/lib/keys/live-key";
import { findVersion, type CatalogReader } from "@/lib/specs/catalog-reader";
import type { OperationSummary } from "@/lib/specs/model";
import { activeBrownout, type LiveIndex } from "@/lib/notices/live-index";
import { deprecationFacts } from "./deprecation";
import { createOperationMatcher, type OperationMatcher } from "./operation-matcher";
import type { TtlCache } from "./ttl-cache";
import type { UsageRecorder } from "./usage";

const READ_METHODS = new Set(["get", "head", "options"]);

export const VerifyRequestSchema = z.strictObject({
  key: z.string().max(200),
  api: z.string().min(1).max(80),
  version: z.string().min(1).max(80).optional(),
  method: z.string().regex(/^[A-Za-z]{3,7}$/).optional(),
  path: z.string().max(4096).optional(),
});
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

export type VerifyAnswer =
  | { valid: false; code: "invalid_key" | "forbidden" }
  | {
      valid: true;
      key: { id: string; prefix: string; last4: string; scopes: string[]; expiresAt: string | null };
      app: { id: string; name: string; environment: string };
      owner: { kind: "user" | "organization"; id: string; name: string };
      api: { id: string; version: string };
      operation: { method: string; path: string; operationId: string | null; deprecated: boolean } | null;
      /** Header values the gateway should add to the response it returns. */
      headers: { Deprecation?: string; Sunset?: string };
      /**
       * Present during a brownout of this operation (or its version): the key is fine, but the
       * gateway should refuse the call (we suggest 410 Gone) until `until`, so callers notice
       * the coming sunset while there is still time.
       */
      brownout?: { until: string; notice: string };
    };

export const INVALID: VerifyAnswer = Object.freeze({ valid: false, code: "invalid_key" });
const FORBIDDEN: VerifyAnswer = Object.freeze({ valid: false, code: "forbidden" });

export interface Verifier {
  verify(req: VerifyRequest): Promise<VerifyAnswer>;
}

export function createVerifier(deps: {
  keys: TtlCache<LiveKeyRecord | null>;
  catalog: CatalogReader;
  usage: UsageRecorder;
  /** Published notices and brownouts (lib/notices/live-index.ts); none when absent. */
  notices?: { get(): Promise<LiveIndex> };
  now?: () => number;
}): Verifier {
  const now = deps.now ?? Date.now;
  const matchers = new Map<string, OperationMatcher>();

  function matcherFor(apiId: string, versionId: string): OperationMatcher | null {
    const key = `${deps.catalog.generation()}:${apiId}/${versionId}`;
    let m = matchers.get(key);
    if (!m) {
      const model = deps.catalog.getVersionModel(apiId, versionId);
      if (!model) return null;
      if (matchers.size > 64) matchers.clear();
      m = createOperationMatcher(model);
      matchers.set(key, m);
    }
    return m;
  }

  return {
    async verify(req) {
      const parsed = parseSecret(req.key);
      if (!parsed || (parsed.kind !== "live" && parsed.kind !== "test")) return INVALID;
      const rec = await deps.keys.get(parsed.hash);
      if (!rec || !sameHash(rec.hash, parsed.hash)) return INVALID;
      const t = now();
      if (rec.revokedAt !== null || (rec.expiresAt !== null && rec.expiresAt <= t) || rec.owner.disabled) return INVALID;

      const api = deps.catalog.getCatalog().apis.find((a) => a.id === req.api);
      const version = api && findVersion(api, req.version ?? "latest");
      if (!api || !version || !rec.grantedApis.includes(api.id)) return FORBIDDEN;

      let op: OperationSummary | null = null;
      if (req.method && req.path) op = matcherFor(api.id, version.id)?.(req.method, req.path) ?? null;
      const access = req.method && !READ_METHODS.has(req.method.toLowerCase()) ? "write" : "read";
      if (!rec.scopes.includes(`${api.id}:${access}`)) return FORBIDDEN;

      deps.usage.record(rec.id, api.id, version.id, op ? `${op.method.toUpperCase()} ${op.path}` : "(undocumented)");
      const operation = op ? `${op.method.toUpperCase()} ${op.path}` : null;
      const notices = deps.notices ? (await deps.notices.get()).applicable(api.id, version.id, operation) : [];
      const facts = deprecationFacts(version, op, notices);
      const brownout = activeBrownout(notices, t);
      return {
        valid: true,
        key: { id: rec.id, prefix: rec.prefix, last4: rec.last4, scopes: rec.scopes, expiresAt: rec.expiresAt === null ? null : new Date(rec.expiresAt).toISOString() },
        app: rec.app,
        owner: { kind: rec.owner.kind, id: rec.owner.id, name: rec.owner.name },
        api: { id: api.id, version: version.id },
        operation: op && { method: op.method.toUpperCase(), path: op.path, operationId: op.operationId, deprecated: op.deprecated },
        headers: {
          ...(facts.deprecation && { Deprecation: facts.deprecation }),
          ...(facts.sunset && { Sunset: facts.sunset }),
        },
        ...(brownout && { brownout: { until: brownout.endsAt.toISOString(), notice: brownout.noticeId } }),
      };
    },
  };
}
