// Changelog feeds: RSS 2.0 and Atom 1.0 through the `feed` package, JSON Feed 1.1 written here
// (`feed` 6 writes JSON Feed 1.0). One item per release that has a previous version (its changes,
// breaking first) and one per hand-written entry. Item ids are the items' URLs, stable across
// rebuilds. Every text from a spec or an entry is HTML-escaped here: Atom declares titles and
// content type="html", and readers treat RSS descriptions as HTML. Pure.
import { Feed } from "feed";
import { plainText } from "@/lib/markdown-export/mdast";
import { absolute, changelogPath, diffPath, feedPath } from "@/lib/discovery/urls";
import type { Release } from "./changelog";
import type { ChangelogEntry } from "./entries";
import { SEVERITIES, SEVERITY_LABEL, sortChanges } from "./types";

export interface FeedInput {
  origin: string;
  /** null: every public API. */
  apiId: string | null;
  title: string;
  description: string;
  releases: Release[];
  /** Date for releases without one (no `released` in api.yaml, no date-named version, no entry). */
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
const MAX_CHANGES = 60;

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A change's line as HTML: escaped, with `backticked` parts as <code>. */
const lineHtml = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");

function releaseItem(origin: string, r: Release, fallback: Date): Item | null {
  if (!r.previous || !r.diff) return null;
  const url = absolute(origin, diffPath(r.api.id, r.previous.id, r.version.id));
  const counts = SEVERITIES.filter((s) => r.counts[s]).map((s) => `${r.counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}`);
  const changes = sortChanges(r.diff.changes.filter((c) => c.severity !== "documentation"));
  const parts = [`<p>Changes from ${escapeHtml(r.previous.id)} to ${escapeHtml(r.version.id)} of ${escapeHtml(r.api.name)}: ${escapeHtml(counts.join(", ") || "none")}.</p>`];
  for (const s of SEVERITIES.filter((x) => x !== "documentation")) {
    const group = changes.filter((c) => c.severity === s).slice(0, MAX_CHANGES);
    if (group.length) parts.push(`<h3>${SEVERITY_LABEL[s]}</h3><ul>${group.map((c) => `<li>${lineHtml(c.text)}</li>`).join("")}</ul>`);
  }
  if (changes.length > MAX_CHANGES) parts.push(`<p><a href="${escapeHtml(url)}">Every change</a></p>`);
  return {
    id: url,
    url,
    title: `${r.api.name} ${r.version.id}: ${r.counts.breaking ? `${r.counts.breaking} breaking change${r.counts.breaking === 1 ? "" : "s"}` : "no breaking changes"}`,
    summary: `Changes from ${r.previous.id} to ${r.version.id}: ${counts.join(", ") || "none"}.`,
    html: parts.join(""),
    date: r.date ? new Date(`${r.date}T00:00:00Z`) : fallback,
  };
}

function entryItem(origin: string, r: Release, e: ChangelogEntry, global: boolean): Item {
  const slug = e.id.replace(/^file:/, "");
  const url = absolute(origin, `${changelogPath(r.api.id)}#entry-${slug}`);
  const text = plainText(e.body);
  return {
    id: url,
    url,
    title: `${global ? `${r.api.name}: ` : ""}${e.title}`,
    summary: text.length > 400 ? `${text.slice(0, 399)}…` : text,
    html: `<p>${escapeHtml(text)}</p>`,
    date: new Date(`${e.date}T00:00:00Z`),
  };
}

export function feedItems(input: FeedInput): Item[] {
  const global = input.apiId === null;
  const items = input.releases.flatMap((r) => [releaseItem(input.origin, r, input.fallbackDate), ...r.entries.map((e) => entryItem(input.origin, r, e, global))].filter((x): x is Item => x !== null));
  return items.sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id)).slice(0, MAX_ITEMS);
}

function xmlFeed(input: FeedInput, items: Item[]): Feed {
  const page = absolute(input.origin, changelogPath(input.apiId));
  const feed = new Feed({
    title: input.title,
    description: input.description,
    id: page,
    link: page,
    language: "en",
    copyright: "",
    generator: "Portolan",
    updated: items[0]?.date ?? input.fallbackDate,
    feedLinks: { rss: absolute(input.origin, feedPath(input.apiId, "rss")), atom: absolute(input.origin, feedPath(input.apiId, "atom")), json: absolute(input.origin, feedPath(input.apiId, "json")) },
  });
  for (const item of items) feed.addItem({ id: item.id, link: item.url, title: escapeHtml(item.title), description: escapeHtml(item.summary), content: item.html, date: item.date });
  return feed;
}

export const rssFeed = (input: FeedInput): string => xmlFeed(input, feedItems(input)).rss2();
export const atomFeed = (input: FeedInput): string => xmlFeed(input, feedItems(input)).atom1();

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(input: FeedInput): string {
  const items = feedItems(input);
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: input.title,
      home_page_url: absolute(input.origin, changelogPath(input.apiId)),
      feed_url: absolute(input.origin, feedPath(input.apiId, "json")),
      description: input.description,
      language: "en",
      items: items.map((i) => ({ id: i.id, url: i.url, title: i.title, summary: i.summary, content_html: i.html, date_published: i.date.toISOString() })),
    },
    null,
    2,
  );
}
