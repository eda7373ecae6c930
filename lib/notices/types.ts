// The shape of a deprecation notice as the rest of the code reads it (pages, feeds, gateway
// headers, reach), whatever the row looks like. Pure types.

export type NoticeSource = "spec" | "admin";
export type NoticeStatus = "draft" | "scheduled" | "published" | "withdrawn";

export interface Notice {
  id: string;
  specKey: string | null;
  source: NoticeSource;
  status: NoticeStatus;
  apiId: string;
  /** Affected versions; empty = every version. */
  versions: string[];
  /** "v2 GET /current" (lib/notices/operations.ts); empty = the whole of `versions`. */
  operations: string[];
  title: string;
  body: string;
  migrationGuide: string;
  deprecatedAt: Date | null;
  sunsetAt: Date | null;
  publishAt: Date | null;
  publishedAt: Date | null;
}

export interface BrownoutWindow {
  id: string;
  noticeId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Public now: published, or scheduled with its time come. */
export function isLive(n: Pick<Notice, "status" | "publishAt">, now: Date): boolean {
  return n.status === "published" || (n.status === "scheduled" && n.publishAt !== null && n.publishAt <= now);
}

/** When the notice went (or goes) public, for feeds and ordering. */
export const publicDate = (n: Pick<Notice, "publishedAt" | "publishAt" | "deprecatedAt">): Date | null => n.publishedAt ?? n.publishAt ?? n.deprecatedAt;

/**
 * Whether the notice deprecates whole operations or versions (and so sets the Deprecation and
 * Sunset headers of their responses). A deprecated parameter does not deprecate its operation.
 */
export const affectsResponses = (n: Pick<Notice, "specKey">): boolean => !n.specKey?.startsWith("param:");
