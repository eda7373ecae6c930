// Calls per operation per day as a stacked bar chart, drawn on the server as SVG (no chart
// library, no JavaScript), with the same numbers in a table for screen readers and for reading.
// The five busiest operations get a colour each; the rest are summed as "Other".

export interface UsageRow {
  day: string;
  operation: string;
  apiId: string;
  version: string;
  calls: number;
}

const COLORS = ["#2f7fd1", "#e07b24", "#2e9e5b", "#9b59d0", "#d04a6b", "#8a94a0"];
const W = 720;
const H = 240;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

/** The last `days` UTC days ending today, oldest first ("2026-11-26"). */
export function dayRange(days: number, today = new Date()): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= n)!;
}

export function summarize(rows: UsageRow[], days: string[]) {
  const label = (r: UsageRow) => `${r.apiId} ${r.operation}`;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(label(r), (totals.get(label(r)) ?? 0) + r.calls);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const series = ranked.length > 6 ? [...ranked.slice(0, 5), "Other"] : ranked;
  const perDay = new Map(days.map((d) => [d, new Map<string, number>()]));
  for (const r of rows) {
    const s = series.includes(label(r)) ? label(r) : "Other";
    const m = perDay.get(r.day);
    if (m) m.set(s, (m.get(s) ?? 0) + r.calls);
  }
  return { series, perDay, totals };
}

export function UsageChart({ rows, days: dayCount = 30 }: { rows: UsageRow[]; days?: number }) {
  const days = dayRange(dayCount);
  const { series, perDay } = summarize(rows, days);
  const dayTotals = days.map((d) => [...(perDay.get(d)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const max = niceMax(Math.max(0, ...dayTotals));
  const total = dayTotals.reduce((a, b) => a + b, 0);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / days.length;
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;

  return (
    <figure className="mt-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="usage-title usage-desc" className="h-auto w-full text-fg-muted" data-testid="usage-chart">
        <title id="usage-title">Calls per day, last {dayCount} days</title>
        <desc id="usage-desc">
          {total} calls in total; busiest day {Math.max(0, ...dayTotals)} calls. The table below has every number.
        </desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} stroke="currentColor" strokeOpacity={0.25} />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {max * f}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          let base = 0;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={d}>
              {series.map((s, si) => {
                const v = perDay.get(d)?.get(s) ?? 0;
                if (!v) return null;
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return (
                  <rect key={s} x={x} y={top} width={barW} height={Math.max(h, 1)} fill={COLORS[si % COLORS.length]}>
                    <title>{`${d} · ${s}: ${v}`}</title>
                  </rect>
                );
              })}
              {(i % 7 === 0 || i === days.length - 1) && (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" fontSize={11} fill="currentColor">
                  {d.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {series.length === 0 && <span className="text-fg-muted">No calls in the last {dayCount} days.</span>}
        {series.map((s, i) => (
          <span key={s} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: COLORS[i % COLORS.length] }} />
            <code className="font-mono">{s}</code>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export function UsageTable({ rows }: { rows: UsageRow[] }) {
  const sorted = [...rows].sort((a, b) => b.day.localeCompare(a.day) || b.calls - a.calls);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Calls per operation per day</caption>
        <thead className="text-xs text-fg-muted">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Day</th>
            <th scope="col" className="py-2 pr-4 font-medium">API</th>
            <th scope="col" className="py-2 pr-4 font-medium">Operation</th>
            <th scope="col" className="py-2 text-right font-medium">Calls</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {sorted.map((r) => (
            <tr key={`${r.day} ${r.apiId} ${r.version} ${r.operation}`}>
              <td className="py-1.5 pr-4 whitespace-nowrap">{r.day}</td>
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {r.apiId} {r.version}
              </td>
              <td className="py-1.5 pr-4 font-mono text-xs break-all">{r.operation}</td>
              <td className="py-1.5 text-right tabular-nums">{r.calls}</td>
            </tr>
          ))}
          {sorted.length === 0 && (
            <tr>
              <td colSpan={4} className="py-2 text-fg-muted">
                No calls recorded.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
