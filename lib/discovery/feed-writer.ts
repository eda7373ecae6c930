// Writes one feed in RSS 2.0 or Atom 1.0 (through the `feed` package) or JSON Feed 1.1 (written
// here: `feed` 6 writes JSON Feed 1.0), for the changelog and the deprecation feeds alike.
// Item texts arrive as plain text and are HTML-escaped here (Atom declares titles type="html",
// and readers treat RSS descriptions as HTML); `html` is the caller's already safe content. Pure.
import { Feed } from "feed";
import type { FeedFormat } from "./urls";

export interface FeedItem {
  /** Stable: the item's URL. */
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  date: Date;
}

export interface FeedDocument {
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  pageUrl: string;
  /** This feed in each format (absolute URLs). */
  feedUrls: Record<FeedFormat, string>;
  /** Newest first. */
  items: FeedItem[];
  /** The feed's date when it has no items. */
  fallbackDate: Date;
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function writeFeed(doc: FeedDocument, format: FeedFormat): string {
  if (format === "json") {
    return JSON.stringify(
      {
        version: "https://jsonfeed.org/version/1.1",
        title: doc.title,
        home_page_url: doc.pageUrl,
        feed_url: doc.feedUrls.json,
        description: doc.description,
        language: "en",
        items: doc.items.map((i) => ({ id: i.id, url: i.url, title: i.title, summary: i.summary, content_html: i.html, date_published: i.date.toISOString() })),
      },
      null,
      2,
    );
  }
  const feed = new Feed({
    title: doc.title,
    description: doc.description,
    id: doc.pageUrl,
    link: doc.pageUrl,
    language: "en",
    copyright: "",
    generator: "Portolan",
    updated: doc.items[0]?.date ?? doc.fallbackDate,
    feedLinks: doc.feedUrls,
  });
  for (const item of doc.items) feed.addItem({ id: item.id, link: item.url, title: escapeHtml(item.title), description: escapeHtml(item.summary), content: item.html, date: item.date });
  return format === "rss" ? feed.rss2() : feed.atom1();
}
