/**
 * Covered interest parity: the exact money-market hedge cost behind the note's
 * "hedge cost ≈ US rate − Japan rate" (§2.1; the disclaimer: "in practice currency basis … apply").
 */
import { describe, expect, it } from "vitest";
import { forwardOverSpot, fxForward, hedgeCost, hedgeCostCip, hedgeCostFromForward, impliedBasis } from "../../../src/core/hedging/hedgeCost";
import { fxBreakeven, hedgedUst, jgbAdvantage } from "../../../src/core/hedging/hedgedUst";
import { SheetError } from "../../../src/core/errors";
import { call, num } from "../../helpers/sheet";

const US = [0, 0.001, 0.024, 0.045, 0.055, 0.09];
const JP = [-0.001, 0, 0.00053, 0.005, 0.01, 0.03];
const BASIS = [-0.01, -0.003, 0, 0.002];
const DAYS = [1, 7, 30, 91, 182, 365, 730];

describe("a published market day: 26-Nov-2004, USD/JPY 3 months", () => {
  // Market quotes of 26-Nov-2004: spot 103.00, 3m forward points −61 (outright 102.39), USD 3m
  // 2.40%, JPY 3m 0.053%, 91 days. Their publisher was not recorded: the test checks the CIP
  // arithmetic on them (closed forms below), as IMPLIED_BASIS's example in docs/functions.md does.
  it("gives CIP forward points of about −60.76", () => {
    // closed form: 103 × (1 + 0.00053·91/365)/(1 + 0.024·91/360) = 103 × 1.000132137/1.006066667
    //            = 102.39243 → (102.39243 − 103) × 100 = −60.76 points
    const points = (num("FX_FORWARD", 103, "2.4%", "0.053%", 91) - 103) * 100;
    expect(points).toBeCloseTo(-60.757, 3);
  });

  it("implies a basis of about −1bp from the quoted −61 points", () => {
    // closed form: ((102.39/103)·(1 + 0.024·91/360) − 1)·365/91 − 0.00053
    //            = (0.994077670 × 1.006066667 − 1)·4.010989 − 0.00053 = −0.0000952 ≈ −1bp
    const basis = num("IMPLIED_BASIS", 103, 102.39, "2.4%", "0.053%", 91);
    expect(basis).toBeCloseTo(-0.0000952, 6);
    expect(Math.round(basis * 10000)).toBe(-1);
  });
});

describe("a published market day: 26-Jun-2019, USD/JPY 1 year", () => {
  it("leaves a Japanese investor about −0.43% in a hedged 1-year bill", () => {
    // The Wall Street Journal, "Treasury Investors, Get Ready for the Japanese Cavalry" (26 June 2019):
    // spot 106.96, 1y forward 104.42, 1y bill 1.94%, "a hedged bill with a yen yield of more like minus 0.4%".
    // closed form: cost = (1 − 104.42/106.96)·365/365 = 2.54/106.96 = 2.3747%; 1.94% − 2.3747% = −0.4347%
    const hedged = 0.0194 - num("HEDGE_COST_FWD", 106.96, 104.42, 365, 365);
    expect(hedged).toBeCloseTo(-0.004347, 6);
    expect((hedged * 100).toFixed(2)).toBe("-0.43");
  });
});

describe("CIP identities over a grid", () => {
  it("FX_FORWARD then IMPLIED_BASIS gives back the basis", () => {
    // identity: IMPLIED_BASIS inverts FX_FORWARD for the same rates and days
    for (const us of US) for (const jp of JP) for (const b of BASIS) for (const d of DAYS) {
      const f = fxForward(150, us, jp, d, b);
      expect(impliedBasis(150, f, us, jp, d), `${us} ${jp} ${b} ${d}`).toBeCloseTo(b, 12);
    }
  });

  it("HEDGE_COST_CIP equals HEDGE_COST_FWD of the CIP forward", () => {
    // identity: docs/functions.md defines both from F/S; the CIP cost is the forward-implied cost of the CIP forward
    for (const us of US) for (const jp of JP) for (const b of BASIS) for (const d of DAYS) for (const y of [360, 365]) {
      const f = fxForward(103, us, jp, d, b);
      expect(hedgeCostCip(us, jp, d, b, y), `${us} ${jp} ${b} ${d} ${y}`).toBeCloseTo(hedgeCostFromForward(103, f, d, y), 12);
    }
  });

  it("HEDGE_COST_CIP is the day-count-adjusted differential over the USD growth factor", () => {
    // closed form: with a = us·d/360, b = (jp + basis)·d/365, 1 − F/S = (a − b)/(1 + a), so
    // cost = (us·Y/360 − (jp + basis)·Y/365) / (1 + us·d/360) for every d
    for (const us of US) for (const jp of JP) for (const b of BASIS) for (const d of DAYS) for (const y of [360, 365]) {
      const exact = ((us * y) / 360 - ((jp + b) * y) / 365) / (1 + (us * d) / 360);
      expect(hedgeCostCip(us, jp, d, b, y), `${us} ${jp} ${b} ${d} ${y}`).toBeCloseTo(exact, 12);
    }
  });

  it("HEDGE_COST_CIP tends to the day-count-adjusted differential as days → 0", () => {
    // closed form limit of the above: us·Y/360 − (jp + basis)·Y/365 (the first-order gap L·us·d/360 is below 1e-9 at 1e-4 days)
    for (const us of US) for (const jp of JP) for (const b of BASIS) for (const y of [360, 365]) {
      const limit = (us * y) / 360 - ((jp + b) * y) / 365;
      expect(hedgeCostCip(us, jp, 1e-4, b, y), `${us} ${jp} ${b} ${y}`).toBeCloseTo(limit, 8);
    }
  });

  it("HEDGE_COST_CIP tends to HEDGE_COST when the JPY leg is 0 and costs are quoted ACT/360", () => {
    // closed form limit with jp + basis = 0, Y = 360: us·360/360 = HEDGE_COST(us, 0)
    for (const us of US) expect(hedgeCostCip(us, 0, 1e-4)).toBeCloseTo(hedgeCost(us, 0), 8);
  });

  it("HEDGE_COST_CIP is below the simple differential for a 3-month roll at the note's rates", () => {
    // closed form: F/S = (1 + 0.005·91/365)/(1 + 0.045·91/360) = 1.00124658/1.01137500 = 0.98998549
    //              cost = 0.01001451·360/91 = 3.9618% < 4.00% (the note's simplification, §3.1)
    expect(hedgeCostCip(0.045, 0.005, 91)).toBeCloseTo(0.039618, 6);
  });

  it("HEDGED_UST + JGB_ADVANTAGE = jgb_yield", () => {
    // identity: JGB_ADVANTAGE is defined as jgb_yield − HEDGED_UST (docs/functions.md, JGB_ADVANTAGE)
    for (const us of US) for (const jp of JP) for (const b of BASIS) for (const h of [0, 0.5, 0.7, 1]) for (const fx of [-0.1, 0, 0.05]) {
      for (const jgb of [-0.002, 0.015, 0.02]) {
        const sum = hedgedUst(0.043, us, jp, b, h, fx) + jgbAdvantage(jgb, 0.043, us, jp, b, h, fx);
        expect(sum).toBeCloseTo(jgb, 14);
      }
    }
  });

  it("FX_BREAKEVEN makes the partly hedged UST earn exactly the JGB yield", () => {
    // identity: HEDGED_UST(ust, us, jp, basis, h, FX_BREAKEVEN(ust, jgb, h, HEDGE_COST(us, jp, basis))) = jgb
    for (const us of US) for (const jp of JP) for (const b of BASIS) for (const h of [0, 0.3, 0.5, 0.7, 0.9]) {
      for (const ust of [0.02, 0.043]) for (const jgb of [0.005, 0.015, 0.02]) {
        const be = fxBreakeven(ust, jgb, h, hedgeCost(us, jp, b));
        expect(hedgedUst(ust, us, jp, b, h, be), `${us} ${jp} ${b} ${h}`).toBeCloseTo(jgb, 13);
      }
    }
  });

  it("FX_BREAKEVEN of an unhedged UST is the yield gap", () => {
    // note §3.1 numbers, closed form: (1.50% − 4.30%)/(1 − 0) = −2.80%: a yen 2.8% stronger wipes out the carry
    expect(num("FX_BREAKEVEN", "4.3%", "1.5%")).toBeCloseTo(-0.028, 15);
  });

  it("FX_BREAKEVEN refuses a fully hedged position", () => {
    // docs/functions.md, FX_BREAKEVEN: hedge_ratio must be below 1; = 1 → #VALUE! "fully hedged: no FX breakeven"
    const e = call("FX_BREAKEVEN", 0.043, 0.015, 1, 0.04) as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("value");
    expect(e.message).toContain("fully hedged: no FX breakeven");
  });

  it("FX forward is below spot when US rates are above Japanese rates", () => {
    // CIP: F/S < 1 ⇔ (1 + jp·d/365) < (1 + us·d/360); the dollar trades at a forward discount
    expect(forwardOverSpot(0.045, 0.005, 91)).toBeLessThan(1);
    expect(forwardOverSpot(0.001, 0.005, 91)).toBeGreaterThan(1);
  });

  it("HEDGE_COST_FWD annualises ACT/360 by default", () => {
    // closed form: (1 − 148.5/150)·360/91 = 0.01·3.956044 = 3.956%
    expect(num("HEDGE_COST_FWD", 150, 148.5, 91)).toBeCloseTo(0.03956044, 8);
    // and ACT/365 when asked: 0.01·365/91 = 4.011%
    expect(num("HEDGE_COST_FWD", 150, 148.5, 91, 365)).toBeCloseTo(0.04010989, 8);
  });
});
