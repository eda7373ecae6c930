// The sunset dates as an iCalendar feed (RFC 5545) through ical-generator: one all-day event per
// published notice that has a sunset, so teams can subscribe in their calendar. UIDs are the
// notice ids (stable), DTSTAMP the notice's publication (the output does not change between
// requests, so caches and calendar clients see no churn). Pure.
import ical from "ical-generator";
import { absolute } from "@/lib/discovery/urls";
import { plainText } from "@/lib/markdown-export/mdast";
import { publicDate, type Notice } from "./types";
import { deprecationsPath, noticePath, sunsetsIcsPath } from "./urls";

export interface SunsetCalendarInput {
  origin: string;
  apiId: string | null;
  name: string;
  notices: (Notice & { apiName: string })[];
  fallbackDate: Date;
}

export function sunsetCalendar(input: SunsetCalendarInput): string {
  const host = new URL(input.origin).host;
  const cal = ical({
    name: input.name,
    prodId: { company: "Portolan", product: "Deprecations", language: "EN" },
    url: absolute(input.origin, deprecationsPath(input.apiId)),
    source: absolute(input.origin, sunsetsIcsPath(input.apiId)),
    ttl: 60 * 60 * 6,
  });
  const withSunset = input.notices.filter((n): n is typeof n & { sunsetAt: Date } => n.sunsetAt !== null).sort((a, b) => a.sunsetAt.getTime() - b.sunsetAt.getTime() || a.id.localeCompare(b.id));
  for (const n of withSunset) {
    const url = absolute(input.origin, noticePath(n.apiId, n.id));
    const guide = plainText(n.migrationGuide);
    cal.createEvent({
      id: `${n.id}@${host}`,
      allDay: true,
      start: n.sunsetAt,
      end: new Date(n.sunsetAt.getTime() + 86_400_000),
      stamp: publicDate(n) ?? input.fallbackDate,
      summary: `Sunset: ${n.apiName} — ${n.title}`,
      description: [plainText(n.body), guide && `Migration: ${guide}`, url].filter(Boolean).join("\n\n"),
      url,
    });
  }
  return cal.toString();
}
