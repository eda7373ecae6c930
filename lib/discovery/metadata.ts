// Link-preview metadata of every docs page, in one place: title "<page> · <API> <version> · Portolan",
// a trimmed plain-text description, Open Graph and Twitter card, the canonical URL (the concrete
// version, never `latest`) and the page's Markdown rendering as <link rel="alternate">.
import "server-only";
import type { Metadata } from "next";
import { env } from "@/lib/env";
import type { CatalogApi, CatalogVersion } from "@/lib/specs/model";
import { previewText } from "./preview-text";
import { absolute, CATALOG_PATH, markdownPath, refPath, type RefPage } from "./urls";

export const SITE_NAME = "Portolan";

function metadataFor(path: string, title: string, description: string): Metadata {
  const url = absolute(env().portalUrl, path);
  return {
    title: { absolute: title },
    description,
    alternates: { canonical: url, types: { "text/markdown": markdownPath(url) } },
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
  return metadataFor(refPath(api.id, version.id, ref), full, text);
}

export function catalogMetadata(): Metadata {
  return metadataFor(CATALOG_PATH, `APIs · ${SITE_NAME}`, "Every API published on this portal, with its versions and where each one stands in its lifecycle.");
}
