import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import { jgbYield, jgbYieldFromReplies, mergeCurves, mofRequests, parseMofJgb } from "../../src/sources/mofCurve";
import { own, real, realCp932, thrown } from "../helpers/dataFixtures";

const ALL = "mof_jgbcme_all_1974-2024.csv";
const RESAVED = "mof_jgbcme_all_excel_resaved_1974-2025.csv";
const SJIS_ALL = "mof_jgbcm_all_japanese_sjis_1974-2022.csv";
const SJIS_CUR = "mof_jgbcm_current_month_japanese_sjis_2025-10.csv";
const MANGLED = "mof_jgbcm_current_month_MANGLED_utf8_replacement_2025-10.csv";


/** One of our MoF fixtures as a fetcher hands it to compute: parsed. */
const curve = (name: string) => parseMofJgb(own(name));

describe("parseMofJgb on the real files of Japan's MoF (jgbcme_all.csv, jgbcm_all.csv, jgbcm.csv)", () => {
  it("jgbcme_all.csv: header after a title line, YYYY/M/D, '-' missing, CRLF, negatives", () => {
    const c = parseMofJgb(real(ALL));
    expect(c.tenors).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40]); // line 2
    expect(c.rows).toHaveLength(12783); // lines 3..12785
    expect(c.rows[0].date).toBe("1974-09-24"); // line 3 "1974/9/24"
    expect(c.rows[0].yields[0]).toBe(0.10327); // line 3: 1Y 10.327
    expect(c.rows[0].yields[9]).toBeNull(); // line 3: 10Y "-"
    // line 12785 "2024/7/31": the latest 10Y 1.07, 40Y 2.396
    expect(jgbYield(c, 10)).toEqual({ date: "2024-07-31", value: 0.0107 });
    expect(jgbYield(c, 40).value).toBe(0.02396);
    // line 12764 "2024/7/1": 10Y 1.083
    expect(jgbYield(c, 10, "2024-07-01")).toEqual({ date: "2024-07-01", value: 0.01083 });
    // line 10425 "2014/12/3": 2Y −0.003 (the first negative yield in the file)
    expect(jgbYield(c, 2, "2014-12-03").value).toBe(-0.00003);
    // 10Y starts 1986/7/5 (line 3364, 5.103): on or before 1986/7/4 there is none
    expect(jgbYield(c, 10, "1986-07-05").value).toBe(0.05103);
    const e = thrown(() => jgbYield(c, 10, "1986-07-04"));
    expect(e.kind).toBe("na");
    expect(e.message).toContain("starts 1986-07-05");
  });

  it("refuses the Excel re-saved copy (M/D/YY) with the reason", () => {
    // Our copy keeps its first and last months (test/fixtures/real/README.md); line 3 is the file's own line 3.
    const e = thrown(() => parseMofJgb(real(RESAVED), "Japan MoF jgbcme_all.csv"));
    expect(e.kind).toBe("na");
    expect(e.message).toContain('line 3 has the date "9/24/74": the file was re-saved by Excel');
  });

  it("refuses the U+FFFD-mangled file with the reason", () => {
    const e = thrown(() => parseMofJgb(real(MANGLED)));
    expect(e.message).toContain("U+FFFD");
    expect(e.message).toContain("Shift_JIS read as UTF-8");
  });

  it("the Japanese current-month file, decoded from Shift_JIS: era dates, footer skipped", () => {
    const text = realCp932(SJIS_CUR);
    const c = parseMofJgb(text);
    expect(c.rows).toHaveLength(11); // lines 3..13: R7.10.1 .. R7.10.16; line 14 ",,,…" and line 15 the note are footer
    expect(c.rows[0].date).toBe("2025-10-01"); // R7 = Reiwa 7 = 2025
    expect(jgbYield(c, 10)).toEqual({ date: "2025-10-16", value: 0.01663 }); // line 13: R7.10.16 10Y 1.663
  });

  it("the Japanese history: Showa → Heisei at 1989", () => {
    const c = parseMofJgb(realCp932(SJIS_ALL));
    // Our copy keeps three periods of the Ministry's 12,251 lines (test/fixtures/real/README.md):
    // lines 33-34 (the Ministry's 4048-4049): S64.1.6 then H1.1.9 (Showa 64 = Heisei 1 = 1989), 1Y 3.844 and 3.857
    expect(jgbYield(c, 1, "1989-01-08")).toEqual({ date: "1989-01-06", value: 0.03844 });
    expect(jgbYield(c, 1, "1989-01-09")).toEqual({ date: "1989-01-09", value: 0.03857 });
    expect(jgbYield(c, 10).date).toBe("2022-05-31"); // last line R4.5.31, the Ministry's last line too
    expect(c.rows[0].date).toBe("1974-09-24"); // line 3 S49.9.24, the Ministry's first row
  });
});

describe("parseMofJgb on our fixtures (test/fixtures/data)", () => {
  const cur = parseMofJgb(own("mof_jgbcme_small.csv"));
  const all = parseMofJgb(own("mof_jgbcme_all_small.csv"), "Japan MoF jgbcme_all.csv");

  it("current month: skips the title line, stops at the footer (all-comma row, then a note)", () => {
    expect(own("mof_jgbcme_small.csv").split("\r\n")).toHaveLength(8); // CRLF lines + final CRLF
    expect(cur.rows.map((r) => r.date)).toEqual(["2026-08-03", "2026-08-04", "2026-08-05"]); // lines 3-5
    expect(jgbYield(cur, 10)).toEqual({ date: "2026-08-05", value: 0.0165 }); // line 5: 10Y 1.65
    expect(jgbYield(cur, 1).value).toBe(0.0098); // line 5: 1Y 0.98
  });

  it("'-' is missing: the last day with a yield is used", () => {
    // line 4 "2026/8/4": 40Y "-" → on or before 2026-08-04 is line 3 (3.3)
    expect(jgbYield(cur, 40, "2026-08-04")).toEqual({ date: "2026-08-03", value: 0.033 });
  });

  it("history + current month merge; the latest is this month's", () => {
    const c = mergeCurves(all, cur);
    expect(c.rows[0].date).toBe("1974-09-24");
    expect(jgbYield(c, 10)).toEqual({ date: "2026-08-05", value: 0.0165 });
    expect(jgbYield(c, 10, "2026-07-05")).toEqual({ date: "2026-07-03", value: 0.0152 }); // all_small line 5: 10Y 1.52
  });

  it("unknown tenor → #N/A naming it and listing the curve", () => {
    const e = thrown(() => jgbYield(cur, 12));
    expect(e.kind).toBe("na");
    expect(e.message).toBe("Japan MoF: no 12-year JGB on the curve: the tenors are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40 years");
  });

  it("refuses our Excel-resaved and U+FFFD fixtures, and garbage", () => {
    expect(thrown(() => parseMofJgb(own("mof_jgbcme_all_excel_resaved_small.csv"))).message).toContain("re-saved by Excel (M/D/YY)");
    expect(thrown(() => parseMofJgb(own("mof_jgbcm_mangled_fffd_small.csv"))).message).toContain("U+FFFD");
    expect(thrown(() => parseMofJgb(own("garbage_maintenance.html"))).message).toContain('no "Date,1Y,2Y,…" header row');
    expect(thrown(() => parseMofJgb("Date,1Y,10Y\r\n2026/8/3,0.9,1.6x\r\n")).message).toContain('"1.6x", not a yield');
    expect(thrown(() => parseMofJgb("Date,1Y,10Y\r\n2026/13/3,0.9,1.6\r\n")).message).toContain('"2026/13/3", not a date');
  });

  it("a current-month file holding only its header (early in a month) parses; the history then gives the latest", () => {
    const empty = "Interest Rate,,,,,,,,,,,,,,,(Unit : %)\r\nDate,1Y,2Y,3Y,4Y,5Y,6Y,7Y,8Y,9Y,10Y,15Y,20Y,25Y,30Y,40Y\r\n";
    expect(parseMofJgb(empty).rows).toEqual([]);
    // all_small line 6 "2026/7/31": 10Y 1.6
    expect(jgbYieldFromReplies(parseMofJgb(empty), curve("mof_jgbcme_all_small.csv"), 10, undefined, "2026-08")).toEqual({ date: "2026-07-31", value: 0.016 });
  });

  it("without the history, the current month still answers dates inside it; older dates say why", () => {
    const down = new SheetError("na", "Japan MoF jgbcme_all.csv: HTTP 503 service unavailable");
    expect(jgbYieldFromReplies(curve("mof_jgbcme_small.csv"), down, 10, undefined, "2026-08").value).toBe(0.0165);
    expect(thrown(() => jgbYieldFromReplies(curve("mof_jgbcme_small.csv"), down, 10, "2026-07-15", "2026-08"))).toBe(down);
    // the current month missing is an error, never last month's number
    const curDown = new SheetError("na", "Japan MoF jgbcme.csv: no reply within 10 s (timeout)");
    expect(thrown(() => jgbYieldFromReplies(curDown, curve("mof_jgbcme_all_small.csv"), 10, undefined, "2026-08"))).toBe(curDown);
    expect(thrown(() => jgbYieldFromReplies(curDown, curve("mof_jgbcme_all_small.csv"), 10, "2026-08-03", "2026-08"))).toBe(curDown);
  });

  it("a date before this month is the history file's: answered when the current-month file fails (JGB_YIELD(10, \"2024-07-31\") with jgbcme.csv down)", () => {
    const curDown = new SheetError("na", "Japan MoF jgbcme.csv: HTTP 404 not found");
    // all_small line 6 "2026/7/31": 10Y 1.6; the real history's 2024/7/31 line: 10Y 1.07 (the catalog's JGB_YIELD example)
    expect(jgbYieldFromReplies(curDown, curve("mof_jgbcme_all_small.csv"), 10, "2026-07-31", "2026-08")).toEqual({ date: "2026-07-31", value: 0.016 });
    expect(jgbYieldFromReplies(curDown, parseMofJgb(real(ALL)), 10, "2024-07-31", "2026-12").value).toBe(0.0107);
  });

  it("plans both files", () => {
    const [c, a] = mofRequests({ via: "direct" });
    expect(c.url).toBe("https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/jgbcme.csv");
    expect(a.url).toBe("https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv");
    expect(mofRequests({ via: "proxy", proxyBase: "http://p:1" }).map((r) => r.url)).toEqual(["http://p:1/mof/jgbcme.csv", "http://p:1/mof/jgbcme_all.csv"]);
  });
});
