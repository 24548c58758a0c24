import { describe, expect, it } from "vitest";
import { bondConvexity, bondDuration, bondPrice } from "../../../src/core/bonds/bullet";
import { priceChange } from "../../../src/core/bonds/priceChange";
import { SheetError } from "../../../src/core/errors";
import { call, num } from "../../helpers/sheet";

/** Independent price: the sum of the discounted cash flows, written out in the test. */
function cashFlowPrice(y: number, coupon: number, years: number, freq: number): number {
  const n = Math.round(years * freq);
  let p = 0;
  for (let k = 1; k <= n; k++) p += ((100 * coupon) / freq + (k === n ? 100 : 0)) / Math.pow(1 + y / freq, k);
  return p;
}

/** Independent inverse: bisection of the cash-flow price (decreasing in the yield) for the yield. */
function solveYield(price: number, coupon: number, years: number, freq: number): number {
  let lo = -0.5;
  let hi = 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (cashFlowPrice(mid, coupon, years, freq) > price) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const YIELDS = [-0.005, -0.001, -1e-11, 0, 1e-13, 1e-9, 0.0005, 0.02, 0.043, 0.08, 0.15];
const COUPONS = [0, 0.001, 0.02, 0.043, 0.08];
const TERMS: [number, number][] = [
  [1, 1],
  [5, 1],
  [30, 1],
  [0.5, 2],
  [2, 2],
  [10, 2],
  [30, 2],
  [0.25, 4],
  [7.75, 4],
  [40, 4],
];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe("BOND_PRICE", () => {
  it("equals the sum of discounted cash flows over a grid", () => {
    // independent closed form: Σ (100c/f)/(1+y/f)^k + 100/(1+y/f)^n
    for (const y of YIELDS) for (const c of COUPONS) for (const [t, f] of TERMS) {
      expect(rel(bondPrice(y, c, t, f), cashFlowPrice(y, c, t, f)), `${y} ${c} ${t} ${f}`).toBeLessThan(1e-12);
    }
  });

  it("round-trips price → yield → price through an independent yield solver", () => {
    // QuantLib bonds.cpp style round trip: the test's own bisection inverts the price
    for (const y of YIELDS) for (const c of COUPONS) for (const [t, f] of TERMS) {
      const p = bondPrice(y, c, t, f);
      const y2 = solveYield(p, c, t, f);
      expect(Math.abs(y2 - y), `${y} ${c} ${t} ${f}`).toBeLessThan(1e-10);
      expect(rel(bondPrice(y2, c, t, f), p), `${y} ${c} ${t} ${f}`).toBeLessThan(1e-10);
    }
  });

  it("prices a zero coupon bond at 100/(1 + y/f)^n", () => {
    // closed form: 100/(1 + 0.03/2)^20 = 74.2470
    expect(bondPrice(0.03, 0, 10, 2)).toBeCloseTo(100 / Math.pow(1.015, 20), 10);
    for (const y of YIELDS) for (const [t, f] of TERMS) {
      expect(rel(bondPrice(y, 0, t, f), 100 / Math.pow(1 + y / f, t * f)), `${y} ${t} ${f}`).toBeLessThan(1e-12);
    }
  });

  it("prices a par bond (coupon = yield) at 100", () => {
    // closed form: c·a_n + 100·v^n = 100 when c/f = y/f
    for (const y of YIELDS.filter((x) => x >= 0)) for (const [t, f] of TERMS) {
      expect(bondPrice(y, y, t, f), `${y} ${t} ${f}`).toBeCloseTo(100, 10);
    }
  });

  it("prices above par when the coupon exceeds the yield and below when it falls short", () => {
    // closed form: P − 100 = (c − y)/f · 100·a_n, with the sign of c − y
    expect(bondPrice(0.03, 0.05, 10, 2)).toBeGreaterThan(100);
    expect(bondPrice(0.05, 0.03, 10, 2)).toBeLessThan(100);
  });

  it("works at negative yields (JGBs 2016–2022), where Excel's PRICE refuses", () => {
    // closed form: −0.1% yield, 0.1% coupon, 10y semi-annual: Σ 0.05/0.9995^k + 100/0.9995^20 = 102.0105…
    const p = num("BOND_PRICE", "-0.1%", "0.1%", 10);
    expect(p).toBeCloseTo(102.0105386, 6);
    expect(rel(p, cashFlowPrice(-0.001, 0.001, 10, 2))).toBeLessThan(1e-12);
  });

  it("prices the note's 10y UST at 97.58 (4% coupon, 4.30% yield)", () => {
    // closed form: 2·(1 − 1.0215^−20)/0.0215 + 100·1.0215^−20 = 32.2338 + 65.3486 = 97.5824
    expect(num("BOND_PRICE", "4.3%", "4%", 10)).toBeCloseTo(97.5824, 4);
  });

  it("refuses a maturity that is not a whole number of coupon periods", () => {
    // docs/functions.md, BOND_PRICE's years: years·freq must be a whole number of periods
    for (const [t, f] of [
      [10.3, 2],
      [10.25, 2],
      [0.5, 1],
      [1.1, 4],
    ]) {
      const e = call("BOND_PRICE", 0.04, 0.04, t, f) as SheetError;
      expect(e, `${t} ${f}`).toBeInstanceOf(SheetError);
      expect(e.kind).toBe("value");
      expect(e.message).toContain("years");
    }
    expect(num("BOND_PRICE", 0.04, 0.04, 10.25, 4)).toBeCloseTo(100, 10);
  });

  it("refuses a coupon frequency Excel's PRICE does not know", () => {
    // Excel PRICE: frequency 1, 2 or 4
    const e = call("BOND_PRICE", 0.04, 0.04, 10, 3) as SheetError;
    expect(e.kind).toBe("value");
    expect(e.message).toContain("freq");
  });

  it("gives #NUM!, not Infinity, when the price overflows", () => {
    // closed form: 100/(1 − 0.9999)^100 = 1e402, beyond the largest double
    const e = call("BOND_PRICE", "-99.99%", 0, 100, 1) as SheetError;
    expect(e).toBeInstanceOf(SheetError);
    expect(e.kind).toBe("num");
  });

  it("refuses an absurd maturity instead of walking its coupon dates (how fast: npm run bench)", () => {
    // the function table: years at most 100 (MAX_YEARS, src/catalog/params.ts)
    for (const name of ["BOND_PRICE", "BOND_DURATION", "BOND_CONVEXITY"]) {
      const e = call(name, 0.04, 0.04, 1e15) as SheetError;
      expect(e, name).toBeInstanceOf(SheetError);
      expect(e.message).toBe("years = 1000000000000000 must be at most 100");
    }
  });
});

describe("BOND_DURATION", () => {
  it("matches Microsoft's MDURATION documentation example: 5.73567", () => {
    // Microsoft Support, "MDURATION function": settlement 1-Jan-2008, maturity 1-Jan-2016, coupon 8%,
    // yield 9%, frequency 2 (basis 1) → 5.73567. Settlement is a coupon date, so the basis does not matter.
    expect(num("BOND_DURATION", "9%", "8%", 8, 2)).toBeCloseTo(5.73567, 5);
  });

  it("equals −(1/P)·dP/dy by central differences", () => {
    // independent: modified duration is the relative price sensitivity to the (annual) yield
    const h = 1e-6;
    for (const y of YIELDS) for (const c of COUPONS) for (const [t, f] of TERMS) {
      const p = cashFlowPrice(y, c, t, f);
      const fd = -(cashFlowPrice(y + h, c, t, f) - cashFlowPrice(y - h, c, t, f)) / (2 * h * p);
      expect(rel(bondDuration(y, c, t, f), fd), `${y} ${c} ${t} ${f}`).toBeLessThan(1e-7);
    }
  });

  it("of a zero coupon bond is its maturity over 1 + y/f", () => {
    // closed form: Macaulay duration of a zero is its maturity; modified = t/(1 + y/f) → 10/1.015
    expect(bondDuration(0.03, 0, 10, 2)).toBeCloseTo(10 / 1.015, 12);
  });
});

describe("BOND_CONVEXITY", () => {
  it("equals (1/P)·d²P/dy² by central differences of BOND_PRICE", () => {
    // independent: second difference (P(y+h) + P(y−h) − 2P)/(h²·P)
    const h = 1e-4;
    for (const y of YIELDS) for (const c of COUPONS) for (const [t, f] of TERMS) {
      const p = bondPrice(y, c, t, f);
      const fd = (bondPrice(y + h, c, t, f) + bondPrice(y - h, c, t, f) - 2 * p) / (h * h * p);
      expect(rel(bondConvexity(y, c, t, f), fd), `${y} ${c} ${t} ${f}`).toBeLessThan(1e-5);
    }
  });

  it("of a zero coupon bond is n(n+1)/(f²(1 + y/f)²)", () => {
    // closed form: 20·21/(4·1.015²) = 101.9195
    expect(bondConvexity(0.03, 0, 10, 2)).toBeCloseTo((20 * 21) / (4 * 1.015 * 1.015), 10);
  });
});

describe("PRICE_CHANGE", () => {
  it("is −D·Δy without convexity", () => {
    // closed form: −8·0.30% = −2.40% (docs/functions.md, PRICE_CHANGE: −D·Δy + ½·C·Δy²; the note's +30bp on a 10y UST)
    expect(num("PRICE_CHANGE", "0.3%", 8)).toBeCloseTo(-0.024, 15);
  });

  it("adds ½·C·Δy²", () => {
    // closed form: −8·0.003 + ½·80·0.003² = −0.024 + 0.00036 = −0.02364
    expect(priceChange(0.003, 8, 80)).toBeCloseTo(-0.02364, 15);
  });

  it("approximates the repriced bond to third order with BOND_DURATION and BOND_CONVEXITY", () => {
    // independent: Taylor expansion of the price; the remainder is O(Δy³) ≈ 1e-9 for 1bp
    for (const [y, c, t] of [
      [0.043, 0.04, 10],
      [0.02, 0.05, 30],
      [-0.001, 0.001, 20],
    ]) {
      const dy = 0.0001;
      const actual = bondPrice(y + dy, c, t) / bondPrice(y, c, t) - 1;
      expect(Math.abs(priceChange(dy, bondDuration(y, c, t), bondConvexity(y, c, t)) - actual)).toBeLessThan(1e-8);
    }
  });
});
