import fc from "fast-check";
import { invoke } from "../../../src/args/invoke";
import { findFunction } from "../../../src/catalog";
import { describe, expect, it } from "vitest";
import { SheetError } from "../../../src/core/errors";
import type { Table } from "../../../src/core/table";
import { parToZero } from "../../../src/core/termstructure/parToZero";
import { zeroToPar } from "../../../src/core/termstructure/zeroToPar";
import { gswRows } from "./fixtures";

const column = (t: Table) => t.map((r) => r[0]);
const numbers = (t: Table) => column(t) as number[];

/** Maturity grids a strategist uses (all whole numbers of coupon periods for the freq given). */
const GRIDS: { freq: number; maturities: number[] }[] = [
  { freq: 2, maturities: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, // the MoF JGB curve's 1Y..10Y
  { freq: 2, maturities: [0.5, 1, 2, 3, 5, 7, 10, 20, 30] }, // the Treasury's on-the-run points
  { freq: 2, maturities: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40] }, // the MoF's whole curve
  { freq: 1, maturities: [1, 2, 5, 10, 30] },
  { freq: 4, maturities: [0.25, 0.5, 1, 2, 5, 10] },
  { freq: 2, maturities: Array.from({ length: 60 }, (_, k) => (k + 1) / 2) }, // every coupon date to 30 years
];

describe("PAR_TO_ZERO", () => {
  const curve = (n: number) => fc.array(fc.double({ min: -0.01, max: 0.15, noNaN: true }), { minLength: n, maxLength: n });
  /**
   * Par curves as markets print them: a level up to 8%, then moves of at most 0.25% per year of
   * maturity (a quarter point at most) from one point to the next. A steeper jump can have no zero
   * curve at all: 8.1% to 25 years then 10.1% at 30 makes the first 25 years of coupons alone worth
   * more than par (the #NUM! below), and so does 7.68% to 25, 8.18% at 30, 8.68% at 40 (a
   * half-point step over a ten-year gap, found by fast-check seed 1010890756).
   */
  const parCurve = (maturities: number[]) =>
    fc
      .tuple(fc.double({ min: -0.005, max: 0.08, noNaN: true }), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: maturities.length - 1, maxLength: maturities.length - 1 }))
      .map(([level, moves]) => moves.reduce((c, u, k) => [...c, c[k] + u * Math.min(0.0025 * (maturities[k + 1] - maturities[k]), 0.0025)], [level]));

  it("round-trips with ZERO_TO_PAR to 1e-10 over the grids: ZERO_TO_PAR(PAR_TO_ZERO(p)) = p on random par curves (fast-check)", () => {
    for (const { freq, maturities } of GRIDS) {
      fc.assert(
        fc.property(parCurve(maturities), (par) => {
          const back = numbers(zeroToPar(numbers(parToZero(par, maturities, freq)), maturities, freq));
          for (let i = 0; i < par.length; i++) expect(Math.abs(back[i] - par[i])).toBeLessThan(1e-10);
        }),
        { numRuns: 200 },
      );
    }
  });

  it("and PAR_TO_ZERO(ZERO_TO_PAR(z)) = z on random zero curves", () => {
    // Any zero curve in range has a par curve; not every par curve has a zero curve (0% for nine
    // years, then 11.1%: the nine years of coupons alone are worth par, see the #NUM! test below).
    for (const { freq, maturities } of GRIDS) {
      fc.assert(
        fc.property(curve(maturities.length), (zeros) => {
          const again = numbers(parToZero(numbers(zeroToPar(zeros, maturities, freq)), maturities, freq));
          for (let i = 0; i < zeros.length; i++) expect(Math.abs(again[i] - zeros[i])).toBeLessThan(1e-10);
        }),
        { numRuns: 60 },
      );
    }
  });

  it("with every coupon date given, equals the textbook bootstrap (independent closed form)", () => {
    // Each date k adds one unknown: d_k = (1 − (c_k/f)·Σ_{j<k} d_j) / (1 + c_k/f), z_k = −ln(d_k)/t_k.
    const freq = 2;
    const maturities = Array.from({ length: 20 }, (_, k) => (k + 1) / freq);
    const par = maturities.map((t) => 0.01 + 0.03 * (1 - Math.exp(-t / 3)) + 0.002 * Math.sin(t));
    const zeros = numbers(parToZero(par, maturities, freq));
    let annuity = 0;
    maturities.forEach((t, k) => {
      const c = par[k] / freq;
      const d = (1 - c * annuity) / (1 + c);
      annuity += d;
      expect(zeros[k]).toBeCloseTo(-Math.log(d) / t, 14);
    });
  });

  it("turns a flat par curve into the flat zero curve f·ln(1 + p/f) at every maturity (closed form)", () => {
    for (const freq of [1, 2, 4]) {
      const zeros = numbers(parToZero([0.043, 0.043, 0.043, 0.043], [1, 2, 10, 30], freq));
      for (const z of zeros) expect(z).toBeCloseTo(freq * Math.log1p(0.043 / freq), 14);
    }
  });

  it("handles negative JGB-style par yields", () => {
    // MoF 2016-07-29-like shape: negative to 10 years. Round trip and sign checked, no NaN.
    const m = [1, 2, 3, 5, 7, 10, 20];
    const par = [-0.00285, -0.0031, -0.0033, -0.0034, -0.0031, -0.0018, 0.0024];
    const zeros = numbers(parToZero(par, m, 2));
    expect(zeros.slice(0, 6).every((z) => z < 0)).toBe(true);
    numbers(zeroToPar(zeros, m, 2)).forEach((p, i) => expect(p).toBeCloseTo(par[i], 12));
  });

  const gsw = gswRows();
  it("reproduces the Fed's published zeros SVENY from its published par yields SVENPY (feds200628 excerpt) to 0.25 bp", () => {
    // SVENPYnn are coupon-equivalent (semi-annual) par yields at whole years, SVENYnn continuously
    // compounded zeros, both from the same Svensson curve (GSW 2006). Reading the zeros linearly
    // between whole years, as PAR_TO_ZERO does, misses only the curve's bend within each year.
    let worst = 0;
    let at = "";
    let checked = 0;
    for (const row of gsw) {
      const years = Array.from({ length: 30 }, (_, i) => i + 1).filter((n) => row.value(`SVENPY${String(n).padStart(2, "0")}`) !== "NA");
      const par = years.map((n) => Number(row.value(`SVENPY${String(n).padStart(2, "0")}`)) / 100);
      const zeros = numbers(parToZero(par, years, 2));
      years.forEach((n, i) => {
        const bp = Math.abs(zeros[i] * 100 - Number(row.value(`SVENY${String(n).padStart(2, "0")}`))) * 100;
        if (bp > worst) [worst, at] = [bp, `${row.date} SVENY${String(n).padStart(2, "0")}`];
        checked++;
      });
    }
    console.log(`PAR_TO_ZERO(SVENPY) vs the Fed's SVENY: ${checked} zeros, largest difference ${worst.toFixed(3)} bp (${at})`);
    expect(checked).toBeGreaterThan(500);
    expect(worst).toBeLessThan(0.26);
  });

  it("gives #VALUE! only in the row of a maturity off the coupon dates, and solves the rest without it", () => {
    const t = parToZero([0.04, 0.041, 0.042], [0.25, 1, 2], 2);
    expect((t[0][0] as SheetError).message).toMatch(/0.25 with freq = 2 is not a whole number of coupon periods/);
    const withoutIt = numbers(parToZero([0.041, 0.042], [1, 2], 2));
    expect([t[1][0], t[2][0]]).toEqual(withoutIt);
  });

  it("gives #NUM! where no zero reprices a par yield, and in the later rows that depend on it", () => {
    // At 3 years the coupons of the first two years of a 95% par bond are already worth more than
    // par (0.475 × Σ d ≈ 1.12 with zeros near 45%): no discount factor makes the bond worth 100.
    const t = parToZero([0.5, 0.5, 0.95, 0.5], [1, 2, 3, 4], 2);
    expect(typeof t[0][0]).toBe("number");
    expect(typeof t[1][0]).toBe("number");
    for (const r of [t[2], t[3]]) {
      expect((r[0] as SheetError).code).toBe("#NUM!");
      expect((r[0] as SheetError).message).toMatch(/par_yields item 3 = 0.95 at 3 years: no zero yield reprices it/);
    }
  });

  it("rejects a curve it cannot read, naming the argument", () => {
    // What joins the two lists is the core's to check …
    expect(() => parToZero([0.04, 0.05], [1], 2)).toThrow(/par_yields has 2 values but maturities_years has 1/);
    expect(() => parToZero([0.04, 0.05], [2, 1], 2)).toThrow(/must increase/);
    expect(() => parToZero([], [], 2)).toThrow(/par_yields is empty/);
    // … each value's own rules are the function table's, read before the core is called.
    const spec = findFunction("PAR_TO_ZERO")!;
    const message = (raws: unknown[]) => {
      const r = invoke(spec, raws);
      return r instanceof SheetError ? `${r.code} ${r.message}` : "no error";
    };
    expect(message([[[0.04]], [[0]]])).toBe("#VALUE! maturities_years = 0 must be above 0");
    expect(message([[[0.04]], [[101]]])).toBe("#VALUE! maturities_years = 101 must be at most 100");
    expect(message([[[0.04]], [[1]], 3])).toMatch(/^#VALUE! freq = 3 must be 1, 2 or 4/);
    expect(message([[["abc"]], [[1]]])).toBe('#VALUE! par_yields = "abc" is not a number');
  });
});
