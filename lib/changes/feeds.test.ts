// The changelog feeds: well-formed XML, the RSS 2.0 and Atom 1.0 structure, the JSON Feed 1.1
// required fields, and a real feed parser (feedsmith) reading each of them. Hostile names from a
// spec or an entry must stay text.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import type { CatalogApi, CatalogVersion } from "@/lib/specs/model";
import { releasesOf } from "./changelog";
import type { ChangelogEntry } from "./entries";
import { atomFeed, jsonFeed, rssFeed, type FeedInput } from "./feeds";
import type { Change, DiffResult } from "./types";

const ORIGIN = "https://portal.example";
const EVIL = `Evil <script>alert(1)</script> & "quotes" ]]> end`;

const version = (id: string, extra: Partial<CatalogVersion> = {}): CatalogVersion => ({
  id, lifecycle: "current", deprecated: null, sunset: null, status: "ok", format: "openapi-3.1", title: null, operationCount: 1, errorCount: 0, warningCount: 0, contentHash: id, failure: null, ...extra,
});
const api: CatalogApi = { id: "weather", name: `Weather ${EVIL}`, summary: null, visibility: "public", owners: [], versions: [version("v1", { released: "2024-03-12" }), version("v2", { released: "2026-09-01" }), version("v3")], latestVersion: "v3", catalogErrorCount: 0 };
const change = (severity: Change["severity"], text: string): Change => ({ severity, kind: "k", text });
const diff = (changes: Change[]): DiffResult => ({ changes, schemaUsers: {}, truncated: false });
const diffs: Record<string, DiffResult> = {
  "v1 v2": diff([change("breaking", `Removed query parameter \`${EVIL}\` from GET /alerts`), change("non-breaking", "Added GET /regions")]),
  "v2 v3": diff([change("deprecation", "Deprecated GET /current")]),
};
const entry: ChangelogEntry = { id: "file:v2-out", source: "file", date: "2026-09-02", title: `v2 is out ${EVIL}`, versions: ["v2"], severity: "breaking", kind: null, operations: [], body: `**Read** the [guide](javascript:alert(2)) <img src=x onerror=alert(3)>` };
const input: FeedInput = {
  origin: ORIGIN,
  apiId: "weather",
  title: `${api.name} changelog`,
  description: "Changes.",
  releases: releasesOf(api, (a, b) => diffs[`${a.id} ${b.id}`], [entry]),
  fallbackDate: new Date("2026-11-01T00:00:00Z"),
};

describe("RSS 2.0", () => {
  const xml = rssFeed(input);
  it("is well-formed XML with the RSS structure", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.rss["@_version"]).toBe("2.0");
    const channel = doc.rss.channel;
    expect(channel.title).toBe(input.title);
    expect(channel.link).toBe(`${ORIGIN}/apis/weather/changelog`);
    expect(channel.description).toBe("Changes.");
    expect(channel.item).toHaveLength(3);
    for (const item of channel.item) for (const field of ["title", "link", "guid", "pubDate", "description"]) expect(item[field], field).toBeDefined();
  });

  it("is read by a feed parser, newest first, with stable guids and dates", () => {
    const feed = parseRssFeed(xml);
    expect(feed.items?.map((i) => i.guid?.value)).toEqual([`${ORIGIN}/apis/weather/diff/v2...v3`, `${ORIGIN}/apis/weather/changelog#entry-v2-out`, `${ORIGIN}/apis/weather/diff/v1...v2`]);
    expect(feed.items?.[1]?.pubDate).toBe("Wed, 02 Sep 2026 00:00:00 GMT");
    // v3 has no date of its own: the fallback (the catalog's) is used.
    expect(feed.items?.[0]?.pubDate).toBe("Sun, 01 Nov 2026 00:00:00 GMT");
    expect(rssFeed(input)).toBe(xml);
  });
});

describe("Atom 1.0", () => {
  const xml = atomFeed(input);
  it("is well-formed XML with the Atom structure", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    for (const field of ["id", "title", "updated"]) expect(doc.feed[field], field).toBeDefined();
    expect(doc.feed.entry).toHaveLength(3);
    for (const e of doc.feed.entry) for (const field of ["id", "title", "updated", "link"]) expect(e[field], field).toBeDefined();
    expect(doc.feed.link.map((l: Record<string, string>) => l["@_rel"])).toEqual(["alternate", "self"]);
  });

  it("is read by a feed parser", () => {
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe(`${ORIGIN}/apis/weather/changelog`);
    expect(feed.entries?.map((e) => e.id)).toEqual([`${ORIGIN}/apis/weather/diff/v2...v3`, `${ORIGIN}/apis/weather/changelog#entry-v2-out`, `${ORIGIN}/apis/weather/diff/v1...v2`]);
    expect(feed.entries?.[2]?.updated).toBe("2026-09-01T00:00:00.000Z");
  });
});

describe("JSON Feed 1.1", () => {
  const text = jsonFeed(input);
  const feed = JSON.parse(text);
  it("has the required fields", () => {
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe(input.title);
    expect(feed.feed_url).toBe(`${ORIGIN}/apis/weather/changelog/feed.json`);
    expect(feed.items).toHaveLength(3);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(true);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
  });

  it("is read by a feed parser", () => {
    const parsed = parseJsonFeed(feed);
    expect(parsed.items?.map((i) => i.id)).toEqual(feed.items.map((i: { id: string }) => i.id));
    expect(parsed.items?.[2]?.title).toBe(`${api.name} v2: 1 breaking change`);
  });
});

describe("hostile text", () => {
  it("stays text in every format: no markup from names, entries or change lines survives", () => {
    const rss = parseRssFeed(rssFeed(input));
    const atom = parseAtomFeed(atomFeed(input));
    const json = JSON.parse(jsonFeed(input));
    const html = [...(rss.items ?? []).flatMap((i) => [i.title, i.description, i.content?.encoded]), ...(atom.entries ?? []).flatMap((e) => [e.title?.value, e.summary?.value, e.content?.value]), ...json.items.map((i: { content_html: string }) => i.content_html)];
    for (const h of html) {
      expect(h).toBeDefined();
      // Escaped text ("&lt;img … onerror=") is harmless; a real tag or a javascript: link is not.
      expect(h).not.toMatch(/<script|<img|href="javascript:/i);
    }
    // JSON Feed titles are plain text: the name as written, not escaped twice.
    expect(json.items[1].title).toBe(`v2 is out ${EVIL}`);
  });
});
