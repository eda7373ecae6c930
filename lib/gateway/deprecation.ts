// The Deprecation (RFC 9745) and Sunset (RFC 8594) header values for a call, from what the specs
// and api.yaml say. The operation's own facts win over its version's.
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

export function deprecationFacts(version: CatalogVersion, op: OperationSummary | null): DeprecationFacts {
  const versionDeprecated = version.lifecycle === "deprecated" || version.lifecycle === "retired" || version.deprecated !== null;
  const deprecated = versionDeprecated || op?.deprecated === true;
  if (!deprecated) return { deprecated: false };
  // A deprecated operation in a current version has no date in the spec; the version's date
  // applies only when the version itself is deprecated.
  const since = versionDeprecated ? epoch(version.deprecated) : null;
  const sunset = epoch(op?.sunset) ?? epoch(version.sunset);
  return {
    deprecated: true,
    ...(since !== null && { deprecation: `@${Math.floor(since / 1000)}` }),
    ...(sunset !== null && { sunset: new Date(sunset).toUTCString() }),
  };
}
