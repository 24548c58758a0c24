import { describe, expect, it } from "vitest";
import { thrown } from "./fixtures";
import { SheetError } from "../../src/core/errors";
import { addMonths, addMonthsToKey, isoToSerial, readDate, readMonth, serialToIso } from "../../src/core/data/dates";
import { asOf, dataChange, monthBefore, onOrBefore } from "../../src/core/data/series";


describe("spreadsheet serials (1900 date system: day 0 = 1899-12-30)", () => {
  it("converts both ways", () => {
    // independent: Python (date(y,m,d) − date(1899,12,30)).days
    expect(isoToSerial("2026-08-05")).toBe(46239);
    expect(isoToSerial("2026-03-31")).toBe(46112);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(serialToIso(46239)).toBe("2026-08-05");
    expect(serialToIso(46239.75)).toBe("2026-08-05"); // the time of day is dropped
    for (let s = 61; s < 80000; s += 997) expect(isoToSerial(serialToIso(s))).toBe(s); // round trip
  });
});

describe("readDate / readMonth (date arguments as hosts pass them)", () => {
  it("accepts ISO text, YYYY/M/D, a serial, a Date, a one-cell range; blank is undefined", () => {
    expect(readDate("2026-03-31", "date")).toBe("2026-03-31");
    expect(readDate(" 2026/3/5 ", "date")).toBe("2026-03-05");
    expect(readDate(46112, "date")).toBe("2026-03-31");
    expect(readDate(new Date(2026, 2, 31), "date")).toBe("2026-03-31");
    expect(readDate([[46112]], "date")).toBe("2026-03-31");
    for (const b of [null, undefined, ""]) expect(readDate(b, "date")).toBeUndefined();
  });

  it("refuses ambiguous or impossible dates with #VALUE! naming the argument", () => {
    expect(thrown(() => readDate("3/31/2026", "date")).message).toBe('date = "3/31/2026" is not a date: write it as "2026-03-31" (year first), or give a date cell');
    expect(thrown(() => readDate("2026-02-30", "date")).kind).toBe("value");
    expect(thrown(() => readDate(true, "end")).message).toContain("end = TRUE");
    expect(thrown(() => readDate(12, "date")).kind).toBe("value"); // 1900-01-11: not a plausible data date, and Excel's 1900 leap-year bug zone
    expect(thrown(() => readDate([[1, 2]], "date")).message).toContain("single value");
  });

  it("months: 'YYYY-MM' or any day in the month", () => {
    expect(readMonth("2026-03", "month")).toBe("2026-03");
    expect(readMonth("2026/3", "month")).toBe("2026-03");
    expect(readMonth("2026-03-15", "month")).toBe("2026-03");
    expect(readMonth(46112, "month")).toBe("2026-03");
    expect(readMonth(null, "month")).toBeUndefined();
    expect(thrown(() => readMonth("2026-13", "month")).kind).toBe("value");
  });
});

describe("month arithmetic and as-of lookups", () => {
  it("clamps to the month's end", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonthsToKey("2026-04", -12)).toBe("2025-04");
    expect(addMonthsToKey("2025-12", 1)).toBe("2026-01");
  });

  const obs = [
    { date: "2026-07-01", value: 1 },
    { date: "2026-07-02", value: 2 },
    { date: "2026-08-04", value: 3 },
  ];
  it("latest, on or before, a month before", () => {
    expect(asOf(obs)).toEqual(obs[2]);
    expect(onOrBefore(obs, "2026-07-31")).toEqual(obs[1]);
    expect(onOrBefore(obs, "2026-07-01")).toEqual(obs[0]);
    expect(onOrBefore(obs, "2026-06-30")).toBeUndefined();
    expect(monthBefore(obs, "2026-08-04")).toEqual(obs[1]); // on or before 2026-07-04
    expect(asOf([])).toBeUndefined();
  });

  it("changes of published data carry no binary noise", () => {
    expect(dataChange(113.4, 110.8)).toBe(2.6); // 113.4 − 110.8 = 2.6000000000000085 in binary
    expect(dataChange(0.0469, 0.0441)).toBe(0.0028);
  });
});
