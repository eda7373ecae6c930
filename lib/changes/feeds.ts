// Changelog feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1; written by lib/discovery/feed-writer.ts). One item per release that has a previous version (its changes,
// breaking first) and one per hand-written entry. Item ids are the items' URLs, stable across
// rebuilds. Every text from a spec or an entry is HTML-escaped here: Atom declares titles and
// content type="html", and readers treat RSS descriptions as HTML. Pure.
import { escapeHtml, writeFeed, type FeedDocument, type FeedItem } from "@/lib/discovery/feed-writer";
import { plainText } from "@/lib/markdown-export/mdast";
import { absolute, changelogPath, diffPath, feedPath } from "@/lib/discovery/urls";
import type { Release } from "./changelog";
import { entryAnchor, type ChangelogEntry } from "./entries";
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

type Item = FeedItem;

const MAX_ITEMS = 50;
const MAX_CHANGES = 60;


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
  const url = absolute(origin, `${changelogPath(r.api.id)}#${entryAnchor(e)}`);
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

function feedDocument(input: FeedInput): FeedDocument {
  return {
    title: input.title,
    description: input.description,
    pageUrl: absolute(input.origin, changelogPath(input.apiId)),
    feedUrls: { rss: absolute(input.origin, feedPath(input.apiId, "rss")), atom: absolute(input.origin, feedPath(input.apiId, "atom")), json: absolute(input.origin, feedPath(input.apiId, "json")) },
    items: feedItems(input),
    fallbackDate: input.fallbackDate,
  };
}

export const rssFeed = (input: FeedInput): string => writeFeed(feedDocument(input), "rss");
export const atomFeed = (input: FeedInput): string => writeFeed(feedDocument(input), "atom");
/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export const jsonFeed = (input: FeedInput): string => writeFeed(feedDocument(input), "json");
