import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("CSV export cells", () => {
  it("turns would-be formulas into text (CSV injection)", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.example\",\"x\")")).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell("+1+2")).toBe("'+1+2");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("quotes separators, quotes and line breaks, and leaves plain text alone", () => {
    expect(csvCell("access.approved")).toBe("access.approved");
    expect(csvCell("a,b")).toBe(`"a,b"`);
    expect(csvCell('say "hi"')).toBe(`"say ""hi"""`);
    expect(csvCell("two\nlines")).toBe(`"two\nlines"`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-11-26T07:00:00Z"))).toBe("2026-11-26T07:00:00.000Z");
    expect(csvCell({ note: "=1" })).toBe(`"{""note"":""=1""}"`);
    expect(csvRow(["a", "=b", "c,d"])).toBe(`a,'=b,"c,d"\r\n`);
  });
});
