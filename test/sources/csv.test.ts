import { describe, expect, it } from "vitest";
import { isBlankRecord, parseDelimited } from "../../src/sources/csv";
import { realCp932 } from "../helpers/dataFixtures";

const WEEK = "mof_itn_week_sjis_2005-01-02_2026-09-12.csv";

describe("parseDelimited (RFC 4180 as the publishers write it)", () => {
  it("keeps a line break, the delimiter and doubled quotes inside quotes; spaces stay", () => {
    // Shapes from the MoF weekly file's header and footnotes (record 10, record 1150).
    const text = '"期間\nPeriod",   株式,,\r\n   (Note 1),"the new items ""Equity"" from 2014.",x\r\n"1,689 ",270 ,-671 \r\n';
    expect(parseDelimited(text)).toEqual([
      ["期間\nPeriod", "   株式", "", ""],
      ["   (Note 1)", 'the new items "Equity" from 2014.', "x"],
      ["1,689 ", "270 ", "-671 "],
    ]);
  });

  it("ends records at CRLF, LF or CR; a last line without a break is a record; a final break adds none", () => {
    expect(parseDelimited("a,b\r\nc,d\ne,f\rg,h")).toEqual([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]]);
    expect(parseDelimited("a,b\n")).toEqual([["a", "b"]]);
    expect(parseDelimited("a\n\nb\n")).toEqual([["a"], [""], ["b"]]);
    expect(parseDelimited("")).toEqual([]);
  });

  it("takes another delimiter: the TIC history's tabs, with quoted names holding commas", () => {
    expect(parseDelimited('"China, Mainland"\t683.5\t683.9\t\r\n', "\t")).toEqual([["China, Mainland", "683.5", "683.9", ""]]);
  });

  it("keeps the rest of an unclosed quote rather than dropping it", () => {
    expect(parseDelimited('a,"b,c\nd')).toEqual([["a", "b,c\nd"]]);
  });

  it("tells blank separator rows (,,,,) from rows with data", () => {
    expect(isBlankRecord(["", " ", ""])).toBe(true);
    expect(isBlankRecord(["", "1"])).toBe(false);
  });

  it("reads Japan MoF's week.csv whole: 1,153 records of 23 fields from 1,154 lines (a quoted header cell holds a line break)", () => {
    const text = realCp932(WEEK);
    expect(text.split("\n")).toHaveLength(1154 + 1); // 1,154 lines, each ending in a line feed
    const records = parseDelimited(text);
    expect(records).toHaveLength(1153);
    expect(records.every((r) => r.length === 23)).toBe(true);
    expect(records[10][0]).toBe("期間\nPeriod");
  });
});
