/**
 * One meeting and one quote: POLICY_PATH against HIKE_PROBABILITY (src/core/scenarios/
 * hikeProbability.ts) with share_after_meeting = d₁/t. The two differ only by compounding.
 *
 * The bound. Daily rates x = r₀/yd, y = r₁/yd, the quote's growth q = R·t/yd, t = d₀ + d₁ days
 * (d₀ before the decision takes effect, d₁ after). With L = log1p:
 *   POLICY_PATH:       d₀·L(x) + d₁·L(y) = L(q)          (daily compounding, SPEC)
 *   HIKE_PROBABILITY:  d₀·x + d₁·y_H = q                  (R as the simple average of the daily rates)
 * and p − p_H = yd·(y − y_H)/s, s = step_bp/10⁴. With g(z) = z − L(z), subtracting gives exactly
 *   y − y_H = g(y) + (d₀·g(x) − g(q))/d₁.
 * g ≥ 0, and g(z) = ∫₀ᶻ w/(1+w) dw ≤ h(z) := z²/(2·min(1, 1+z)) for z > −1 (for z < 0 bound
 * 1/(1+w) by 1/(1+z)). The positive terms and the negative one therefore give
 *   |p − p_H| ≤ (yd/|s|)·max( h(q)/d₁ , h(y) + d₀·h(x)/d₁ ).
 * In words: the gap is the convexity of compounding, about q²/(2·d₁) in daily-rate units: for the
 * BOJ example (q ≈ 3.5e-4, d₁ = 26) under 3.4e-4 of a hike; a 6-month quote at 5% with the meeting
 * half-way is ~0.55 of a hike, which is why POLICY_PATH compounds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { policyPath } from "../../../src/core/policy/policyPath";
import { hikeProbability } from "../../../src/core/scenarios/hikeProbability";
import { isoPlus } from "./compounding";

const h = (z: number) => (z * z) / (2 * Math.min(1, 1 + z));
const g = (z: number) => z - Math.log1p(z);

interface OneMeeting {
  r0: number;
  R: number;
  d0: number; // days from v to the effective day e₁ (meeting + lag)
  d1: number; // days from e₁ to the quote's end
  yearDays: number;
  stepBp: number;
}

function compare({ r0, R, d0, d1, yearDays, stepBp }: OneMeeting) {
  const v = "2025-01-20";
  const lag = 0; // the decision applies on the meeting day: d₀ ≥ 1 is any meeting after v
  const t = policyPath({
    valuationDate: v,
    overnightRate: r0,
    quoteEnds: [isoPlus(v, d0 + d1)],
    quoteRates: [R],
    meetings: [isoPlus(v, d0 - lag)],
    stepBp,
    yearDays,
    lagDays: lag,
  });
  const p = t[1][5] as number;
  const r1 = t[1][2] as number;
  const pH = hikeProbability(R, r0, stepBp, d1 / (d0 + d1));
  const x = r0 / yearDays;
  const y = r1 / yearDays;
  const q = (R * (d0 + d1)) / yearDays;
  const s = Math.abs(stepBp) / 1e4;
  const bound = (yearDays / s) * Math.max(h(q) / d1, h(y) + (d0 * h(x)) / d1);
  const exact = ((yearDays / (stepBp / 1e4)) * (g(y) + (d0 * g(x) - g(q)) / d1));
  return { p, pH, bound, exact };
}

describe("POLICY_PATH vs HIKE_PROBABILITY: one meeting, one quote", () => {
  it("SPEC's BOJ example with its 20 Feb quote alone: within the bound, and the bound is below 3.4e-4", () => {
    // v 20 Jan, e₁ 25 Jan (d₀ = 5), quote 0.40875% to 20 Feb (d₁ = 26): share_after_meeting 26/31.
    const c = compare({ r0: 0.00227, R: 0.0040875, d0: 5, d1: 26, yearDays: 365, stepBp: 25 });
    expect(Math.abs(c.p - c.pH)).toBeLessThanOrEqual(c.bound);
    expect(c.bound).toBeLessThan(3.4e-4);
    expect(c.pH).toBeCloseTo(0.8668, 4); // (0.40875% − 0.227%)·31/26 / 0.25%, by hand
  });

  it("a 6-month SOFR quote at 5% with the meeting half-way: the gap is real (~0.55 of a hike) and within the bound", () => {
    // d₀ = d₁ = 91 at 360: q = 0.0525·182/360 ≈ 0.02654, h(q)/d₁·360/0.0025 ≈ 0.557 (by hand);
    // HIKE_PROBABILITY reads 2 hikes, the compounded path 1.455.
    const c = compare({ r0: 0.05, R: 0.0525, d0: 91, d1: 91, yearDays: 360, stepBp: 25 });
    expect(Math.abs(c.p - c.pH)).toBeLessThanOrEqual(c.bound);
    expect(Math.abs(c.p - c.pH)).toBeGreaterThan(0.5);
    expect(c.bound).toBeLessThan(0.56);
  });

  it("the difference is exactly the compounding terms yd·(g(y) + (d₀·g(x) − g(q))/d₁)/s (the identity behind the bound)", () => {
    for (const c of [
      { r0: 0.00227, R: 0.0040875, d0: 5, d1: 26, yearDays: 365, stepBp: 25 },
      { r0: 0.0533, R: 0.0505, d0: 15, d1: 40, yearDays: 360, stepBp: -25 },
      { r0: -0.001, R: 0.0001, d0: 23, d1: 60, yearDays: 365, stepBp: 10 },
    ]) {
      const { p, pH, exact } = compare(c);
      expect(Math.abs(p - pH - exact)).toBeLessThan(1e-9);
    }
  });

  it("stays within the bound over random rates, days and step sizes (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.01, max: 0.1, noNaN: true }),
        fc.double({ min: -0.01, max: 0.12, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(360, 365),
        fc.constantFrom(10, 25, 50, -25, 100),
        (r0, R, d0, d1, yearDays, stepBp) => {
          const { p, pH, bound } = compare({ r0, R, d0, d1, yearDays, stepBp });
          // + rounding of the two results (round15 and the subtraction), ~1e-15·|p|
          expect(Math.abs(p - pH)).toBeLessThanOrEqual(bound + 1e-12 * (1 + Math.abs(p)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
