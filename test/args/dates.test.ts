/**
 * Date and month arguments (src/args/dates.ts), read by the argument layer like every other
 * kind: through coerceCell for one cell and readSingleArgs for a live function's arguments.
 * Serials are the 1900 date system's: days since 1899-12-30 (independent: Python
 * `(date(y, m, d) − date(1899, 12, 30)).days`).
 */
import { describe, expect, it } from "vitest";
import { BLANK, coerceCell } from "../../src/args/coerce";
import { readSingleArgs } from "../../src/args/invoke";
import type { ParamSpec, Signature } from "../../src/args/kinds";
import { SheetError } from "../../src/core/errors";

const DAY: ParamSpec = { name: "date", kind: "date", optional: true, help: "a date" };
const MONTH: ParamSpec = { name: "month", kind: "month", optional: true, help: "a month" };
const message = (v: unknown) => {
  expect(v).toBeInstanceOf(SheetError);
  expect((v as SheetError).kind).toBe("value");
  return (v as SheetError).message;
};

describe("a date argument", () => {
  it("reads ISO text, YYYY/M/D, a serial, a Date; blank is blank", () => {
    expect(coerceCell("2026-03-31", DAY)).toBe("2026-03-31");
    expect(coerceCell(" 2026/3/5 ", DAY)).toBe("2026-03-05");
    expect(coerceCell(46112, DAY)).toBe("2026-03-31"); // DATE(2026,3,31) = 46112
    expect(coerceCell(46112.75, DAY)).toBe("2026-03-31"); // the time of day is dropped
    expect(coerceCell(new Date(2026, 2, 31), DAY)).toBe("2026-03-31"); // a Date: its day in this runtime's zone
    for (const b of [null, undefined, ""]) expect(coerceCell(b, DAY)).toBe(BLANK);
  });

  it("refuses ambiguous or impossible dates with #VALUE! naming the argument", () => {
    expect(message(coerceCell("3/31/2026", DAY))).toBe('date = "3/31/2026" is not a date: write it as "2026-03-31" (year first), or give a date cell');
    expect(message(coerceCell("2026-02-30", DAY))).toContain("is not a date");
    expect(message(coerceCell(true, { ...DAY, name: "end" }))).toBe("end = TRUE is not a date");
    // 12 = 1900-01-11: not a plausible data date, and inside Excel's 1900 leap-year bug zone (serials below 61)
    expect(message(coerceCell(12, DAY))).toBe('date = 12 is not a date: give a date cell or text like "2026-03-31"');
    expect(message(coerceCell(new Date(NaN), DAY))).toBe("date is not a valid date");
    expect(message(coerceCell(new SheetError("na", "x"), DAY))).toBe("date = #N/A is an error value: fix the cell it comes from");
  });
});

describe("a month argument", () => {
  it("reads 'YYYY-MM', 'YYYY/M', or any day in the month", () => {
    expect(coerceCell("2026-03", MONTH)).toBe("2026-03");
    expect(coerceCell("2026/3", MONTH)).toBe("2026-03");
    expect(coerceCell("2026-03-15", MONTH)).toBe("2026-03");
    expect(coerceCell(46112, MONTH)).toBe("2026-03"); // 2026-03-31
    expect(coerceCell(null, MONTH)).toBe(BLANK);
    expect(message(coerceCell("2026-13", MONTH))).toBe('month = "2026-13" is not a month: write it as "2026-03"');
  });
});

describe("single-value arguments (a live function's), with the date kinds", () => {
  const F: Signature = { name: "F", result: "cell", params: [{ name: "id", kind: "text", help: "an id" }, DAY, { name: "refresh", kind: "any", optional: true, help: "any" }] };

  it("a one-cell range is its value; defaults fill blanks; `any` is never read", () => {
    expect(readSingleArgs(F, [[["x"]], [[46112]], [[1, 2]]])).toEqual(["x", "2026-03-31", undefined]);
    expect(readSingleArgs(F, ["x"])).toEqual(["x", undefined, undefined]);
  });

  it("a bigger range is refused, naming the argument", () => {
    expect(() => readSingleArgs(F, ["x", [[1, 2]]])).toThrow("F takes one value per argument: give date as a single value, not a 1×2 range");
  });
});
