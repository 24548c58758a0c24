import { describe, expect, it } from "vitest";
import { addMonths, addMonthsToKey, dayNumber, fromDayNumber } from "../../src/core/dates";
import { isoToSerial, serialToIso } from "../../src/args/dates";
import { asOf, dataChange, monthBefore, onOrBefore } from "../../src/sources/series";


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
