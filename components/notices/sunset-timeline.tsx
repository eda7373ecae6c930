// The timeline of upcoming sunsets: a server-rendered SVG (no script) that people can scan, with
// the same facts in a table for screen readers and for anyone who prefers one. Two drawings of
// one layout function (lib/notices/timeline.ts): a wide one from tablet width (md) up, a compact
// one on phones (drawn at about its own size, so its text stays readable). Colours come from the
// theme's variables, so light and dark both read.
import type { PublicNotice } from "@/lib/notices/public";
import { timelineLayout, type TimelineLayout } from "@/lib/notices/timeline";
import { noticePath } from "@/lib/notices/urls";

const ROW = 44;
const TOP = 34;
const fmt = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function Drawing({ layout, id }: { layout: TimelineLayout; id: string }) {
  const height = TOP + layout.rows.length * ROW + 8;
  return (
    <svg viewBox={`0 0 ${layout.width} ${height}`} className="block h-auto w-full" role="img" aria-labelledby={id}>
      <title id={id}>Upcoming sunsets: {layout.rows.map((r) => `${r.label}, ${fmt.format(r.sunset)}`).join("; ")}</title>
      {layout.months.map((m) => (
        <g key={m.x}>
          <line x1={m.x} x2={m.x} y1={TOP - 12} y2={height} style={{ stroke: "var(--color-border)" }} strokeWidth={m.year ? 1.5 : 1} />
          <text x={m.x + 4} y={16} fontSize={12} style={{ fill: "var(--color-fg-muted)" }} fontWeight={m.year ? 600 : 400}>
            {m.label}
          </text>
        </g>
      ))}
      {layout.rows.map((r, i) => {
        const y = TOP + i * ROW;
        const urgent = r.daysLeft <= 90;
        const endX = r.x + r.width;
        // The date goes after the bar when it fits, else inside its end (dark on the bar colour).
        const dateOutside = endX + 6 + 88 < layout.width;
        return (
          <a key={r.id} href={noticePath(r.apiId, r.id)}>
            <text x={r.labelX} y={y + 12} fontSize={13} style={{ fill: "var(--color-fg)" }}>
              {r.shortLabel}
            </text>
            <rect x={r.x} y={y + 18} width={r.width} height={14} rx={r.clipped ? 0 : 4} style={{ fill: urgent ? "var(--color-danger)" : "var(--color-warn)", opacity: 0.85 }} />
            <text x={dateOutside ? endX + 6 : endX - 6} y={y + 29} fontSize={12} textAnchor={dateOutside ? "start" : "end"} style={{ fill: dateOutside ? "var(--color-fg-muted)" : "var(--color-bg)" }} fontWeight={600}>
              {fmt.format(r.sunset)}
            </text>
          </a>
        );
      })}
      <line x1={layout.today} x2={layout.today} y1={TOP - 14} y2={height} style={{ stroke: "var(--color-accent)" }} strokeWidth={2} strokeDasharray="4 3" />
      <text x={layout.today + 4} y={TOP - 2} fontSize={11} style={{ fill: "var(--color-accent)" }} fontWeight={700}>
        Today
      </text>
    </svg>
  );
}

export function SunsetTimeline({ notices, now, withApi }: { notices: PublicNotice[]; now: Date; withApi: boolean }) {
  const wide = timelineLayout(notices, now, { withApi });
  if (!wide.rows.length) return <p className="mt-4 rounded-lg border border-dashed border-border p-6 text-center text-fg-muted">No sunsets ahead.</p>;
  const compact = timelineLayout(notices, now, { withApi, compact: true });
  return (
    <figure className="mt-4">
      <div className="hidden rounded-lg border border-border bg-bg-subtle md:block">
        <Drawing layout={wide} id="timeline-wide" />
      </div>
      <div className="rounded-lg border border-border bg-bg-subtle md:hidden">
        <Drawing layout={compact} id="timeline-compact" />
      </div>
      <figcaption className="mt-2 text-sm text-fg-muted">Bars run from the deprecation (or its announcement) to the sunset; red ones end within 90 days.</figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-accent">Sunsets as a table</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left">
            <thead className="text-fg-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Notice</th>
                <th scope="col" className="hidden py-1 pr-3 font-medium sm:table-cell">Since</th>
                <th scope="col" className="py-1 pr-3 font-medium">Sunset</th>
                <th scope="col" className="py-1 font-medium">Days left</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {wide.rows.map((r) => (
                <tr key={r.id}>
                  <td className="py-1 pr-3">
                    <a href={noticePath(r.apiId, r.id)} className="text-accent hover:underline">{r.label}</a>
                  </td>
                  <td className="hidden whitespace-nowrap py-1 pr-3 tabular-nums sm:table-cell">{fmt.format(r.start)}</td>
                  <td className="whitespace-nowrap py-1 pr-3 tabular-nums">{fmt.format(r.sunset)}</td>
                  <td className="py-1 tabular-nums">{r.daysLeft}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
