// Link-preview metadata of every docs page, in one place: title "<page> · <API> <version> · Portolan",
// a trimmed plain-text description, Open Graph and Twitter card, the canonical URL (the concrete
// version, never `latest`) and the page's Markdown rendering as <link rel="alternate">.
import "server-only";
import type { Metadata } from "next";
import { env } from "@/lib/env";
import type { CatalogApi, CatalogVersion } from "@/lib/specs/model";
import { previewText } from "./preview-text";
import { absolute, CATALOG_PATH, changelogPath, diffPath, FEED_TYPE, feedPath, markdownPath, refPath, type ChangelogFilter, type FeedFormat, type RefPage } from "./urls";

export const SITE_NAME = "Portolan";

/** The changelog feeds of an API (or of every public API, `apiId` null) as <link rel="alternate">s. */
function feedAlternates(apiId: string | null, name: string): Record<string, { url: string; title: string }[]> {
  const origin = env().portalUrl;
  const label: Record<FeedFormat, string> = { rss: "RSS", atom: "Atom", json: "JSON Feed" };
  return Object.fromEntries(
    (["rss", "atom", "json"] as const).map((f) => [FEED_TYPE[f], [{ url: absolute(origin, feedPath(apiId, f)), title: `${name} changelog (${label[f]})` }]]),
  );
}

/**
 * The API's changelog feeds to advertise: public APIs only. Feed readers carry no session, so a
 * partner/internal API's feeds answer 404; its members have their personal feed (lib/personal-feed).
 */
function publicFeeds(api: CatalogApi): { apiId: string; name: string } | undefined {
  return api.visibility === "public" ? { apiId: api.id, name: api.name } : undefined;
}

function metadataFor(path: string, title: string, description: string, feeds?: { apiId: string | null; name: string }): Metadata {
  const url = absolute(env().portalUrl, path);
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: url, types: { "text/markdown": markdownPath(url), ...(feeds ? feedAlternates(feeds.apiId, feeds.name) : {}) } },
    openGraph: { type: "website", siteName: SITE_NAME, title, description, url },
    twitter: { card: "summary", title, description },
  };
}

/**
 * Metadata of one reference page. `title` is the page's own part ("List alerts", "Alert schema");
 * null for the version overview. `description` is spec Markdown (trimmed to plain text here).
 */
export function referenceMetadata(
  page: { api: CatalogApi; version: CatalogVersion },
  ref: RefPage,
  title: string | null,
  description: string | null | undefined,
): Metadata {
  const { api, version } = page;
  const full = [title, `${api.name} ${version.id}`, SITE_NAME].filter(Boolean).join(" · ");
  const text = previewText(description) || previewText(api.summary) || `${api.name} ${version.id} API reference.`;
  // The overview also advertises the API's changelog feeds.
  return metadataFor(refPath(api.id, version.id, ref), full, text, ref.kind === "overview" ? publicFeeds(api) : undefined);
}

/** The changelog of one API (`api` given) or of every public API, optionally filtered by severity. */
export function changelogMetadata(api: CatalogApi | null, filter: ChangelogFilter | null): Metadata {
  const name = api ? api.name : SITE_NAME;
  const what = filter ? ` (${filter} changes)` : "";
  const title = `Changelog${what} · ${api ? `${api.name} · ` : ""}${SITE_NAME}`;
  const description = api
    ? `Every change to ${api.name}, version by version: breaking changes first, deprecations, additions, with the operations they touch.`
    : "Every change to the public APIs on this portal, newest first, with breaking changes and deprecations called out.";
  return metadataFor(changelogPath(api?.id ?? null, filter), title, description, api ? publicFeeds(api) : { apiId: null, name });
}

export function diffMetadata(api: CatalogApi, from: string, to: string): Metadata {
  return metadataFor(diffPath(api.id, from, to), `Changes from ${from} to ${to} · ${api.name} · ${SITE_NAME}`, `Every change between ${api.name} ${from} and ${to}, breaking changes first, each linked to both versions' reference.`, publicFeeds(api));
}

export function catalogMetadata(): Metadata {
  return metadataFor(CATALOG_PATH, `APIs · ${SITE_NAME}`, "Every API published on this portal, with its versions and where each one stands in its lifecycle.");
}
