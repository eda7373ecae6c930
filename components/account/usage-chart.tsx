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

/** The last `days` UTC days ending today, oldest first ("2026-11-26"). */
export function dayRange(days: number, today = new Date()): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** An axis top whose half is a whole number too (0, half, top are the labels). */
function niceMax(n: number): number {
  if (n <= 10) return Math.max(2, Math.ceil(n / 2) * 2);
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= n)!;
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

/**
 * Bars are an SVG stretched to the plot area (preserveAspectRatio="none": x in days, y in percent);
 * the axis labels are HTML around it, so their size stays readable from phones to wide screens.
 */
export function UsageChart({ rows, days: dayCount = 30 }: { rows: UsageRow[]; days?: number }) {
  const days = dayRange(dayCount);
  const { series, perDay } = summarize(rows, days);
  const dayTotals = days.map((d) => [...(perDay.get(d)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const busiest = Math.max(0, ...dayTotals);
  const max = niceMax(busiest);
  const total = dayTotals.reduce((a, b) => a + b, 0);
  const pct = (v: number) => (v / max) * 100;
  // Labels every 7 days counted back from today, so the last two never collide.
  const labelled = days.map((_, i) => (days.length - 1 - i) % 7 === 0);

  return (
    <figure className="mt-2">
      <div className="grid grid-cols-[auto_1fr] gap-x-2">
        <div aria-hidden className="relative h-48 w-8 text-right text-xs text-fg-muted tabular-nums">
          {[1, 0.5, 0].map((f) => (
            <span key={f} className="absolute right-0 -translate-y-1/2" style={{ top: `${(1 - f) * 100}%` }}>
              {max * f}
            </span>
          ))}
        </div>
        <div className="relative h-48 border-b border-border">
          {[0, 50].map((top) => (
            <div key={top} aria-hidden className="absolute inset-x-0 border-t border-dashed border-border" style={{ top: `${top}%` }} />
          ))}
          <svg
            viewBox={`0 0 ${days.length} 100`}
            preserveAspectRatio="none"
            role="img"
            aria-labelledby="usage-title usage-desc"
            className="absolute inset-0 h-full w-full"
            data-testid="usage-chart"
          >
            <title id="usage-title">{`Calls per day, last ${dayCount} days`}</title>
            <desc id="usage-desc">{`${total} ${total === 1 ? "call" : "calls"} in total; busiest day ${busiest}. The table below has every number.`}</desc>
            {days.map((d, i) => {
              let base = 0;
              return (
                <g key={d}>
                  {series.map((s, si) => {
                    const v = perDay.get(d)?.get(s) ?? 0;
                    if (!v) return null;
                    const y = 100 - pct(base + v);
                    base += v;
                    return (
                      <rect key={s} x={i + 0.15} width={0.7} y={y} height={pct(v)} fill={COLORS[si % COLORS.length]}>
                        <title>{`${d} · ${s}: ${v}`}</title>
                      </rect>
                    );
                  })}
                </g>
              );
            })}
          </svg>
        </div>
        <div />
        <div aria-hidden className="relative mt-1 h-5 text-xs text-fg-muted">
          {days.map((d, i) =>
            labelled[i] ? (
              <span key={d} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: `${((i + 0.5) / days.length) * 100}%` }}>
                {d.slice(5)}
              </span>
            ) : null,
          )}
        </div>
      </div>
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
