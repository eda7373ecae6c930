// The URL of every public reference page, in one place: the sitemap, llms.txt, the Markdown
// renderings and the link-preview metadata all build their links here. Pure.

/** A reference page of one version, as its URL names it. */
export type RefPage =
  | { kind: "overview" }
  | { kind: "operation"; slug: string }
  | { kind: "tag"; name: string }
  | { kind: "schemas" }
  | { kind: "schema"; name: string }
  | { kind: "webhooks" }
  | { kind: "webhook"; slug: string };

export const CATALOG_PATH = "/apis";

export function versionPath(apiId: string, versionId: string): string {
  return `/apis/${encodeURIComponent(apiId)}/${encodeURIComponent(versionId)}`;
}

/** Path of `page` in a version: /apis/<api>/<version>[/operations/<slug>|/tags/<tag>|…]. */
export function refPath(apiId: string, versionId: string, page: RefPage): string {
  const base = versionPath(apiId, versionId);
  switch (page.kind) {
    case "overview":
      return base;
    case "operation":
      return `${base}/operations/${encodeURIComponent(page.slug)}`;
    case "tag":
      return `${base}/tags/${encodeURIComponent(page.name)}`;
    case "schemas":
      return `${base}/schemas`;
    case "schema":
      return `${base}/schemas/${encodeURIComponent(page.name)}`;
    case "webhooks":
      return `${base}/webhooks`;
    case "webhook":
      return `${base}/webhooks/${encodeURIComponent(page.slug)}`;
  }
}

/** The Markdown rendering of a page lives at the same URL with `.md` appended. */
export const markdownPath = (path: string): string => `${path}.md`;

/** `origin` (PORTAL_URL, no trailing slash) + path. */
export const absolute = (origin: string, path: string): string => `${origin}${path}`;

// --- Changelog (lib/changes): per API and for all public APIs -------------------------------

export const CHANGELOG_FILTERS = ["breaking", "deprecation", "non-breaking", "documentation"] as const;
export type ChangelogFilter = (typeof CHANGELOG_FILTERS)[number];
export type FeedFormat = "rss" | "atom" | "json";
const FEED_FILE: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };
export const FEED_TYPE: Record<FeedFormat, string> = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" };

/** `/apis/<api>/changelog[/<severity>]`, or `/changelog[/<severity>]` for every public API. */
export function changelogPath(apiId: string | null, filter?: ChangelogFilter | null): string {
  const base = apiId === null ? "/changelog" : `/apis/${encodeURIComponent(apiId)}/changelog`;
  return filter ? `${base}/${filter}` : base;
}

export const feedPath = (apiId: string | null, format: FeedFormat): string => `${changelogPath(apiId)}/${FEED_FILE[format]}`;

/** `/apis/<api>/diff/<from>...<to>`: every change between two versions. */
export const diffPath = (apiId: string, from: string, to: string): string => `/apis/${encodeURIComponent(apiId)}/diff/${encodeURIComponent(from)}...${encodeURIComponent(to)}`;
