// Deprecation feeds: RSS 2.0 and Atom 1.0 through `feed`, JSON Feed 1.1 written here, the same
// way as the changelog's (lib/changes/feeds.ts). One item per published notice, newest first,
// id = the notice's URL (stable). Markdown bodies go out as escaped plain text paragraphs: feed
// readers treat the HTML as HTML, and notices are written by people. Pure.
import { Feed } from "feed";
import { escapeHtml } from "@/lib/changes/feeds";
import { absolute, type FeedFormat } from "@/lib/discovery/urls";
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

interface Item {
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  date: Date;
}

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

function xmlFeed(input: NoticeFeedInput, items: Item[]): Feed {
  const page = absolute(input.origin, deprecationsPath(input.apiId));
  const link = (f: FeedFormat) => absolute(input.origin, deprecationFeedPath(input.apiId, f));
  const feed = new Feed({
    title: input.title,
    description: input.description,
    id: page,
    link: page,
    language: "en",
    copyright: "",
    generator: "Portolan",
    updated: items[0]?.date ?? input.fallbackDate,
    feedLinks: { rss: link("rss"), atom: link("atom"), json: link("json") },
  });
  for (const item of items) feed.addItem({ id: item.id, link: item.url, title: escapeHtml(item.title), description: escapeHtml(item.summary), content: item.html, date: item.date });
  return feed;
}

export const noticeRss = (input: NoticeFeedInput): string => xmlFeed(input, noticeItems(input)).rss2();
export const noticeAtom = (input: NoticeFeedInput): string => xmlFeed(input, noticeItems(input)).atom1();

export function noticeJsonFeed(input: NoticeFeedInput): string {
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: input.title,
      home_page_url: absolute(input.origin, deprecationsPath(input.apiId)),
      feed_url: absolute(input.origin, deprecationFeedPath(input.apiId, "json")),
      description: input.description,
      language: "en",
      items: noticeItems(input).map((i) => ({ id: i.id, url: i.url, title: i.title, summary: i.summary, content_html: i.html, date_published: i.date.toISOString() })),
    },
    null,
    2,
  );
}
