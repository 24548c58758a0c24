import { describe, expect, it } from "vitest";
import { equityDuration, peChange, peRatio } from "../../../src/core/equities/gordon";
import { SheetError } from "../../../src/core/errors";
import { call, num } from "../../helpers/sheet";

describe("PE_CHANGE, worked checks (r 8%, +30bp)", () => {
  it("cuts a 5% grower's P/E by 9.09%", () => {
    // closed form: (8% − 5%)/(8.3% − 5%) − 1 = 3/3.3 − 1 = −1/11 = −9.09%
    expect(num("PE_CHANGE", "0.3%", "8%", "5%")).toBeCloseTo(-1 / 11, 14);
  });

  it("cuts a 6.5% grower's P/E by 16.67%", () => {
    // docs/functions.md, PE_CHANGE's example; closed form: 1.5/1.8 − 1 = −1/6 = −16.67%
    expect(num("PE_CHANGE", "0.3%", "8%", "6.5%")).toBeCloseTo(-1 / 6, 14);
  });

  it("cuts a 3% grower's P/E by 5.66%", () => {
    // closed form: 5/5.3 − 1 = −3/53 = −5.66%
    expect(num("PE_CHANGE", "0.3%", "8%", "3%")).toBeCloseTo(-3 / 53, 14);
  });

  it("hits long-duration growth hardest (§4.1)", () => {
    // note §4.1: "Big-tech is most affected … long-duration growth"; |Δ| = Δ/(r + Δ − g) rises with g
    const cuts = [0, 0.02, 0.04, 0.06, 0.07].map((g) => peChange(0.003, 0.08, g));
    for (let k = 1; k < cuts.length; k++) expect(cuts[k]).toBeLessThan(cuts[k - 1]);
  });

  it("scales the move by the pass-through", () => {
    // closed form with passthrough 0.5: (8% − 5%)/(8% + 0.15% − 5%) − 1 = 3/3.15 − 1 = −4.76%
    expect(peChange(0.003, 0.08, 0.05, 0.5)).toBeCloseTo(3 / 3.15 - 1, 14);
  });

  it("refuses a discount rate at or below growth, saying so", () => {
    for (const [r, g] of [
      [0.05, 0.05],
      [0.04, 0.05],
    ]) {
      const e = call("PE_CHANGE", 0.003, r, g) as SheetError;
      expect(e).toBeInstanceOf(SheetError);
      expect(e.kind).toBe("value");
      // docs/functions.md, PE_RATIO: "The discount rate must exceed growth"; r ≤ g → #VALUE! saying so
      expect(e.message).toContain("discount rate must exceed growth");
    }
  });

  it("refuses a cut that takes the discount rate below growth", () => {
    const e = call("PE_CHANGE", "-4%", "8%", "5%") as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("growth");
  });
});

describe("PE_RATIO and EQUITY_DURATION", () => {
  it("PE_RATIO is payout/(r − g)", () => {
    // Gordon growth closed form: 0.4/(8.3% − 5%) = 12.12
    expect(peRatio(0.4, 0.083, 0.05)).toBeCloseTo(0.4 / 0.033, 12);
  });

  it("PE_RATIO refuses r ≤ g", () => {
    const e = call("PE_RATIO", 0.4, 0.05, 0.06) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("discount rate must exceed growth");
  });

  it("EQUITY_DURATION is 1/(r − g) and the relative P/E sensitivity", () => {
    // closed form: 1/(8.3% − 6.5%) = 55.56 years; and −d ln(P/E)/dr = 1/(r − g)
    expect(equityDuration(0.083, 0.065)).toBeCloseTo(1 / 0.018, 10);
    const h = 1e-7;
    const fd = -(Math.log(peRatio(1, 0.083 + h, 0.065)) - Math.log(peRatio(1, 0.083 - h, 0.065))) / (2 * h);
    expect(equityDuration(0.083, 0.065)).toBeCloseTo(fd, 5);
  });
});
