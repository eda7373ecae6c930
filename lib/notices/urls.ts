// URLs of the deprecation pages and feeds, per API and for every public API. Pure.
import type { FeedFormat } from "@/lib/discovery/urls";

/** `/apis/<api>/deprecations`, or `/deprecations` for every public API. */
export const deprecationsPath = (apiId: string | null): string => (apiId === null ? "/deprecations" : `/apis/${encodeURIComponent(apiId)}/deprecations`);

/** The notice's place on its API's page. */
export const noticePath = (apiId: string, noticeId: string): string => `${deprecationsPath(apiId)}#${noticeId}`;

const FILE: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };
export const deprecationFeedPath = (apiId: string | null, format: FeedFormat): string => `${deprecationsPath(apiId)}/${FILE[format]}`;

/** iCalendar feed of sunset dates. */
export const sunsetsIcsPath = (apiId: string | null): string => `${deprecationsPath(apiId)}/sunsets.ics`;
