// GET /feeds/me/<token>/{atom.xml,rss.xml,feed.json}. The token is the credential (feed readers carry no
// session): an unknown, malformed or revoked token, or a disabled owner, gets one identical 404.
// Never cached by anyone (private, no-store), never indexed, no Referer leaves with the token.
// Nothing here logs the URL; failures are logged without it.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { FEED_TYPE } from "@/lib/discovery/urls";
import { releasesFor } from "@/lib/changes/store";
import { loadLiveNotices } from "@/lib/notices/live-index";
import { isLive } from "@/lib/notices/types";
import { getCatalog } from "@/lib/specs/index";
import { log } from "@/lib/log";
import { writePersonalFeed } from "./feed";
import { personalFeedApis } from "./scope";
import { personalFeedOwner } from "./store";
import type { PersonalFeedFormat } from "./urls";

const PRIVATE = { "cache-control": "private, no-store", "x-robots-tag": "noindex, nofollow", "referrer-policy": "no-referrer", "x-content-type-options": "nosniff" };

export const personalFeedNotFound = () => new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", ...PRIVATE } });

export async function personalFeedResponse(token: string, format: PersonalFeedFormat, now = new Date()): Promise<Response> {
  try {
    const userId = await personalFeedOwner(db(), token, now);
    const catalog = getCatalog();
    const apis = userId ? await personalFeedApis(db(), userId, catalog.apis, env().INTERNAL_ORG_SLUG, now) : null;
    if (!apis) return personalFeedNotFound();
    const names = new Map(apis.map((a) => [a.id, a.name]));
    const [releases, notices] = await Promise.all([Promise.all(apis.map((a) => releasesFor(a))).then((r) => r.flat()), loadLiveNotices(db(), now)]);
    const body = writePersonalFeed(
      {
        origin: env().portalUrl,
        token,
        apiNames: apis.map((a) => a.name),
        releases,
        notices: notices.filter((n) => names.has(n.apiId) && isLive(n, now)).map((n) => ({ ...n, apiName: names.get(n.apiId)! })),
        fallbackDate: new Date(catalog.generatedAt),
      },
      format,
    );
    return new Response(body, { headers: { "content-type": `${FEED_TYPE[format]}; charset=utf-8`, ...PRIVATE } });
  } catch (e) {
    log.error({ err: e instanceof Error ? e.message : String(e), format }, "personal feed failed");
    return new Response("The feed is unavailable right now.\n", { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "60", ...PRIVATE } });
  }
}
