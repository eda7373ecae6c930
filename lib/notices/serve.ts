// Route handlers' side of the deprecation feeds and calendars: public APIs only, whoever asks
// (partner, internal and unknown APIs answer the same plain 404), cacheable by anyone.
import "server-only";
import { env } from "@/lib/env";
import { FEED_TYPE, type FeedFormat } from "@/lib/discovery/urls";
import { getCatalog } from "@/lib/specs/index";
import { noticeAtom, noticeJsonFeed, noticeRss, type NoticeFeedInput } from "./feeds";
import { sunsetCalendar } from "./ical";
import { findPublicApi, publicNotices } from "./public";

const CACHE = { "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" };
const plain404 = () => new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
const RENDER: Record<FeedFormat, (i: NoticeFeedInput) => string> = { rss: noticeRss, atom: noticeAtom, json: noticeJsonFeed };

async function inputs(apiId: string | null) {
  const api = apiId === null ? null : (findPublicApi(apiId) ?? null);
  if (apiId !== null && !api) return null;
  return { api, notices: await publicNotices(api), fallbackDate: new Date(getCatalog().generatedAt) };
}

export async function noticeFeedResponse(apiId: string | null, format: FeedFormat): Promise<Response> {
  const i = await inputs(apiId);
  if (!i) return plain404();
  const body = RENDER[format]({
    origin: env().portalUrl,
    apiId: i.api?.id ?? null,
    title: i.api ? `${i.api.name} deprecations` : "Portolan deprecations",
    description: i.api ? `Deprecation notices of ${i.api.name}: what goes away, when, and how to move.` : "Deprecation notices of every public API on this portal.",
    notices: i.notices,
    fallbackDate: i.fallbackDate,
  });
  return new Response(body, { headers: { "content-type": `${FEED_TYPE[format]}; charset=utf-8`, ...CACHE } });
}

export async function sunsetCalendarResponse(apiId: string | null): Promise<Response> {
  const i = await inputs(apiId);
  if (!i) return plain404();
  const body = sunsetCalendar({ origin: env().portalUrl, apiId: i.api?.id ?? null, name: i.api ? `${i.api.name} sunsets` : "API sunsets", notices: i.notices, fallbackDate: i.fallbackDate });
  return new Response(body, { headers: { "content-type": "text/calendar; charset=utf-8", ...CACHE } });
}
