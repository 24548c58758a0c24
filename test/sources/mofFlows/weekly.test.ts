/**
 * The MoF weekly "International Transactions in Securities" file (`week.csv`) as the Ministry
 * publishes it, here the real copy `mof_itn_week_sjis_2005-01-02_2026-09-12.csv` (final update
 * 2026-09-17), decoded from cp932 as a host does. Line numbers are the file's physical lines
 * (the header cell `"期間\nPeriod"` holds a line break, so the data start on line 16).
 */
import { describe, expect, it } from "vitest";
import { type FlowWeek, MOF_WEEK, WEEK_COLUMNS, parseMofWeekly, parseWeekLabel } from "../../../src/sources/mofFlows/weekly";
import { oku100ToBn } from "../../../src/sources/mofFlows/common";
import { fileRequest } from "../../../src/sources/file";
import type { PlanContext } from "../../../src/sources/request";

const mofWeekRequest = (ctx: Omit<PlanContext, "today">) => fileRequest(ctx, MOF_WEEK);
import { javaDecode } from "../../helpers/javaCharsets";
import { realBytes, realCp932, thrown } from "../../helpers/dataFixtures";

const WEEK = "mof_itn_week_sjis_2005-01-02_2026-09-12.csv";
const A = WEEK_COLUMNS.assets;
const L = WEEK_COLUMNS.liabilities;

describe("parseWeekLabel: every spelling of a week in the file", () => {
  it.each([
    ["2005．1．2～ 1．8", "2005-01-02", "2005-01-08"], // 2005–2013: a space after the dash (line 16)
    ["2014．1．5～1．11", "2014-01-05", "2014-01-11"], // from 2013-12-29: no space
    ["2017．8．13～8．19 ", "2017-08-13", "2017-08-19"], // 2017-08-13 .. 2018-05-20: a trailing space (line 674)
    ["2006．12．31～ 2007．1．6", "2006-12-31", "2007-01-06"], // crossing a year, with a space (line 120)
    ["2013．12．29～2014．1．4", "2013-12-29", "2014-01-04"], // crossing a year, without (line 485)
    ["2017．12．31～2018．1．6 ", "2017-12-31", "2018-01-06"], // crossing a year, trailing space (line 694)
    ["2013．12．29\u301C2014．1．4", "2013-12-29", "2014-01-04"], // Java's Shift_JIS decodes 0x8160 as U+301C
    ["2026.9.6~9.12", "2026-09-06", "2026-09-12"], // ASCII dots and tilde (a re-typed label)
    ["2013．12．29～1．4", "2013-12-29", "2014-01-04"], // a year-crossing end without its year
  ])("%j → %s .. %s", (label, start, end) => {
    expect(parseWeekLabel(label)).toEqual({ start, end });
  });

  it.each(["", "（備考）", "2026．2．30～3．6", "2026．9．12～9．6", "Period"])("%j is not a week", (label) => {
    expect(parseWeekLabel(label)).toBeUndefined();
  });
});

describe("parseMofWeekly on the real week.csv", () => {
  const text = realCp932(WEEK);
  const weeks = parseMofWeekly(text);
  const week = (start: string): FlowWeek => {
    const w = weeks.find((x) => x.start === start);
    if (!w) throw new Error(`no week starting ${start}`);
    return w;
  };

  it("reads 1,132 consecutive weeks, 2005-01-02 .. 2026-09-12; the footnotes below are not weeks", () => {
    expect(text.includes("\uFF5E")).toBe(true); // cp932's tilde
    expect(weeks).toHaveLength(1132); // lines 16 .. 1147
    expect(weeks[0].start).toBe("2005-01-02");
    expect(weeks[weeks.length - 1].end).toBe("2026-09-12");
    for (let i = 1; i < weeks.length; i++) {
      const gap = (Date.parse(weeks[i].start) - Date.parse(weeks[i - 1].end)) / 86_400_000;
      expect(gap, `${weeks[i - 1].label} → ${weeks[i].label}`).toBe(1);
      expect((Date.parse(weeks[i].end) - Date.parse(weeks[i].start)) / 86_400_000).toBe(6); // Sunday to Saturday
    }
  });

  it("the first week (line 16), with its quoted thousands and trailing spaces", () => {
    // Line 16: 2005．1．2～ 1．8,"1,689 ","1,419 ",270 ,"23,929 ","15,051 ","8,878 ",…,"10,363 "
    const w = weeks[0];
    expect([w.start, w.end]).toEqual(["2005-01-02", "2005-01-08"]);
    expect(A.equity.map((c) => w.values[c])).toEqual([1689, 1419, 270]);
    expect(A.longTermDebt.map((c) => w.values[c])).toEqual([23929, 15051, 8878]);
    expect(w.values[L.total]).toBe(10363);
    // Line 18 (2005．1．16～ 1．22): a quoted negative thousands value "-2,729 " (assets, long-term debt net).
    expect(week("2005-01-16").values[A.longTermDebt[2]]).toBe(-2729);
  });

  it("the last week (line 1147): total nets 14,029 and −4,995, as a second public copy of the file records", () => {
    const w = weeks[weeks.length - 1];
    expect([w.start, w.end, w.label]).toEqual(["2026-09-06", "2026-09-12", "2026．9．6～9．12"]);
    expect(w.values[A.total]).toBe(14029);
    expect(w.values[L.total]).toBe(-4995);
    // The file's own identities confirm the totals (net = acquisition − disposition, subtotal = equity
    // + long-term debt, total = subtotal + short-term debt): 30,037 − 28,345 = 1,692; 117,497 − 106,668 =
    // 10,829; 1,692 + 10,829 = 12,521; 18,524 − 17,015 = 1,509 ≈ 1,508 (rounding); 12,521 + 1,508 = 14,029.
    expect(w.values[A.subtotal]).toBe(12521);
    expect(w.values[A.subtotal]! + w.values[A.shortTermDebt[2]]!).toBe(14029);
    // Liabilities: 381,075 − 396,303 = −15,228; 75,958 − 53,597 = 22,361 ≈ 22,362; −15,228 + 22,362 = 7,134 ≈ 7,133; 7,133 − 12,128 = −4,995.
    expect(w.values[L.subtotal]! + w.values[L.shortTermDebt[2]]!).toBe(-4995);
    // In JPY bn (÷ 10): 1,402.9 and −499.5.
    expect(oku100ToBn(w.values[A.total]!)).toBe(1402.9);
    expect(oku100ToBn(w.values[L.total]!)).toBe(-499.5);
  });

  it("the year-crossing weeks (lines 120, 485, 694) end in the new year", () => {
    expect(week("2006-12-31").end).toBe("2007-01-06");
    expect(week("2013-12-29").end).toBe("2014-01-04");
    expect(week("2017-12-31").end).toBe("2018-01-06");
    expect(weeks.filter((w) => w.start.slice(0, 4) !== w.end.slice(0, 4))).toHaveLength(17);
    // Line 485: assets long-term debt 3,528 − 7,940 = −4,412.
    expect(A.longTermDebt.map((c) => week("2013-12-29").values[c])).toEqual([3528, 7940, -4412]);
  });

  it("the Golden Week row 2019．4．28～5．4 (line 763): zeros where nothing traded", () => {
    const w = week("2019-04-28");
    expect(w.end).toBe("2019-05-04");
    expect(w.values.slice(12, 23)).toEqual([0, 0, 0, 25, 53, -28, -28, 400, 0, 400, 372]);
    expect(w.values[A.longTermDebt[2]]).toBe(-2570);
  });

  it("on every week the file's identities hold within its rounding (±2 in 100 million yen)", () => {
    let worst = 0;
    for (const w of weeks) {
      const v = (c: number) => w.values[c]!;
      for (const side of [A, L]) {
        for (const [acq, disp, net] of [side.equity, side.longTermDebt, side.shortTermDebt]) worst = Math.max(worst, Math.abs(v(acq) - v(disp) - v(net)));
        worst = Math.max(worst, Math.abs(v(side.equity[2]) + v(side.longTermDebt[2]) - v(side.subtotal)));
        worst = Math.max(worst, Math.abs(v(side.subtotal) + v(side.shortTermDebt[2]) - v(side.total)));
      }
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it("reads the file the same through Java's Shift_JIS (Apps Script's getContentText(\"Shift_JIS\")): U+301C dashes, ①②③ as U+FFFD in the footnotes", () => {
    const decoded = javaDecode(realBytes(WEEK), "Shift_JIS");
    expect(decoded).toContain("2026．9．6\u301C9．12"); // line 1147, 0x8160 → U+301C
    expect(decoded).toContain(",\uFFFD平成26年1月より"); // line 1149, footnote ① → U+FFFD
    const java = parseMofWeekly(decoded);
    expect(java.map((w) => [w.start, w.end, w.values])).toEqual(weeks.map((w) => [w.start, w.end, w.values]));
  });

  it("refuses the file read without its charset (as UTF-8): every Japanese character is U+FFFD", () => {
    expect(thrown(() => parseMofWeekly(javaDecode(realBytes(WEEK)))).message).toBe(
      "Japan MoF week.csv: the file holds U+FFFD replacement characters: it was decoded with the wrong encoding (it is cp932, Windows-31J)",
    );
  });

  it("refuses a file whose columns moved, whose units are gone, or that was decoded wrongly", () => {
    const lines = text.split("\r\n");
    const shifted = lines.map((l) => (l.startsWith(",Acquisition") ? `,Net${l}` : l)).join("\r\n");
    expect(thrown(() => parseMofWeekly(shifted)).message).toMatch(/^Japan MoF week\.csv: no "Acquisition,Disposition,Net,…" header/);
    expect(thrown(() => parseMofWeekly(text.replace("Unit: 100 million Yen", "").replace("単位： 億円", ""))).message).toMatch(/units cannot be confirmed/);
    expect(thrown(() => parseMofWeekly(text.replace("2019．4．28～5．4,", "2019．4．28\uFFFD5．4,"))).message).toMatch(/wrong encoding/);
    expect(thrown(() => parseMofWeekly(text.replace("Unit: 100 million Yen", "Unit: 100 million Yen\uFFFD"))).message).toMatch(/wrong encoding/);
    const typo = text.replace("2019．4．28～5．4,", "2019．4．28～5．4x,");
    expect(thrown(() => parseMofWeekly(typo)).message).toMatch(/the row "2019．4．28～5．4x" \(after the week 2019．4．21～4．27\) is not a week/);
    expect(thrown(() => parseMofWeekly("<html>maintenance</html>")).kind).toBe("na");
  });
});

describe("mofWeekRequest", () => {
  it("asks the Ministry directly (Sheets) or our proxy (Excel), one cache entry either way", () => {
    const direct = mofWeekRequest({ via: "direct" });
    expect(direct.url).toBe("https://www.mof.go.jp/policy/international_policy/reference/itn_transactions_in_securities/week.csv");
    expect(mofWeekRequest({ via: "direct", endpoints: { mofFlowsWeekly: "http://127.0.0.1:9/week.csv" } }).url).toBe("http://127.0.0.1:9/week.csv");
    const proxied = mofWeekRequest({ via: "proxy", proxyBase: "http://localhost:8787/" });
    expect(proxied.url).toBe("http://localhost:8787/mof/week.csv");
    expect([direct.charset, direct.source, direct.label, direct.cacheKey]).toEqual(["Windows-31J", "Japan MoF", "Japan MoF week.csv", proxied.cacheKey]);
    expect(proxied.charset).toBeUndefined(); // the proxy transcodes to UTF-8
  });
});
