// Link-preview metadata of the deprecation pages, with their feeds and calendar advertised as
// <link rel="alternate">.
import "server-only";
import type { Metadata } from "next";
import { SITE_NAME } from "@/lib/discovery/metadata";
import { absolute, FEED_TYPE } from "@/lib/discovery/urls";
import { env } from "@/lib/env";
import type { CatalogApi } from "@/lib/specs/model";
import { deprecationFeedPath, deprecationsPath, sunsetsIcsPath } from "./urls";

export function deprecationsMetadata(api: CatalogApi | null): Metadata {
  const origin = env().portalUrl;
  const name = api ? `${api.name} deprecations` : "Deprecations";
  const title = `${name} · ${SITE_NAME}`;
  const description = api ? `What is deprecated in ${api.name}, when it stops working, and how to move.` : "Every deprecation and upcoming sunset of the public APIs on this portal, with migration guides.";
  const url = absolute(origin, deprecationsPath(api?.id ?? null));
  // Partner and internal APIs: no public feeds to advertise, and nothing to index.
  if (api && api.visibility !== "public") return { title: { absolute: title }, description, robots: { index: false, follow: false } };
  const feed = (f: "rss" | "atom" | "json", label: string) => [FEED_TYPE[f], [{ url: absolute(origin, deprecationFeedPath(api?.id ?? null, f)), title: `${name} (${label})` }]] as const;
  return {
    title: { absolute: title },
    description,
    alternates: {
      canonical: url,
      types: Object.fromEntries([feed("rss", "RSS"), feed("atom", "Atom"), feed("json", "JSON Feed"), ["text/calendar", [{ url: absolute(origin, sunsetsIcsPath(api?.id ?? null)), title: `${name}: sunset dates` }]]]),
    },
    openGraph: { type: "website", siteName: SITE_NAME, title, description, url },
    twitter: { card: "summary", title, description },
  };
}
