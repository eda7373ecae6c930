// Deprecation feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1; written by lib/discovery/feed-writer.ts
// like the changelog's). One item per published notice, newest first,
// id = the notice's URL (stable). Markdown bodies go out as escaped plain text paragraphs: feed
// readers treat the HTML as HTML, and notices are written by people. Pure.
import { escapeHtml, writeFeed, type FeedDocument, type FeedItem } from "@/lib/discovery/feed-writer";
import { absolute } from "@/lib/discovery/urls";
import { plainText } from "@/lib/markdown-export/mdast";
import { publicDate, type Notice } from "./types";
import { deprecationFeedPath, deprecationsPath, noticePath } from "./urls";

export interface NoticeFeedInput {
  origin: string;
  /** null: every public API. */
  apiId: string | null;
  title: string;
  description: string;
  notices: (Notice & { apiName: string })[];
  fallbackDate: Date;
}

type Item = FeedItem;

const MAX_ITEMS = 50;
const dayText = (d: Date) => d.toISOString().slice(0, 10);
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("");

export function noticeItems(input: NoticeFeedInput): Item[] {
  const global = input.apiId === null;
  return input.notices
    .map((n) => {
      const url = absolute(input.origin, noticePath(n.apiId, n.id));
      const body = plainText(n.body);
      const guide = plainText(n.migrationGuide);
      const dates = [n.deprecatedAt && `Deprecated ${dayText(n.deprecatedAt)}`, n.sunsetAt && `Sunset ${dayText(n.sunsetAt)}`].filter(Boolean).join(" · ");
      return {
        id: url,
        url,
        title: `${global ? `${n.apiName}: ` : ""}${n.title}`,
        summary: [dates, body].filter(Boolean).join(". ").slice(0, 400),
        html: [dates && `<p><strong>${escapeHtml(dates)}</strong></p>`, paragraphs(body || n.title), guide && `<h3>Migration guide</h3>${paragraphs(guide)}`].filter(Boolean).join(""),
        date: publicDate(n) ?? input.fallbackDate,
      };
    })
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id))
    .slice(0, MAX_ITEMS);
}

function feedDocument(input: NoticeFeedInput): FeedDocument {
  return {
    title: input.title,
    description: input.description,
    pageUrl: absolute(input.origin, deprecationsPath(input.apiId)),
    feedUrls: { rss: absolute(input.origin, deprecationFeedPath(input.apiId, "rss")), atom: absolute(input.origin, deprecationFeedPath(input.apiId, "atom")), json: absolute(input.origin, deprecationFeedPath(input.apiId, "json")) },
    items: noticeItems(input),
    fallbackDate: input.fallbackDate,
  };
}

export const noticeRss = (input: NoticeFeedInput): string => writeFeed(feedDocument(input), "rss");
export const noticeAtom = (input: NoticeFeedInput): string => writeFeed(feedDocument(input), "atom");
export const noticeJsonFeed = (input: NoticeFeedInput): string => writeFeed(feedDocument(input), "json");
