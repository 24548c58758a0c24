import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import { svenssonYield } from "../../../src/core/termstructure/svensson";
import { gswRows } from "./fixtures";

describe("SVENSSON_YIELD (Gürkaynak–Sack–Wright 2006, eq. 22)", () => {
  it("matches a hand-computed point", () => {
    // β = (4%, −2%, 1%, 1.5%), τ = (2, 8), n = 5 years, GSW eq. 22 by hand:
    //   n/τ1 = 2.5, e^−2.5 = 0.0820849986, (1 − e^−2.5)/2.5 = 0.3671660006, hump1 = 0.2850810019
    //   n/τ2 = 0.625, e^−0.625 = 0.5352614285, (1 − e^−0.625)/0.625 = 0.7435817144, hump2 = 0.2083202859
    //   y = 0.04 − 0.02·0.3671660006 + 0.01·0.2850810019 + 0.015·0.2083202859 = 0.0386322943
    expect(svenssonYield(5, 0.04, -0.02, 0.01, 0.015, 2, 8)).toBeCloseTo(0.0386322943, 10);
    // n = τ1 = τ2 = 1 with β = (0, 1, 1, 1): 1 − e^−1 = 0.6321205588, humps 0.6321205588 − 0.3678794412.
    const f = 1 - Math.exp(-1);
    expect(svenssonYield(1, 0, 1, 1, 1, 1, 1)).toBeCloseTo(f + 2 * (f - Math.exp(-1)), 14);
  });

  it("has the short limit β0 + β1 and the long limit β0", () => {
    // n → 0: every loading → 1 or 0, y → β0 + β1 (GSW: the instantaneous short rate).
    expect(svenssonYield(0, 0.045, -0.01, 0.02, -0.03, 1.5, 9)).toBe(0.045 - 0.01);
    // First order in n (Taylor expansion of eq. 22): y ≈ β0 + β1 + n·((β2 − β1)/(2τ1) + β3/(2τ2)),
    // which also shows the small-n loadings are evaluated without cancellation.
    const n = 1e-6;
    expect(svenssonYield(n, 0.045, -0.01, 0.02, -0.03, 1.5, 9)).toBeCloseTo(0.035 + n * ((0.02 + 0.01) / 3 + -0.03 / 18), 13); // second order: ~n²·1e-3
    // n → ∞: y → β0, approached as y ≈ β0 + ((β1 + β2)·τ1 + β3·τ2)/n (the e^(−n/τ) terms vanish).
    expect(svenssonYield(1e7, 0.045, -0.01, 0.02, -0.03, 1.5, 9)).toBeCloseTo(0.045 + ((-0.01 + 0.02) * 1.5 + -0.03 * 9) / 1e7, 15);
    expect(svenssonYield(1e12, 0.045, -0.01, 0.02, -0.03, 1.5, 9)).toBeCloseTo(0.045, 12);
  });

  it("is Nelson–Siegel when β3 = 0, and then accepts the Fed's τ2 sentinel −999.99", () => {
    const ns = svenssonYield(3, 0.039, -0.0128, -0.0195, 0, 0.34, -999.99);
    expect(ns).toBe(svenssonYield(3, 0.039, -0.0128, -0.0195, 0, 0.34, 5));
  });

  it("rejects impossible parameters with a #VALUE! that names them", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as SheetError;
      }
      throw new Error("no error");
    };
    expect(err(() => svenssonYield(-1, 0.04, 0, 0, 0, 1, 1)).message).toMatch(/maturity_years = -1/);
    expect(err(() => svenssonYield(1, 0.04, 0, 0, 0, 0, 1)).message).toMatch(/tau1 = 0/);
    expect(err(() => svenssonYield(1, 0.04, 0, 0, 0.01, 1, -999.99)).code).toBe("#VALUE!");
  });

  const gsw = gswRows();
  it("reproduces the Fed's published SVENYnn from the same row's BETA0..TAU2 (feds200628 excerpt)", () => {
    let checked = 0;
    let worst = 0;
    for (const row of gsw) {
      for (let n = 1; n <= 30; n++) {
        const published = row.value(`SVENY${String(n).padStart(2, "0")}`);
        if (published === "NA") continue;
        const ours = svenssonYield(n, ...row.betas, ...row.taus) * 100;
        worst = Math.max(worst, Math.abs(ours - Number(published)));
        // Published to 4 decimals (percent): ours must round to it.
        expect(Math.abs(ours - Number(published)), `${row.date} SVENY${n}`).toBeLessThanOrEqual(0.00005 + 1e-9);
        checked++;
      }
    }
    console.log(`SVENSSON_YIELD vs the Fed's SVENYnn: ${checked} published yields checked, largest difference ${worst.toFixed(6)} (percent points; rounding is 0.00005)`);
    expect(checked).toBeGreaterThan(500);
  });
});
