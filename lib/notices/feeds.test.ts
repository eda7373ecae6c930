// Deprecation feeds and the sunset calendar: well-formed, read back by real parsers (feedsmith for
// RSS/Atom/JSON Feed, ical.js for iCalendar), stable ids, hostile text kept as text.
import ICAL from "ical.js";
import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { noticeAtom, noticeJsonFeed, noticeRss, type NoticeFeedInput } from "./feeds";
import { sunsetCalendar } from "./ical";
import type { PublicNotice } from "./public";
import { timelineLayout } from "./timeline";

const ORIGIN = "https://portal.example";
const EVIL = `<script>alert(1)</script> & "q" ]]>`;
const notice = (id: string, extra: Partial<PublicNotice>): PublicNotice => ({
  id, specKey: null, source: "admin", status: "published", apiId: "weather", apiName: "Weather API", versions: ["v2"], operations: [], title: id, body: "", migrationGuide: "",
  deprecatedAt: null, sunsetAt: null, publishAt: null, publishedAt: new Date("2026-10-01T10:00:00Z"), ...extra,
});
const notices = [
  notice("ntc_current", { title: "GET /current goes away", operations: ["v2 GET /current"], sunsetAt: new Date("2027-06-30T00:00:00Z"), body: `Use **GET /conditions**. ${EVIL}`, migrationGuide: "Call `GET /conditions` [guide](javascript:alert(2))", publishedAt: new Date("2026-10-20T00:00:00Z") }),
  notice("ntc_v1", { source: "spec", specKey: "version:weather:v1", title: "Weather API v1 is deprecated", versions: ["v1"], deprecatedAt: new Date("2026-09-01T00:00:00Z"), sunsetAt: new Date("2027-03-31T00:00:00Z"), publishedAt: new Date("2026-09-01T00:00:00Z") }),
  notice("ntc_nosunset", { title: "Parameter since is deprecated", publishedAt: new Date("2026-11-01T00:00:00Z") }),
];
const input: NoticeFeedInput = { origin: ORIGIN, apiId: "weather", title: "Weather API deprecations", description: "Notices.", notices, fallbackDate: new Date("2026-11-01T00:00:00Z") };

describe("deprecation feeds", () => {
  it("RSS 2.0 is well-formed and read by a feed parser, newest first", () => {
    const xml = noticeRss(input);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseRssFeed(xml);
    expect(feed.link).toBe(`${ORIGIN}/apis/weather/deprecations`);
    expect(feed.items?.map((i) => i.guid?.value)).toEqual([`${ORIGIN}/apis/weather/deprecations#ntc_nosunset`, `${ORIGIN}/apis/weather/deprecations#ntc_current`, `${ORIGIN}/apis/weather/deprecations#ntc_v1`]);
    expect(feed.items?.[1]?.pubDate).toBe("Tue, 20 Oct 2026 00:00:00 GMT");
  });

  it("Atom 1.0 is well-formed and read by a feed parser", () => {
    const xml = noticeAtom({ ...input, apiId: null });
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe(`${ORIGIN}/deprecations`);
    expect(feed.entries?.[1]?.title?.value).toContain("Weather API: GET /current goes away");
    expect(feed.links?.find((l) => l.rel === "self")?.href).toBe(`${ORIGIN}/deprecations/atom.xml`);
  });

  it("JSON Feed 1.1 has the required fields and is read by a feed parser", () => {
    const json = JSON.parse(noticeJsonFeed(input));
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.feed_url).toBe(`${ORIGIN}/apis/weather/deprecations/feed.json`);
    const parsed = parseJsonFeed(json);
    expect(parsed.items).toHaveLength(3);
    expect(json.items[1].content_html).toContain("Sunset 2027-06-30");
    expect(json.items[1].content_html).toContain("<h3>Migration guide</h3>");
  });

  it("keeps hostile text as text in every format", () => {
    const html = [...(parseRssFeed(noticeRss(input)).items ?? []).map((i) => i.content?.encoded ?? i.description), ...(parseAtomFeed(noticeAtom(input)).entries ?? []).map((e) => e.content?.value), ...JSON.parse(noticeJsonFeed(input)).items.map((i: { content_html: string }) => i.content_html)];
    for (const h of html) {
      expect(h).toBeDefined();
      expect(h).not.toMatch(/<script|href="javascript:/i);
    }
  });
});

describe("sunset calendar", () => {
  const text = sunsetCalendar({ origin: ORIGIN, apiId: null, name: "API sunsets", notices, fallbackDate: new Date(0) });
  it("is read back by ical.js: one all-day event per sunset, stable UIDs, soonest first", () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.name).toBe("vcalendar");
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["ntc_v1@portal.example", "ntc_current@portal.example"]);
    expect(events.map((e) => e.startDate.toString())).toEqual(["2027-03-31", "2027-06-30"]);
    expect(events.every((e) => e.startDate.isDate)).toBe(true);
    expect(events[1]!.summary).toBe("Sunset: Weather API — GET /current goes away");
    expect(events[1]!.component.getFirstPropertyValue("url")).toBe(`${ORIGIN}/apis/weather/deprecations#ntc_current`);
    expect(events[1]!.description).toContain("Migration: Call GET /conditions");
  });

  it("does not change between renders (DTSTAMP is the publication)", () => {
    expect(sunsetCalendar({ origin: ORIGIN, apiId: null, name: "API sunsets", notices, fallbackDate: new Date(0) })).toBe(text);
    expect(text).toMatch(/\r\n/); // RFC 5545 line endings
  });
});

describe("timeline layout", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const layout = timelineLayout(notices, now);
  it("draws upcoming sunsets only, soonest first, between the axis ends", () => {
    expect(layout.rows.map((r) => r.id)).toEqual(["ntc_v1", "ntc_current"]);
    for (const r of layout.rows) {
      expect(r.x).toBeGreaterThanOrEqual(layout.plotLeft);
      expect(r.x + r.width).toBeLessThanOrEqual(layout.plotLeft + layout.plotWidth + 0.001);
    }
    expect(layout.rows[0]!.daysLeft).toBe(125);
  });

  it("starts the axis at most three months back, marks today and labels each month", () => {
    expect(layout.axisStart.toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(layout.axisEnd.toISOString()).toBe("2027-07-01T00:00:00.000Z");
    expect(layout.months.map((m) => m.label)).toEqual(["Sep 2026", "Oct", "Nov", "Dec", "Jan 2027", "Feb", "Mar", "Apr", "May", "Jun"]);
    expect(layout.today).toBeGreaterThan(layout.months[2]!.x);
    expect(layout.today).toBeLessThan(layout.months[3]!.x);
  });

  it("thins out month ticks and cuts labels in the compact (phone) layout", () => {
    const compact = timelineLayout([...notices, notice("ntc_long", { title: "A notice with a very long title that would never fit on a phone screen at all", sunsetAt: new Date("2027-01-31T00:00:00Z") })], now, { compact: true });
    expect(compact.width).toBe(380);
    const gaps = compact.months.slice(1).map((m, i) => m.x - compact.months[i]!.x);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
    expect(compact.months.map((m) => m.label)).toEqual(["Sep 2026", "Nov", "Jan 2027", "Mar", "May"]);
    for (const r of compact.rows) {
      expect(r.labelX).toBe(compact.plotLeft);
      expect(r.shortLabel.length).toBeLessThanOrEqual(53);
    }
    expect(compact.rows.find((r) => r.id === "ntc_long")!.shortLabel).toMatch(/…$/);
    expect(compact.rows.find((r) => r.id === "ntc_long")!.label).toContain("phone screen at all");
  });

  it("clips bars that start before the axis and drops past sunsets", () => {
    const old = timelineLayout([notice("ntc_old", { deprecatedAt: new Date("2024-01-01T00:00:00Z"), sunsetAt: new Date("2027-01-01T00:00:00Z") }), notice("ntc_past", { sunsetAt: new Date("2026-01-01T00:00:00Z") })], now);
    expect(old.rows.map((r) => [r.id, r.clipped])).toEqual([["ntc_old", true]]);
    expect(old.rows[0]!.x).toBe(old.plotLeft);
  });
});
