// Layout of the sunset timeline (components/notices/sunset-timeline.tsx): months on a horizontal
// axis, one bar per notice from its deprecation (else publication) to its sunset, a marker for
// today. Only notices whose sunset is today or later. Pure: dates in, coordinates out.
import { publicDate, type Notice } from "./types";

export interface TimelineRow {
  id: string;
  apiId: string;
  label: string;
  start: Date;
  sunset: Date;
  /** Bar in px within the plot area. */
  x: number;
  width: number;
  /** The bar starts before the axis does (drawn with an open left end). */
  clipped: boolean;
  /** Days from today to the sunset. */
  daysLeft: number;
}

export interface TimelineLayout {
  width: number;
  plotLeft: number;
  plotWidth: number;
  axisStart: Date;
  axisEnd: Date;
  months: { x: number; label: string; year: boolean }[];
  today: number;
  rows: TimelineRow[];
}

const DAY = 86_400_000;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** The axis shows at most this many months before today: old deprecations are drawn clipped. */
const MONTHS_BEFORE = 3;

const monthStart = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));

/** "Weather API: GET /current is deprecated…"; no prefix on one API's page or when the title names the API already. */
export function noticeLabel(n: Pick<Notice, "title"> & { apiName: string }, withApi: boolean): string {
  return withApi && !n.title.startsWith(n.apiName) ? `${n.apiName}: ${n.title}` : n.title;
}

export function timelineLayout(notices: (Notice & { apiName: string })[], now: Date, opts: { width?: number; plotLeft?: number; withApi?: boolean } = {}): TimelineLayout {
  const width = opts.width ?? 960;
  const plotLeft = opts.plotLeft ?? 16;
  const plotWidth = width - plotLeft - 16;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const upcoming = notices
    .filter((n): n is typeof n & { sunsetAt: Date } => n.sunsetAt !== null && n.sunsetAt >= today)
    .sort((a, b) => a.sunsetAt.getTime() - b.sunsetAt.getTime() || a.title.localeCompare(b.title));

  const earliest = upcoming.reduce((min, n) => Math.min(min, (n.deprecatedAt ?? publicDate(n) ?? today).getTime()), today.getTime());
  const axisStart = new Date(Math.max(monthStart(new Date(earliest)).getTime(), monthStart(today, -MONTHS_BEFORE).getTime()));
  const latest = upcoming.reduce((max, n) => Math.max(max, n.sunsetAt.getTime()), today.getTime() + 90 * DAY);
  const axisEnd = monthStart(new Date(latest), 1);
  const span = axisEnd.getTime() - axisStart.getTime();
  const xOf = (d: Date | number) => plotLeft + ((typeof d === "number" ? d : d.getTime()) - axisStart.getTime()) / span * plotWidth;

  const months: TimelineLayout["months"] = [];
  const count = Math.round(span / (30.44 * DAY));
  // One tick per month up to two years, then every quarter, then every half year.
  const step = count <= 24 ? 1 : count <= 48 ? 3 : 6;
  for (let m = monthStart(axisStart); m < axisEnd; m = monthStart(m, step)) {
    const year = m.getUTCMonth() === 0 || months.length === 0;
    months.push({ x: xOf(m), label: year ? `${MONTH_NAMES[m.getUTCMonth()]} ${m.getUTCFullYear()}` : MONTH_NAMES[m.getUTCMonth()]!, year });
  }

  const rows = upcoming.map((n) => {
    const start = n.deprecatedAt ?? publicDate(n) ?? today;
    const clipped = start < axisStart;
    const x = xOf(clipped ? axisStart : start);
    return {
      id: n.id,
      apiId: n.apiId,
      label: noticeLabel(n, opts.withApi ?? true),
      start,
      sunset: n.sunsetAt,
      x,
      width: Math.max(4, xOf(n.sunsetAt) - x),
      clipped,
      daysLeft: Math.round((n.sunsetAt.getTime() - today.getTime()) / DAY),
    };
  });
  return { width, plotLeft, plotWidth, axisStart, axisEnd, months, today: xOf(today), rows };
}
