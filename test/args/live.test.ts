/**
 * The live functions' arguments, read by the argument layer (src/args) like every other
 * function's, through the hosts' runner on our fixtures: a bad argument is its #VALUE!, and
 * nothing is fetched for it.
 */
import { describe, expect, it } from "vitest";
import { readSingleArgs } from "../../src/args/invoke";
import { SheetError } from "../../src/core/errors";
import { fixtureReply as fixtures } from "../helpers/dataFixtures";
import { askedCount, call, live } from "../helpers/liveCalls";

describe("arguments are read like every other function's (src/args), and a bad one is never fetched", () => {
  const valueError = (name: string, args: unknown[]) => {
    const before = askedCount();
    const e = call(name, args, fixtures) as SheetError;
    expect(e, `${name}(${args.map(String).join(", ")})`).toBeInstanceOf(SheetError);
    expect(askedCount(), "nothing was asked for").toBe(before);
    expect(e.kind).toBe("value");
    return e.message;
  };

  it("declared bounds hold: TIC_CHANGE's months is a whole number from 1 to 12", () => {
    // The function table: months kind count, min 1, max 12 (the table holds 13 month-ends).
    expect(valueError("TIC_CHANGE", ["Japan", 13])).toBe("months = 13 must be at most 12");
    expect(valueError("TIC_CHANGE", ["Japan", 0])).toBe("months = 0 must be at least 1");
    expect(valueError("TIC_CHANGE", ["Japan", 1.5])).toBe("months = 1.5 must be a whole number");
    expect(valueError("TIC_CHANGE", ["Japan", null])).toBe("months is required");
  });

  it("numbers as text read as everywhere: \"12\", \" 1e1 \", and the same errors for booleans and error values", () => {
    expect(call("TIC_CHANGE", ["Japan", " 12 "], fixtures)).toBe(75.4); // line 7: 1209.9 − 1134.5
    expect(call("JGB_YIELD", [" 1e1 "], fixtures)).toBe(0.0165); // mof_jgbcme_small.csv line 5: 10Y 1.65
    expect(valueError("TIC_CHANGE", ["Japan", true])).toBe("months = TRUE is a TRUE/FALSE value, not a number");
    expect(valueError("TIC_CHANGE", ["Japan", new SheetError("na", "x")])).toBe("months = #N/A is an error value: fix the cell it comes from");
    expect(valueError("TIC_HOLDINGS", [12])).toBe("country = 12 should be text");
    expect(valueError("TIC_HOLDINGS", ["  "])).toBe("country is required");
  });

  it("dates and months are argument kinds: a bad one names its argument", () => {
    expect(valueError("FRED", ["DGS10", true])).toBe("date = TRUE is not a date");
    expect(valueError("FRED_SERIES", ["T5YIE", "2026-07-01", "31/07/2026"])).toBe('end = "31/07/2026" is not a date: write it as "2026-03-31" (year first), or give a date cell');
    expect(valueError("TIC_HOLDINGS", ["Japan", "2026-13"])).toBe('month = "2026-13" is not a month: write it as "2026-03"');
  });

  it("JAPAN_FLOWS: weeks 1 to 2,000 and the four series are declared, read in any case", () => {
    // docs/functions.md, JAPAN_FLOWS: weeks 1 to 2,000; series "foreign_bonds", "foreign_equity", "foreign_total", "japan_bonds".
    expect(valueError("JAPAN_FLOWS", [0])).toBe("weeks = 0 must be at least 1");
    expect(valueError("JAPAN_FLOWS", [2001])).toBe("weeks = 2001 must be at most 2000");
    expect(valueError("JAPAN_FLOWS", [2.5])).toBe("weeks = 2.5 must be a whole number");
    expect(valueError("JAPAN_FLOWS", [13, null, "bonds"])).toBe('series = "bonds" is not one of "foreign_bonds", "foreign_equity", "foreign_total", "japan_bonds"');
    expect(valueError("JAPAN_FLOWS", [13, null, 7])).toBe("series = 7 should be text");
    expect(valueError("JAPAN_FLOWS", [13, "12/9/2026"])).toContain("end = ");
    expect(readSingleArgs(live("JAPAN_FLOWS"), [null, null, " Japan_Bonds "])).toEqual([13, undefined, "japan_bonds", undefined]);
    expect(readSingleArgs(live("JAPAN_FLOWS"), [])).toEqual([13, undefined, "foreign_bonds", undefined]);
  });

  it("HEDGE_HISTORY: start is required, months are months, the basis is a rate; a window that cannot be is #VALUE!, asking nothing", () => {
    expect(valueError("HEDGE_HISTORY", [])).toBe("start is required");
    expect(valueError("HEDGE_HISTORY", ["2024-13"])).toBe('start = "2024-13" is not a month: write it as "2026-03"');
    expect(valueError("HEDGE_HISTORY", ["2024-01", null, 50])).toBe("basis = 50 looks like a percent: enter 50% or 0.5");
    // today is 2026-08-07 (PROXY): end defaults to 2026-07; a start after it, or an end after this month, cannot be.
    expect(valueError("HEDGE_HISTORY", ["2026-08"])).toBe("start 2026-08 is after end 2026-07");
    expect(valueError("HEDGE_HISTORY", ["2026-01", "2026-09"])).toBe("end = 2026-09 is after this month (2026-08): there are no observations yet");
    // A date cell in the month reads as the month: serial 46113 = 2026-04-01 (Python: date(2026,4,1) − date(1899,12,30)).
    expect(readSingleArgs(live("HEDGE_HISTORY"), [46113])).toEqual(["2026-04", undefined, 0, undefined, undefined]);
  });

  it("one value per argument: a range → #VALUE! naming it; too many arguments → #VALUE!", () => {
    expect(valueError("JGB_YIELD", [[[2], [10]]])).toBe("JGB_YIELD takes one value per argument: give tenor_years as a single value, not a 2×1 range");
    expect(valueError("CHECKPOINTS", [[["a", "b"]]])).toBe("CHECKPOINTS spills a table: give api_key as a single value, not a 1×2 range");
    expect(valueError("FRED", ["DGS10", null, null, null, 1])).toBe("FRED takes at most 4 arguments, got 5");
  });
});
