import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import { FLOW_SERIES, flowSeries, flowWeeks, japanFlows, japanFlowsPlan } from "../../src/live/japanFlows";
import type { DataRequest } from "../../src/sources/request";
import { parseMofWeekly } from "../../src/sources/mofFlows/weekly";
import type { Table } from "../../src/core/table";
import { realCp932, thrown } from "../helpers/dataFixtures";

/** The MoF weekly file (final update 2026-09-17); line numbers are its physical lines. */
const WEEK = "mof_itn_week_sjis_2005-01-02_2026-09-12.csv";

const values = (t: Table, k: number) => t.slice(1).map((r) => r[k]);

/** The reply a fetcher hands compute: the file parsed by its publisher's parser (or the source's error). */
const reply = (t: string | SheetError) => (t instanceof SheetError ? t : parseMofWeekly(t));

describe("JAPAN_FLOWS on the real week.csv", () => {
  const text = realCp932(WEEK);

  it("the last 13 weeks of residents' net purchases of foreign bonds, oldest first, in JPY bn", () => {
    const t = japanFlows({ weeks: 13, series: "foreign_bonds" }, [reply(text)]);
    expect(t[0]).toEqual(["week_start", "week_end", "foreign_bonds", "sum_4w", "sum_13w"]);
    expect(t).toHaveLength(14);
    expect(t[1].slice(0, 2)).toEqual(["2026-06-14", "2026-06-20"]);
    // Line 1147 (2026．9．6～9．12), assets long-term debt net "10,829 " → 1,082.9 bn.
    expect(t[13].slice(0, 3)).toEqual(["2026-09-06", "2026-09-12", 1082.9]);
    // sum_4w of the last week, lines 1144..1147: (−19,768 − 8,240 + 1,114 + 10,829)/10 = −1,606.5.
    expect(t[13][3]).toBe(-1606.5);
    // The last row's 13-week sum covers exactly the 13 rows shown.
    const shown = (values(t, 2) as number[]).reduce((a, b) => a + b, 0);
    expect(t[13][4]).toBeCloseTo(shown, 9);
    console.log(`JAPAN_FLOWS: Japan's net purchases of foreign bonds over the 13 weeks to 2026-09-12: JPY ${t[13][4]} bn\n${t.map((r) => r.join("\t")).join("\n")}`);
  });

  it("each series reads its column (line 1147, in 100 million yen ÷ 10)", () => {
    const last = (series: keyof typeof FLOW_SERIES) => japanFlows({ weeks: 1, series }, [reply(text)])[1][2];
    expect(last("foreign_equity")).toBe(169.2); // "1,692 "
    expect(last("foreign_total")).toBe(1402.9); // "14,029 "
    expect(last("japan_bonds")).toBe(2236.2); // "22,362 "
  });

  it("end cuts the weeks whose end is after it; the rolling sums reach back before the first row", () => {
    // end on the Golden Week's Saturday (line 763, 2019．4．28～5．4): it is the last row.
    const t = japanFlows({ weeks: 2, end: "2019-05-04", series: "japan_bonds" }, [reply(text)]);
    expect(t.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["2019-04-21", "2019-04-27", 276.2], // line 762: "2,762 "
      ["2019-04-28", "2019-05-04", -2.8], // line 763: "-28 "
    ]);
    expect(typeof t[1][4]).toBe("number"); // 13 weeks exist in the file before 2019-04-27
    // A day before that Saturday: the week is not complete, so the previous one is last.
    expect(japanFlows({ weeks: 1, end: "2019-05-03", series: "japan_bonds" }, [reply(text)])[1][1]).toBe("2019-04-27");
  });

  it("blank sums until the file holds enough weeks; up to 2,000 weeks give the whole file", () => {
    const t = japanFlows({ weeks: 2000, series: "foreign_bonds" }, [reply(text)]);
    expect(t).toHaveLength(1 + 1132);
    expect(values(t, 3).slice(0, 4).map((v) => v === "")).toEqual([true, true, true, false]);
    expect(values(t, 4).findIndex((v) => v !== "")).toBe(12);
    // Lines 16..19, long-term debt net: 8,878 + 3,708 − 2,729 − 3,495 = 6,362 → 636.2.
    expect(t[4][3]).toBe(636.2);
  });

  it("a week missing from the file makes the sums over it #N/A, not a longer window", () => {
    const gap = text.replace(/\r\n2026．8．2～8．8,[^\r]*/, "");
    const t = japanFlows({ weeks: 6, series: "foreign_bonds" }, [reply(gap)]);
    expect(t.slice(1).map((r) => r[1])).not.toContain("2026-08-08");
    const aug15 = t.find((r) => r[1] === "2026-08-15")!;
    expect((aug15[3] as SheetError).message).toMatch(/the 4 weeks ending 2026-08-15 are not consecutive in the file \(nothing between 2026-08-01 and 2026-08-09\)/);
    expect(typeof t.find((r) => r[1] === "2026-09-12")![3]).toBe("number"); // its 4 weeks are all there
  });
});

describe("JAPAN_FLOWS's arguments and failures", () => {
  it("series: the four names in any case; anything else is #VALUE! listing them", () => {
    expect(flowSeries(undefined)).toBe("foreign_bonds");
    expect(flowSeries(" Japan_Bonds ")).toBe("japan_bonds");
    expect(thrown(() => flowSeries("bonds")).message).toBe('series = "bonds" is not one of "foreign_bonds", "foreign_equity", "foreign_total", "japan_bonds"');
    expect(thrown(() => flowSeries("constructor")).kind).toBe("value");
  });

  it("weeks: a whole number from 1 to 2,000", () => {
    expect(flowWeeks(13)).toBe(13);
    for (const w of [0, 2001, 1.5, NaN]) expect(thrown(() => flowWeeks(w)).message).toMatch(/must be a whole number of weeks from 1 to 2000/);
  });

  it("a failing file is the whole table's #N/A; an end before the file is #N/A saying where it starts", () => {
    const down = new SheetError("na", "Japan MoF week.csv: HTTP 503 service unavailable");
    expect(thrown(() => japanFlows({ weeks: 13, series: "foreign_bonds" }, [reply(down)]))).toBe(down);
    const tiny = [
      "Unit: 100 million Yen",
      ",Equity and investment fund shares,,, Long-term debt securities,,,Subtotal,Short-term debt securities,,,Total,Equity and investment fund shares,,, Long-term debt securities,,,Subtotal,Short-term debt securities,,,Total",
      "",
      ",Acquisition,Disposition,Net,Acquisition,Disposition,Net,Net,Acquisition,Disposition,Net,Net,Acquisition,Disposition,Net,Acquisition,Disposition,Net,Net,Acquisition,Disposition,Net,Net",
      `2026．9．6～9．12${",1 ".repeat(22)}`,
    ].join("\r\n");
    expect(thrown(() => japanFlows({ weeks: 13, end: "2026-09-11", series: "foreign_bonds" }, [reply(tiny)])).message).toBe(
      "Japan MoF week.csv: no week ends on or before 2026-09-11: the file starts with the week ending 2026-09-12",
    );
    expect(japanFlows({ weeks: 13, series: "foreign_bonds" }, [reply(tiny)])).toEqual([
      ["week_start", "week_end", "foreign_bonds", "sum_4w", "sum_13w"],
      ["2026-09-06", "2026-09-12", 0.1, "", ""],
    ]);
  });

  it("plans one request, the weekly file", () => {
    const plan = japanFlowsPlan({ via: "proxy", proxyBase: "http://localhost:8787", today: "2026-09-20" }) as DataRequest[];
    expect(plan.map((p) => [p.url, p.label])).toEqual([["http://localhost:8787/mof/week.csv", "Japan MoF week.csv"]]);
  });
});
