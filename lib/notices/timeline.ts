// Layout of the sunset timeline (components/notices/sunset-timeline.tsx): months on a horizontal
// axis, one bar per notice from its deprecation (else publication) to its sunset, a marker for
// today. Only notices whose sunset is today or later. Pure: dates in, coordinates out.
import { publicDate, type Notice } from "./types";

export interface TimelineRow {
  id: string;
  apiId: string;
  label: string;
  /** The label cut to fit the drawing. */
  shortLabel: string;
  /** Where the label starts: at the bar, or at the left edge in the compact (phone) layout. */
  labelX: number;
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

/**
 * `compact`: the phone layout (narrow viewBox drawn at about its own size): labels start at the
 * left edge, month ticks thin out to keep their labels apart.
 */
export function timelineLayout(notices: (Notice & { apiName: string })[], now: Date, opts: { width?: number; plotLeft?: number; withApi?: boolean; compact?: boolean } = {}): TimelineLayout {
  const width = opts.width ?? (opts.compact ? 380 : 960);
  const plotLeft = opts.plotLeft ?? (opts.compact ? 8 : 16);
  const plotWidth = width - plotLeft - (opts.compact ? 8 : 16);
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
  // Every month when there is room (60 px a tick), else every 2, 3, 6 or 12 months.
  const step = [1, 2, 3, 6, 12].find((n) => (plotWidth * n) / Math.max(1, count) >= 60) ?? 12;
  let lastYear = -1;
  for (let m = monthStart(axisStart); m < axisEnd; m = monthStart(m, step)) {
    const year = m.getUTCFullYear() !== lastYear;
    lastYear = m.getUTCFullYear();
    months.push({ x: xOf(m), label: year ? `${MONTH_NAMES[m.getUTCMonth()]} ${m.getUTCFullYear()}` : MONTH_NAMES[m.getUTCMonth()]!, year });
  }
  // About 7 px a character at the 13 px label size.
  const maxChars = Math.floor((opts.compact ? width - 8 : 420) / 7);

  const rows = upcoming.map((n) => {
    const start = n.deprecatedAt ?? publicDate(n) ?? today;
    const clipped = start < axisStart;
    const x = xOf(clipped ? axisStart : start);
    const label = noticeLabel(n, opts.withApi ?? true);
    return {
      id: n.id,
      apiId: n.apiId,
      label,
      shortLabel: label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label,
      labelX: opts.compact ? plotLeft : Math.min(x, width - 430),
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
