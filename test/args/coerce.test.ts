/** How one argument is read (README, "Units and conventions", and the list below its table). */
import { describe, expect, it } from "vitest";
import { parseNumberText } from "../../src/args/coerce";
import { SheetError } from "../../src/core/errors";
import { call, num } from "../helpers/sheet";

const errOf = (r: unknown) => {
  expect(r).toBeInstanceOf(SheetError);
  return r as SheetError;
};

describe("text that reads as a number", () => {
  it('reads "4.3%" as 0.043 exactly, as a spreadsheet does', () => {
    // README: text that reads as a number is accepted, "4.3%" → 0.043
    expect(parseNumberText("4.3%")).toBe(0.043);
    expect(num("HEDGE_COST", "4.3%", 0)).toBe(0.043);
  });

  it('reads "0.043" as 0.043', () => {
    // README: "0.043" → 0.043
    expect(num("HEDGE_COST", "0.043", 0)).toBe(0.043);
  });

  it('reads " 1,130 " with thousands separators and spaces', () => {
    // closed form: HOLDINGS_LOSS(1130, 0.3%, 8) = −27.12 (note §2.4)
    expect(num("HOLDINGS_LOSS", " 1,130 ", "0.3%", 8)).toBeCloseTo(-27.12, 12);
  });

  it("reads signs, exponents and a space before the percent sign", () => {
    expect(parseNumberText("-0.5%")).toBe(-0.005);
    expect(parseNumberText("+1e-3")).toBe(0.001);
    expect(parseNumberText("4.5 %")).toBe(0.045);
    expect(parseNumberText(".5")).toBe(0.5);
  });

  it("does not read malformed numbers", () => {
    for (const s of ["1,13", "1,1300", "abc", "", "%", "4.3%%", "1e999", "NaN", "Infinity", "0x10", "1 000"]) {
      expect(parseNumberText(s), s).toBeUndefined();
    }
  });

  it("refuses other text with #VALUE! naming the argument", () => {
    const e = errOf(call("HEDGE_COST", "abc", 0.005));
    expect(e.kind).toBe("value");
    expect(e.message).toBe('us_short = "abc" is not a number');
  });
});

describe("percent-looking rates", () => {
  it("refuses 4.5 for a rate with the README's message", () => {
    const e = errOf(call("HEDGE_COST", 4.5, 0.005));
    expect(e.kind).toBe("value");
    // README, "Units and conventions": "us_short = 4.5 looks like a percent: enter 4.5% or 0.045"
    expect(e.message).toBe("us_short = 4.5 looks like a percent: enter 4.5% or 0.045");
  });

  it("refuses −2 for a rate and accepts ±1", () => {
    expect(errOf(call("HEDGE_COST", 0.045, -2)).message).toBe("jp_short = -2 looks like a percent: enter -2% or -0.02");
    expect(num("HEDGE_COST", 1, -1)).toBe(2);
  });

  it('refuses "450%" typed as text', () => {
    expect(errOf(call("HEDGE_COST", "450%", 0.005)).message).toContain("looks like a percent");
  });

  it("does not apply to basis points, money or FX levels", () => {
    // TP_IMPACT(37.5, 80): closed form 37.5/100·80/10000 = 0.30% (note §3.3)
    expect(num("TP_IMPACT", 37.5, 80)).toBeCloseTo(0.003, 15);
    expect(typeof call("FX_FORWARD", 150, 0.045, 0.005, 91)).toBe("number");
  });

  it("says a whole number from 20,000 in a rate cell looks like a date, with the date", () => {
    // Excel's date serial 45000 is 2023-03-15 (Excel: =TEXT(45000,"yyyy-mm-dd")); 20000 is 1954-10-03
    expect(errOf(call("HEDGE_COST", 45000, 0.005)).message).toBe(
      "us_short = 45000 looks like a date (Excel's serial for 2023-03-15), not a rate: enter a rate such as 4.5% or 0.045",
    );
    expect(errOf(call("HEDGE_COST", 0.045, 20000)).message).toContain("(Excel's serial for 1954-10-03)");
    // below 20,000, or not whole, it is still a percent typed as a number
    expect(errOf(call("HEDGE_COST", 19999, 0.005)).message).toBe("us_short = 19999 looks like a percent: enter 19999% or 199.99");
    expect(errOf(call("HEDGE_COST", 45000.5, 0.005)).message).toContain("looks like a percent");
  });
});

describe("arguments in basis points", () => {
  it("refuses a non-zero value below 1 in absolute value, saying the unit", () => {
    // README, Units and conventions: "hike_bp = 0.005 is a fraction of a basis point: this argument is in basis points (50 = 0.50%)"
    const cases: [string, unknown[], string][] = [
      ["BOJ_HIKE", [0.005, 0.043, 0.045, 0.005, 0.015], "hike_bp = 0.005"],
      ["TP_IMPACT", [37.5, 0.8], "bp_per_100bn = 0.8"],
      ["TP_IMPACT", [37.5, "-0.5"], "bp_per_100bn = -0.5"],
    ];
    for (const [fn, args, head] of cases) {
      expect(errOf(call(fn, ...args)).message, fn).toBe(`${head} is a fraction of a basis point: this argument is in basis points (50 = 0.50%)`);
    }
  });

  it("accepts 0, ±1 and more, and preset names", () => {
    expect(num("TP_IMPACT", 37.5, 0)).toBe(0);
    // closed form: 100/100 · 1bp = 0.01%
    expect(num("TP_IMPACT", 100, 1)).toBeCloseTo(0.0001, 15);
    expect(num("TP_IMPACT", 100, -1)).toBeCloseTo(-0.0001, 15);
    // "note" is 80bp per 100bn (note §3.3)
    expect(num("TP_IMPACT", 37.5, "note")).toBeCloseTo(0.003, 15);
  });

  it('reads "80bp", "80 bp" and "-25BP" as text in a bp argument, as the demo prints them', () => {
    // TP_IMPACT(37.5, 80): closed form 37.5/100·80/10000 = 0.30% (note §3.3); the same with the unit typed
    for (const text of ["80bp", "80 bp", " 80BP ", "+80bp"]) expect(num("TP_IMPACT", 37.5, text), text).toBeCloseTo(0.003, 15);
    // closed form: 100/100 · (−25bp) = −0.25%
    expect(num("TP_IMPACT", 100, "-25bp")).toBeCloseTo(-0.0025, 15);
    // the unit does not lift the bp rules: a fraction of a bp is still refused
    expect(errOf(call("TP_IMPACT", 37.5, "0.5bp")).message).toBe('bp_per_100bn = 0.5 is a fraction of a basis point: this argument is in basis points (50 = 0.50%)');
  });

  it('reads "100bp" in a CHAIN input block as the hike of 100', () => {
    // note §3.2: a 100bp hike moves the JPY short rate 0.50% → 1.50%, the same as typing 100
    const typed = call("CHAIN", [["hike_bp", "100bp"]]) as unknown[][];
    expect(typed.find((r) => r[0] === "jp_short")).toEqual(["jp_short", 0.005, expect.closeTo(0.015, 15), expect.closeTo(0.01, 15)]);
    expect(typed).toEqual(call("CHAIN", [["hike_bp", 100]]));
  });

  it('refuses "50bp" in a rate argument, saying it is a rate and how to write it', () => {
    // 50bp = 0.50% = 0.005 (README, Units and conventions: rates are decimals, 50 bp = 0.50%)
    expect(errOf(call("HEDGE_COST", 0.045, "50bp")).message).toBe('jp_short = "50bp" is in basis points, but jp_short is a rate: enter 0.5% or 0.005');
    expect(errOf(call("HEDGE_COST", "-25 bp", 0.005)).message).toBe('us_short = "-25 bp" is in basis points, but us_short is a rate: enter -0.25% or -0.0025');
  });

  it('refuses "bp" on other units and on text that is not a number', () => {
    expect(errOf(call("TP_IMPACT", "37.5bp", 80)).message).toBe('shortfall_bn = "37.5bp" is in basis points, but shortfall_bn is not: enter a plain number');
    for (const text of ["bp", "abcbp", "50%bp", "5 0bp"]) expect(errOf(call("TP_IMPACT", 37.5, text)).message, text).toContain(`bp_per_100bn = ${JSON.stringify(text)} is neither a number nor a preset`);
    expect(errOf(call("HEDGE_COST", 0.045, "abcbp")).message).toBe('jp_short = "abcbp" is not a number');
  });

  it("spoils only the bad cell of a range", () => {
    const r = call("TP_IMPACT", 37.5, [[80], [0.8], [20]]) as unknown[][];
    expect(r[0][0]).toBeCloseTo(0.003, 15);
    expect(r[1][0]).toBeInstanceOf(SheetError);
    expect(r[2][0]).toBeCloseTo(0.00075, 15);
  });
});

describe("values that are not numbers", () => {
  it("refuses TRUE/FALSE with #VALUE! naming the argument", () => {
    for (const b of [true, false]) {
      const e = errOf(call("HEDGE_COST", b, 0.005));
      expect(e.kind).toBe("value");
      expect(e.message).toContain("us_short");
      expect(e.message).toContain(b ? "TRUE" : "FALSE");
    }
  });

  it("refuses a date with #VALUE! naming the argument", () => {
    const e = errOf(call("HEDGE_COST", 0.045, new Date(Date.UTC(2026, 4, 15))));
    expect(e.kind).toBe("value");
    expect(e.message).toBe("jp_short = the date 2026-05-15 is a date, not a number");
  });

  it("refuses an invalid date in its own cell, naming the argument", () => {
    const r = call("HEDGE_COST", [[0.045], [new Date(NaN)]], 0.005) as unknown[][];
    expect(r[0][0]).toBeCloseTo(0.04, 15);
    const e = errOf(r[1][0]);
    expect(e.kind).toBe("value");
    expect(e.message).toContain("us_short");
  });

  it("turns an error value into #VALUE! naming the argument (README)", () => {
    // README: "other text, TRUE/FALSE, dates and error values give #VALUE! naming the argument"
    const e = errOf(call("HEDGE_COST", 0.045, new SheetError("na", "no data")));
    expect(e.kind).toBe("value");
    expect(e.message).toContain("jp_short");
    expect(e.message).toContain("#N/A");
  });

  it("refuses NaN and ±Infinity passed as numbers", () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      const e = errOf(call("TP_IMPACT", x));
      expect(e.kind).toBe("value");
      expect(e.message).toContain("shortfall_bn");
    }
  });

  it("refuses objects and nested arrays inside a cell", () => {
    const r = call("HEDGE_COST", [[{}], [[1, 2]]], 0.005) as unknown[][];
    expect(errOf(r[0][0]).message).toContain("us_short");
    expect(errOf(r[1][0]).message).toContain("us_short");
  });
});

describe("blanks and omitted arguments", () => {
  it('gives "" for a blank required argument, however the host sends it', () => {
    // SPEC conventions: a blank input cell gives a blank result cell; Sheets sends "" (Google's
    // custom-function guide), Excel on the web null, Excel desktop 0 (a number, so a result).
    for (const blank of ["", null]) expect(call("HEDGE_COST", blank, 0.005)).toBe("");
  });

  it("refuses an omitted required argument, naming it (SPEC: =HEDGE_COST(4.5%) is #VALUE!, never a silent blank)", () => {
    // Sheets passes an argument the formula leaves out as undefined; so does a trailing one here.
    const e = errOf(call("HEDGE_COST", 0.045));
    expect([e.kind, e.message]).toEqual(["value", "jp_short is required"]);
    expect(errOf(call("HEDGE_COST", undefined, 0.005)).message).toBe("us_short is required");
  });

  it("takes the default for an optional argument omitted as null (Excel)", () => {
    // Excel passes an omitted optional argument as null (Microsoft's custom-functions docs); HEDGED_UST defaults basis 0, hedge 1, fx 0 → 0.30% (note §3.1)
    expect(num("HEDGED_UST", 0.043, 0.045, 0.005, null, null, null)).toBeCloseTo(0.003, 15);
  });

  it("takes the default for an optional argument left blank between given ones", () => {
    // closed form: basis blank → 0; 4.30% − 0.5·4.00% + 0.5·(−2%) = 1.30%
    expect(num("HEDGED_UST", 0.043, 0.045, 0.005, "", 0.5, "-2%")).toBeCloseTo(0.013, 15);
  });

  it("takes the default for trailing undefined arguments", () => {
    expect(num("HEDGED_UST", 0.043, 0.045, 0.005, undefined, undefined)).toBeCloseTo(0.003, 15);
  });
});

describe("argument count and bounds", () => {
  it("refuses too many arguments, naming the function", () => {
    const e = errOf(call("HEDGE_COST", 0.045, 0.005, 0, 1));
    expect(e.kind).toBe("value");
    expect(e.message).toBe("HEDGE_COST takes at most 3 arguments, got 4");
  });

  it("refuses a hedge_ratio outside 0..1", () => {
    // README, "Units and conventions": hedge_ratio is a fraction 0..1; outside → #VALUE!
    for (const h of [-0.1, 1.01, 70]) {
      const e = errOf(call("HEDGED_UST", 0.043, 0.045, 0.005, 0, h));
      expect(e.kind).toBe("value");
      expect(e.message).toContain("hedge_ratio");
    }
    expect(typeof call("HEDGED_UST", 0.043, 0.045, 0.005, 0, 0)).toBe("number");
    expect(typeof call("HEDGED_UST", 0.043, 0.045, 0.005, 0, 1)).toBe("number");
  });

  it("refuses non-positive days and spot", () => {
    expect(errOf(call("HEDGE_COST_CIP", 0.045, 0.005, 0)).message).toContain("days");
    expect(errOf(call("FX_FORWARD", -150, 0.045, 0.005, 91)).message).toContain("spot");
  });

  it("refuses a fractional coupon frequency", () => {
    expect(errOf(call("BOND_PRICE", 0.04, 0.04, 10, 2.5)).message).toContain("freq");
  });

  it("refuses a value outside a declared list, listing the allowed ones", () => {
    // the function table: BOND_PRICE's freq is 1, 2 or 4 (the frequencies of Excel's PRICE)
    expect(errOf(call("BOND_PRICE", 0.04, 0.04, 10, 3)).message).toBe("freq = 3 must be 1, 2 or 4");
    const inRange = call("BOND_DURATION", 0.04, 0.04, 10, [[1, 3, 4]]) as unknown[][];
    expect((inRange[0][1] as SheetError).message).toBe("freq (row 1, column 2) = 3 must be 1, 2 or 4");
    expect(typeof inRange[0][0]).toBe("number"); // the other cells of the range stand
    expect(typeof inRange[0][2]).toBe("number");
  });

  it("gives the table's reason with a bound that has one", () => {
    // the function table: FX_BREAKEVEN's hedge_ratio is below 1, "fully hedged: no FX breakeven"
    expect(errOf(call("FX_BREAKEVEN", 0.043, 0.015, 1)).message).toBe("hedge_ratio = 1 must be below 1 (fully hedged: no FX breakeven)");
    expect(typeof call("FX_BREAKEVEN", 0.043, 0.015, 0.999)).toBe("number");
  });

  it("refuses a maturity beyond a century bond", () => {
    // the function table: years at most 100 (MAX_YEARS in src/catalog/params.ts)
    expect(errOf(call("BOND_CONVEXITY", 0.04, 0.04, 100.5)).message).toBe("years = 100.5 must be at most 100");
    expect(num("BOND_PRICE", 0.04, 0.04, 100, 1)).toBeCloseTo(100, 10); // closed form: coupon = yield prices at par
  });
});

describe("results", () => {
  it("are never NaN or Infinity: an overflow is #NUM!", () => {
    // 1e308 holdings · 1e308 duration overflows
    const e = errOf(call("HOLDINGS_LOSS", 1e308, 0.01, 1e308));
    expect(e.kind).toBe("num");
    expect(e.message).toContain("HOLDINGS_LOSS");
  });

  it("gives BOND_PRICE #NUM! rather than Infinity at a long maturity with a deeply negative yield", () => {
    // closed form: 100/(1 − 0.9999)^100 = 100·10^400 is beyond the largest double (a century bond, annual coupons)
    const e = errOf(call("BOND_PRICE", "-99.99%", "1%", 100, 1));
    expect(e.kind).toBe("num");
  });
});
