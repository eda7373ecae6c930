// The usage chart: five busiest operations get their own colour and the rest become "Other"; days
// without calls still get a slot; the numbers are all in the table too.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dayRange, summarize, UsageChart, UsageTable, type UsageRow } from "./usage-chart";

const today = dayRange(1)[0]!;
const row = (operation: string, calls: number, day = today): UsageRow => ({ day, operation, apiId: "weather", version: "v2", calls });

describe("usage chart", () => {
  it("covers the last N UTC days, oldest first, ending today", () => {
    const days = dayRange(30, new Date("2026-03-02T23:59:00Z"));
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toBe("2026-03-02");
    expect(days[0]).toBe("2026-02-01");
  });

  it("keeps the five busiest operations and sums the rest as Other", () => {
    const rows = ["A", "B", "C", "D", "E", "F", "G"].map((op, i) => row(`GET /${op}`, 100 - i));
    const { series, perDay } = summarize(rows, [today]);
    expect(series).toEqual(["weather GET /A", "weather GET /B", "weather GET /C", "weather GET /D", "weather GET /E", "Other"]);
    expect(perDay.get(today)!.get("Other")).toBe(95 + 94);
  });

  it("renders an accessible SVG with one bar segment per non-empty value, and a table of every row", () => {
    const html = renderToStaticMarkup(<UsageChart rows={[row("GET /forecast", 7), row("POST /alerts", 2)]} days={30} />);
    expect(html).toContain('role="img"');
    expect(html).toContain("<title");
    expect(html).toContain("9 calls in total");
    expect(html).toContain("preserveAspectRatio=\"none\"");
    expect(html.match(/<rect /g)).toHaveLength(2);
    const table = renderToStaticMarkup(<UsageTable rows={[row("GET /forecast", 7)]} />);
    expect(table).toContain("<th scope=\"col\"");
    expect(table).toContain("GET /forecast");
    expect(renderToStaticMarkup(<UsageChart rows={[]} />)).toContain("No calls in the last 30 days.");
  });
});
