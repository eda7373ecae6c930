// Route handlers' side of the changelog: feeds and GET /api/v1/apis/{api}/changes. Same
// visibility as the pages (lib/access through findVisibleApi): a hidden API answers exactly like
// an unknown one. Public answers may be cached by anyone; anything else is private.
import "server-only";
import { z } from "zod";
import { ApiError, errorJson, invalid, notFound } from "@/lib/api/respond";
import { env } from "@/lib/env";
import { FEED_TYPE, type FeedFormat } from "@/lib/discovery/urls";
import { findVersion } from "@/lib/specs/catalog-reader";
import { getCatalog } from "@/lib/specs/index";
import type { CatalogApi } from "@/lib/specs/model";
import { atomFeed, jsonFeed, rssFeed, type FeedInput } from "./feeds";
import { findVisibleApi } from "./page-context";
import { entriesBetween } from "./changelog";
import { entriesOf, getDiff, publicTimeline, releasesFor } from "./store";

const cacheHeaders = (api: CatalogApi | null) => ({
  "cache-control": api === null || api.visibility === "public" ? "public, max-age=300" : "private, no-store",
  "x-content-type-options": "nosniff",
});

const plain404 = () => new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });

const RENDER: Record<FeedFormat, (i: FeedInput) => string> = { rss: rssFeed, atom: atomFeed, json: jsonFeed };
const CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: `${FEED_TYPE.rss}; charset=utf-8`,
  atom: `${FEED_TYPE.atom}; charset=utf-8`,
  json: `${FEED_TYPE.json}; charset=utf-8`,
};

/** The changelog feed of one API (`apiId`), or of every public API (null). */
export async function feedResponse(apiId: string | null, format: FeedFormat): Promise<Response> {
  const api = apiId === null ? null : await findVisibleApi(apiId);
  if (apiId !== null && !api) return plain404();
  const input: FeedInput = {
    origin: env().portalUrl,
    apiId: api?.id ?? null,
    title: api ? `${api.name} changelog` : "Portolan changelog",
    description: api ? `Changes to ${api.name}, version by version, breaking changes first.` : "Changes to every public API on this portal.",
    releases: api ? await releasesFor(api) : await publicTimeline(),
    fallbackDate: new Date(getCatalog().generatedAt),
  };
  return new Response(RENDER[format](input), { headers: { "content-type": CONTENT_TYPE[format], ...cacheHeaders(api ?? null) } });
}

const VERSION = z.string().min(1).max(80).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "must be a version id, e.g. v2 or 2025-06-01");
const ChangesQuery = z.object({ from: VERSION.optional(), to: VERSION.optional() }).strict();

/** GET /api/v1/apis/{api}/changes?from=&to= → { api, from, to, changes, entries }. */
export async function changesResponse(req: Request, apiId: string): Promise<Response> {
  try {
    const url = new URL(req.url);
    const raw: Record<string, string> = {};
    for (const [k, v] of url.searchParams) {
      if (k in raw) throw new ApiError(400, "invalid_request", `${k}: given more than once`, [{ path: k, message: "given more than once" }]);
      raw[k] = v;
    }
    const query = ChangesQuery.safeParse(raw);
    if (!query.success) throw invalid(query.error);
    const api = await findVisibleApi(apiId);
    if (!api) throw notFound();
    const loaded = api.versions.filter((v) => v.status === "ok");
    const to = query.data.to !== undefined ? findVersion(api, query.data.to) : loaded.find((v) => v.id === api.latestVersion) ?? loaded.at(-1);
    if (!to || to.status !== "ok") throw notFound();
    const from = query.data.from !== undefined ? findVersion(api, query.data.from) : loaded[loaded.findIndex((v) => v.id === to.id) - 1] ?? null;
    if (from === undefined || (from && from.status !== "ok")) throw notFound();
    const diff = from ? getDiff(api, from, to) : null;
    if (from && !diff) throw new ApiError(503, "unavailable", "The changes between these versions could not be computed; try again later.");
    const entries = entriesBetween(api, from?.id ?? null, to.id, await entriesOf(api.id));
    return Response.json({ api: api.id, from: from?.id ?? null, to: to.id, changes: diff?.result.changes ?? [], entries }, { headers: cacheHeaders(api) });
  } catch (e) {
    if (e instanceof ApiError) return errorJson(e);
    throw e;
  }
}
