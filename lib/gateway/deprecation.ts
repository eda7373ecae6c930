// The Deprecation (RFC 9745) and Sunset (RFC 8594) header values for a call: the one source for
// the key-verification answer and GET /api/v1/deprecations. What the specs and api.yaml say
// (the operation's own facts win over its version's), plus the published admin notices that
// cover the call (lib/notices/live-index.ts): when several dates are known, the earliest
// deprecation and the earliest sunset win, so a gateway never announces a later date than
// one we have published. Spec-derived notices are not counted twice: they state the same facts.
import type { LiveNotice } from "@/lib/notices/live-index";
import type { CatalogVersion, OperationSummary } from "@/lib/specs/model";

export interface DeprecationFacts {
  deprecated: boolean;
  /** RFC 9745 structured-field date, e.g. "@1788220800"; absent when no date is known. */
  deprecation?: string;
  /** RFC 8594 HTTP-date, e.g. "Wed, 31 Mar 2027 00:00:00 GMT". */
  sunset?: string;
}

function epoch(date: string | null | undefined): number | null {
  if (!date) return null;
  const ms = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(ms) ? null : ms;
}

function earliest(...values: (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === "number");
  return known.length ? Math.min(...known) : null;
}

/** `notices`: the live notices that apply to this call (LiveIndex.applicable). */
export function deprecationFacts(version: CatalogVersion, op: OperationSummary | null, notices: readonly LiveNotice[] = []): DeprecationFacts {
  const admin = notices.filter((n) => n.source === "admin");
  const versionDeprecated = version.lifecycle === "deprecated" || version.lifecycle === "retired" || version.deprecated !== null;
  const deprecated = versionDeprecated || op?.deprecated === true || admin.length > 0;
  if (!deprecated) return { deprecated: false };
  // A deprecated operation in a current version has no date in the spec; the version's date
  // applies only when the version itself is deprecated. An admin notice is dated by its
  // deprecation date, else by its publication.
  const since = earliest(versionDeprecated ? epoch(version.deprecated) : null, ...admin.map((n) => (n.deprecatedAt ?? n.publishedAt ?? n.publishAt)?.getTime()));
  const sunset = earliest(epoch(op?.sunset) ?? epoch(version.sunset), ...admin.map((n) => n.sunsetAt?.getTime()));
  return {
    deprecated: true,
    ...(since !== null && { deprecation: `@${Math.floor(since / 1000)}` }),
    ...(sunset !== null && { sunset: new Date(sunset).toUTCString() }),
  };
}
