import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import { bondPrice } from "../../../src/core/bonds/bullet";
import { svenssonYield } from "../../../src/core/termstructure/svensson";
import { zeroAt, zeroToPar } from "../../../src/core/termstructure/zeroToPar";
import { call } from "../../helpers/sheet";
import { gswRows } from "./fixtures";

const column = (t: (number | string | SheetError)[][]) => t.map((r) => r[0]);

describe("ZERO_TO_PAR", () => {
  it("turns a flat continuously compounded curve into the same rate compounded at the coupon frequency", () => {
    // Closed form: flat zero z (continuous) ⇒ every par yield = f·(e^(z/f) − 1).
    for (const freq of [1, 2, 4]) {
      const par = column(zeroToPar([0.05, 0.05, 0.05], [1, 5, 30], freq)) as number[];
      for (const p of par) expect(p).toBeCloseTo(freq * Math.expm1(0.05 / freq), 14);
    }
  });

  it("prices a par bond off the zero curve at 100, and BOND_PRICE at its own par yield gives 100", () => {
    const mats = [0.5, 1, 2, 3, 5, 7, 10, 20, 30];
    const zeros = [0.0415, 0.0402, 0.0388, 0.0385, 0.0392, 0.0405, 0.0428, 0.0471, 0.0466];
    for (const freq of [1, 2, 4]) {
      const ok = mats.map((m, i) => ({ m, i })).filter(({ m }) => Number.isInteger(m * freq));
      const par = column(zeroToPar(zeros, mats, freq));
      for (const { m, i } of ok) {
        const c = par[i] as number;
        // Discounting each cash flow with the curve (the definition of par): Σ (100c/f)·d(k/f) + 100·d(T) = 100.
        let pv = 0;
        for (let k = 1; k <= m * freq; k++) {
          const t = k / freq;
          pv += ((100 * c) / freq) * Math.exp(-zeroAt(t, zeros, mats) * t);
        }
        pv += 100 * Math.exp(-zeros[i] * m);
        expect(pv).toBeCloseTo(100, 10);
        // BOND_PRICE with coupon = yield = the par yield is 100 (a bond yielding its coupon is at par).
        expect(bondPrice(c, c, m, freq)).toBeCloseTo(100, 10);
      }
    }
  });

  it("agrees with BOND_PRICE on a flat curve for any coupon", () => {
    // Flat continuous z ⇔ flat periodic yield y = f(e^(z/f) − 1): BOND_PRICE(y, c, T) = Σ discounted cash flows.
    const z = 0.043;
    const y = 2 * Math.expm1(z / 2);
    for (const c of [0, 0.02, 0.06]) {
      let pv = 0;
      for (let k = 1; k <= 20; k++) pv += (100 * c) / 2 * Math.exp((-z * k) / 2);
      pv += 100 * Math.exp(-z * 10);
      expect(bondPrice(y, c, 10, 2)).toBeCloseTo(pv, 10);
    }
  });

  const gsw = gswRows();
  it("reproduces the Fed's published par yields SVENPYnn from SVENSSON_YIELD (feds200628 excerpt)", () => {
    // The Fed's par yields are coupon-equivalent (semi-annual) from the continuously compounded Svensson zeros.
    let checked = 0;
    let worst = 0;
    for (const row of gsw) {
      const available = Array.from({ length: 30 }, (_, i) => i + 1).filter((n) => row.value(`SVENPY${String(n).padStart(2, "0")}`) !== "NA");
      const last = Math.max(...available);
      const halfYears = Array.from({ length: 2 * last }, (_, k) => (k + 1) / 2);
      const zeros = halfYears.map((t) => svenssonYield(t, ...row.betas, ...row.taus));
      const par = column(zeroToPar(zeros, halfYears, 2)) as number[];
      for (const n of available) {
        const published = Number(row.value(`SVENPY${String(n).padStart(2, "0")}`));
        const ours = par[2 * n - 1] * 100;
        worst = Math.max(worst, Math.abs(ours - published));
        expect(Math.abs(ours - published), `${row.date} SVENPY${n}`).toBeLessThanOrEqual(0.00005 + 1e-9);
        checked++;
      }
    }
    console.log(`ZERO_TO_PAR vs the Fed's SVENPYnn: ${checked} published par yields checked, largest difference ${worst.toFixed(6)} (percent points; rounding is 0.00005)`);
    expect(checked).toBeGreaterThan(500);
  });

  it("interpolates linearly in maturity between the given zeros and holds the first one flat", () => {
    expect(zeroAt(0.25, [0.04, 0.05], [1, 3])).toBe(0.04);
    expect(zeroAt(2, [0.04, 0.05], [1, 3])).toBeCloseTo(0.045, 15);
    expect(zeroAt(3, [0.04, 0.05], [1, 3])).toBe(0.05);
  });

  it("gives an error cell only in the row of a maturity that is not a whole number of coupon periods", () => {
    const t = zeroToPar([0.04, 0.041, 0.042], [0.25, 1, 2], 2);
    expect(t[0][0]).toBeInstanceOf(SheetError);
    expect((t[0][0] as SheetError).message).toMatch(/0.25 with freq = 2 is not a whole number of coupon periods/);
    expect(typeof t[1][0]).toBe("number");
    expect(typeof t[2][0]).toBe("number");
  });

  it("rejects a curve it cannot read", () => {
    expect(() => zeroToPar([0.04, 0.05], [1], 2)).toThrow(SheetError);
    expect(() => zeroToPar([0.04, 0.05], [2, 1], 2)).toThrow(/must increase/);
    expect(() => zeroToPar([], [], 2)).toThrow(/empty/);
  });

  it("refuses, through the function table, a maturity or frequency outside the declared rules", () => {
    // The table's rules (docs/functions.md, ZERO_TO_PAR): maturities above 0 and at most 100 years, freq 1, 2 or 4.
    const message = (...args: unknown[]) => (call("ZERO_TO_PAR", ...args) as SheetError).message;
    expect(message([[0.04, 0.05]], [[0, 1]], 2)).toMatch(/maturities_years \(item 1\) = 0 must be above 0/);
    expect(message([[0.04]], [[1]], 3)).toBe("freq = 3 must be 1, 2 or 4");
    expect(message([[0.04]], [[1e7]], 2)).toMatch(/maturities_years = 10000000 must be at most 100/);
  });
});
