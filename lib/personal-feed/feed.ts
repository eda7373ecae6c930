// A personal feed's document: the changelog items (releases and entries, lib/changes/feeds.ts)
// and live deprecation notices (lib/notices/feeds.ts) of the developer's APIs, on one timeline,
// newest first, written by lib/discovery/feed-writer.ts. Pure.
import { feedItems } from "@/lib/changes/feeds";
import type { Release } from "@/lib/changes/changelog";
import { writeFeed, type FeedItem } from "@/lib/discovery/feed-writer";
import { absolute } from "@/lib/discovery/urls";
import { noticeItems } from "@/lib/notices/feeds";
import type { Notice } from "@/lib/notices/types";
import { personalFeedPath, type PersonalFeedFormat } from "./urls";

const MAX_ITEMS = 100;

export interface PersonalFeedInput {
  origin: string;
  token: string;
  apiNames: string[];
  releases: Release[];
  notices: (Notice & { apiName: string })[];
  fallbackDate: Date;
}

export function personalFeedItems(input: PersonalFeedInput): FeedItem[] {
  const changes = feedItems({ origin: input.origin, apiId: null, title: "", description: "", releases: input.releases, fallbackDate: input.fallbackDate });
  const notices = noticeItems({ origin: input.origin, apiId: null, title: "", description: "", notices: input.notices, fallbackDate: input.fallbackDate }).map((i) => ({ ...i, title: `Deprecation · ${i.title}` }));
  return [...changes, ...notices].sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id)).slice(0, MAX_ITEMS);
}

export function writePersonalFeed(input: PersonalFeedInput, format: PersonalFeedFormat): string {
  const atom = absolute(input.origin, personalFeedPath(input.token, "atom"));
  const rss = absolute(input.origin, personalFeedPath(input.token, "rss"));
  const json = absolute(input.origin, personalFeedPath(input.token, "json"));
  return writeFeed(
    {
      title: "Your APIs on Portolan",
      description: input.apiNames.length ? `Changes and deprecations of ${input.apiNames.join(", ")}.` : "Changes and deprecations of the APIs your apps use (none yet).",
      pageUrl: absolute(input.origin, "/account/subscriptions"),
      feedUrls: { rss, atom, json },
      items: personalFeedItems(input),
      fallbackDate: input.fallbackDate,
    },
    format,
  );
}
