import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import { acmTermPremium } from "../../../src/core/termstructure/acm";
import { invoke } from "../../../src/args/invoke";
import { findFunction } from "../../../src/catalog";
import { simulatePanel, testModel } from "./affineModel";

const SPARSE = [1, 3, 6, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120];
const sim = simulatePanel(testModel(1), 60, 42);
/** A 60-month panel at the maturities `mats` (months), from the simulated 1..120-month panel. */
const panel = (mats: number[], rows = sim.yields) => rows.map((y) => mats.map((m) => y[m - 1]));

/** The #VALUE! message of a call that must fail. */
function valueError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SheetError);
    expect((e as SheetError).code).toBe("#VALUE!");
    return (e as SheetError).message;
  }
  throw new Error("expected a #VALUE!");
}

describe("ACM_TERM_PREMIUM rejects panels it cannot estimate, saying why", () => {
  it("ragged rows", () => {
    const y = panel(SPARSE);
    y[6] = y[6].slice(0, 9);
    expect(valueError(() => acmTermPremium(y, SPARSE, 120, 3))).toMatch(/yields row 7 has 9 values but maturities_months has 13/);
  });

  it("non-numeric cells", () => {
    const y = panel(SPARSE);
    y[2][4] = Number.NaN;
    expect(valueError(() => acmTermPremium(y, SPARSE, 120, 3))).toMatch(/yields row 3, column 5 = NaN is not a number/);
    const z = panel(SPARSE) as unknown[][];
    z[0][1] = "4.1%";
    expect(valueError(() => acmTermPremium(z as number[][], SPARSE, 120, 3))).toMatch(/row 1, column 2 = 4.1% is not a number/);
  });

  it("too few months for the number of factors", () => {
    const y = panel(SPARSE);
    expect(valueError(() => acmTermPremium(y.slice(0, 12), SPARSE, 120, 5))).toMatch(/yields has 12 months: 5 factors need at least 13/);
    expect(valueError(() => acmTermPremium(y.slice(0, 8), SPARSE, 120, 3))).toMatch(/yields has 8 months: 3 factors need at least 9/);
    expect(() => acmTermPremium(y.slice(0, 9), SPARSE, 120, 3)).not.toThrow();
  });

  it("maturities not increasing, or without the 1-month short rate", () => {
    const mats = [1, 3, 6, 12, 36, 24, 48, 60, 72, 84, 96, 108, 120];
    expect(valueError(() => acmTermPremium(panel(SPARSE), mats, 120, 3))).toMatch(/must increase from left to right: item 6 \(24 months\) comes after item 5 \(36 months\)/);
    const noShort = SPARSE.slice(1);
    expect(valueError(() => acmTermPremium(panel(noShort), noShort, 120, 3))).toMatch(/must include 1 month .* shortest given is 3 months/);
    expect(valueError(() => acmTermPremium(panel(SPARSE), [...SPARSE.slice(0, 12), 120.5], 120, 3))).toMatch(/item 13 = 120.5 must be a whole number of months/);
  });

  it("a target beyond the panel", () => {
    const mats = SPARSE.slice(0, 8); // up to 60 months
    expect(valueError(() => acmTermPremium(panel(mats), mats, 120, 3))).toMatch(/target_months = 120 is beyond the panel: its longest maturity is 60 months/);
    expect(() => acmTermPremium(panel(mats), mats, 60, 3)).not.toThrow();
  });

  it("more factors than the panel can carry", () => {
    // 3 columns from 3 months up cannot give 4 principal components.
    expect(valueError(() => acmTermPremium(panel([1, 3, 6, 12]), [1, 3, 6, 12], 12, 4))).toMatch(/only 3 maturities from 3 months up/);
    // A panel reaching 24 months gives 3 excess-return maturities (6, 12, 24).
    expect(valueError(() => acmTermPremium(panel([1, 3, 6, 9, 12, 18, 24]), [1, 3, 6, 9, 12, 18, 24], 24, 4))).toMatch(/gives 3 \(6, 12, 24\)/);
    // A noise-free 3-factor panel moves in 3 directions only: 5 factors are not identified.
    expect(valueError(() => acmTermPremium(panel(SPARSE), SPARSE, 120, 5))).toMatch(/moves in only 3 independent directions .* use factors = 3 or fewer/);
    // Nothing moves at all.
    const flat = sim.yields.map(() => SPARSE.map(() => 0.04));
    expect(valueError(() => acmTermPremium(flat, SPARSE, 120, 1))).toMatch(/do not move/);
  });

  it("columns and maturities that do not match, and a panel too short at the long end", () => {
    expect(valueError(() => acmTermPremium(panel(SPARSE), SPARSE.slice(0, 12), 60, 3))).toMatch(/row 1 has 13 values but maturities_months has 12/);
    expect(valueError(() => acmTermPremium(panel([1, 2, 3, 4]), [1, 2, 3, 4], 4, 1))).toMatch(/at least 6 months/);
    expect(valueError(() => acmTermPremium([], SPARSE, 120, 3))).toMatch(/yields is empty/);
    // A century at most: the pricing recursion runs once per month of the target.
    expect(valueError(() => acmTermPremium(panel(SPARSE), [...SPARSE.slice(0, 12), 1e15], 120, 3))).toMatch(/item 13 = 1000000000000000 is beyond 1200 months/);
  });

  it("accepts a target between the panel's columns and interpolates the maturities it needs", () => {
    // SPARSE lacks 5, 11, 23, … months (n − 1 of the test assets) and 90: all interpolated linearly.
    const t = acmTermPremium(panel(SPARSE), SPARSE, 90, 3);
    expect(t).toHaveLength(61);
    for (const row of t.slice(1)) for (const v of row) expect(Number.isFinite(v as number)).toBe(true);
  });
});

describe("ACM_TERM_PREMIUM through the argument layer", () => {
  const spec = findFunction("ACM_TERM_PREMIUM")!;

  it("spills the header and one row per month", () => {
    const out = invoke(spec, [panel(SPARSE), [SPARSE], 120, 3]) as unknown[][];
    expect(out[0]).toEqual(["fitted_yield", "risk_neutral_yield", "term_premium"]);
    expect(out).toHaveLength(61);
    const direct = acmTermPremium(panel(SPARSE), SPARSE, 120, 3);
    expect(out).toEqual(direct);
    // Omitted optionals take their defaults (120 months, 5 factors): 5 factors on a 3-factor panel fail, naming the cause.
    const dflt = invoke(spec, [panel(SPARSE), [SPARSE]]) as SheetError;
    expect(dflt).toBeInstanceOf(SheetError);
    expect(dflt.message).toMatch(/factors = 5 cannot be estimated/);
  });

  it("names the bad cell of the panel", () => {
    const y = panel(SPARSE) as unknown[][];
    y[1][2] = "abc";
    const e1 = invoke(spec, [y, [SPARSE], 120, 3]) as SheetError;
    expect(e1.code).toBe("#VALUE!");
    expect(e1.message).toMatch(/yields \(row 2, column 3\) = "abc" is not a number/);
    const pct = panel(SPARSE).map((r) => r.map((v) => v * 100));
    const e2 = invoke(spec, [pct, [SPARSE], 120, 3]) as SheetError;
    expect(e2.message).toMatch(/looks like a percent/);
    const blank = panel(SPARSE) as unknown[][];
    blank[4][0] = "";
    expect((invoke(spec, [blank, [SPARSE], 120, 3]) as SheetError).message).toMatch(/row 5, column 1\) is blank/);
    expect((invoke(spec, [panel(SPARSE), [SPARSE], 120.5, 3]) as SheetError).message).toMatch(/target_months = 120.5 must be a whole number/);
  });
});
