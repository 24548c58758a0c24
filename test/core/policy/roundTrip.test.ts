/**
 * Round trips: quotes priced from a known path by the independent compounding of ./compounding.ts
 * (days by Date arithmetic, Πₖ (1 + rₖ/yd)^dₖ exact in BigInt) give the path back to 1e-12.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { policyPath } from "../../../src/core/policy/policyPath";
import type { Table } from "../../../src/core/table";
import { type PathCase, effectiveOffsets, isoPlus, meetingDates, quotesFor, ratesOf } from "./compounding";

const TOL_RATE = 1e-12;

function solve(c: PathCase, endOffsets: number[]): Table {
  const q = quotesFor(c, endOffsets);
  return policyPath({
    valuationDate: c.valuation,
    overnightRate: ratesOf(c)[0],
    quoteEnds: q.ends,
    quoteRates: q.rates,
    meetings: meetingDates(c),
    yearDays: c.yearDays,
    lagDays: c.lag,
  });
}

/** Every row against the path: dates, rate to 1e-12, bp and probability to the same, quote counts. */
function expectPath(t: Table, c: PathCase, counts: number[], unpriced: ReadonlySet<number> = new Set()) {
  const r = ratesOf(c);
  const e = effectiveOffsets(c);
  const meetings = meetingDates(c);
  expect(t).toHaveLength(meetings.length + 1);
  for (let k = 1; k <= meetings.length; k++) {
    const row = t[k];
    const at = `meeting ${k} (${meetings[k - 1]})`;
    expect(row[0], at).toBe(meetings[k - 1]);
    expect(row[1], at).toBe(isoPlus(c.valuation, e[k - 1]));
    expect(Math.abs((row[2] as number) - r[k]), at).toBeLessThanOrEqual(TOL_RATE);
    expect(Math.abs((row[4] as number) - (r[k] - r[0]) * 1e4), at).toBeLessThanOrEqual(TOL_RATE * 1e4);
    expect(row[6], at).toBe(counts[k - 1]);
    if (unpriced.has(k)) {
      expect(row[3], at).toBe(0);
      expect(row[5], at).toBe("");
      expect(row[2], at).toBe(t[k - 1][2] === "rate_after" ? r[0] : t[k - 1][2]); // kept exactly
    } else {
      expect(Math.abs((row[3] as number) - (r[k] - r[k - 1]) * 1e4), at).toBeLessThanOrEqual(2 * TOL_RATE * 1e4);
      expect(Math.abs((row[5] as number) - ((r[k] - r[k - 1]) * 1e4) / 25), at).toBeLessThanOrEqual((2 * TOL_RATE * 1e4) / 25);
    }
  }
}

/** Offsets for n quotes spread over segment k's days (eₖ, eₖ₊₁], the last one on its end. */
function spread(e: number[], k: number, n: number, lastLength: number): number[] {
  const start = e[k];
  const length = k + 1 < e.length ? e[k + 1] - start : lastLength;
  return Array.from({ length: n }, (_, j) => start + Math.max(1, Math.round((length * (j + 1)) / n)));
}

describe("POLICY_PATH round trips on named paths", () => {
  /** The BOJ from negative rates: −0.1% → 0.1%, +0.15, +0.25, +0.25, a 0.5% hold (TONA-like). */
  const boj = (yearDays: 360 | 365, lag: number): PathCase => ({
    valuation: "2024-02-26",
    yearDays,
    lag,
    meetingOffsets: [23, 150, 238, 331, 420],
    rateUnits: [-100_000, 100_000, 250_000, 500_000, 750_000, 750_000],
  });
  /** The Fed cutting: 5.33% → 50bp, 25bp, 25bp cuts, a hold, a 25bp hike (SOFR-like). */
  const fed = (yearDays: 360 | 365, lag: number): PathCase => ({
    valuation: "2024-09-03",
    yearDays,
    lag,
    meetingOffsets: [15, 65, 106, 148, 198, 260],
    rateUnits: [5_330_000, 4_830_000, 4_580_000, 4_330_000, 4_330_000, 4_580_000, 4_580_000],
  });

  for (const [name, make] of [
    ["BOJ path with negative rates", boj],
    ["Fed path with cuts", fed],
  ] as const) {
    for (const yearDays of [360, 365] as const) {
      for (const lag of [0, 1, 2]) {
        it(`${name}, year_days ${yearDays}, lag ${lag}: one quote per segment (at its end) and four per segment`, () => {
          const c = make(yearDays, lag);
          const e = effectiveOffsets(c);
          const one = e.map((_, k) => spread(e, k, 1, 90)[0]);
          expectPath(solve(c, one), c, e.map(() => 1));
          const four = e.flatMap((_, k) => spread(e, k, 4, 90));
          expectPath(solve(c, four), c, e.map(() => 4));
        });
      }
    }
  }
});

describe("POLICY_PATH round trips on random paths (fast-check)", () => {
  /**
   * A random calendar and path; each segment gets one quote in its second half and up to two
   * more anywhere in it. Why the second half: a quote ending d days into a segment of L days
   * prices that segment's rate from d days and carries it over all L, so an earlier error is
   * multiplied by L/d − 1 at each such step (the test below measures it). With one quote at
   * d ≥ L/2 the factor stays near 1 and the path comes back to rounding; quotes one day after
   * each of eight 60-day segments would amplify the quotes' own last-digit rounding 59⁸-fold.
   */
  const randomCase = fc
    .record({
      start: fc.integer({ min: 0, max: 15_000 }), // 2000-01-01 … 2041
      yearDays: fc.constantFrom(360 as const, 365 as const),
      lag: fc.integer({ min: 0, max: 2 }),
      gaps: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
      rates: fc.array(fc.integer({ min: -1_000_000, max: 8_000_000 }), { minLength: 9, maxLength: 9 }), // −1% … 8%
      lastLength: fc.integer({ min: 1, max: 200 }),
      placements: fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 2 })), {
        minLength: 8,
        maxLength: 8,
      }),
      before: fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: -0.02, max: 0.1, noNaN: true })), { maxLength: 3 }),
    })
    .map(({ start, yearDays, lag, gaps, rates, lastLength, placements, before }) => {
      const meetingOffsets: number[] = [];
      let day = 0;
      for (const g of gaps) meetingOffsets.push((day += g));
      const c: PathCase = { valuation: isoPlus("2000-01-01", start), yearDays, lag, meetingOffsets, rateUnits: rates.slice(0, gaps.length + 1) };
      const e = effectiveOffsets(c);
      const ends: number[][] = e.map((from, k) => {
        const length = k + 1 < e.length ? e[k + 1] - from : lastLength;
        const [main, extra] = placements[k];
        const half = Math.ceil(length / 2);
        return [from + half + Math.floor(main * (length - half + 1)), ...extra.map((x) => from + 1 + Math.floor(x * length))];
      });
      // quotes ending on or before e₁ (priced from the path, or at any rate: neither is used)
      const early = before.map(([x, rate]) => ({ end: 1 + Math.floor(x * e[0]), rate }));
      return { c, ends, early };
    });

  it("gives the path back to 1e-12: lags 0–2, both day counts, negative rates, hikes and cuts, 1–3 quotes per segment", () => {
    fc.assert(
      fc.property(randomCase, ({ c, ends }) => {
        expectPath(solve(c, ends.flat()), c, ends.map((x) => x.length));
      }),
      { numRuns: 300 },
    );
  });

  it("quotes ending before the first decision change nothing, whatever their rates", () => {
    fc.assert(
      fc.property(randomCase, ({ c, ends, early }) => {
        const q = quotesFor(c, ends.flat());
        const input = { valuationDate: c.valuation, overnightRate: ratesOf(c)[0], meetings: meetingDates(c), yearDays: c.yearDays, lagDays: c.lag };
        const plain = policyPath({ ...input, quoteEnds: q.ends, quoteRates: q.rates });
        const withEarly = policyPath({
          ...input,
          quoteEnds: [...early.map((x) => isoPlus(c.valuation, x.end)), ...q.ends],
          quoteRates: [...early.map((x) => x.rate), ...q.rates],
        });
        expect(withEarly).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });

  it("an unpriced meeting keeps the rate exactly and the later meetings are still solved", () => {
    fc.assert(
      fc.property(randomCase, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), ({ c, ends }, drop) => {
        // A path flat across each dropped segment (the model's assumption there), no quote in it.
        const rateUnits = [...c.rateUnits];
        const unpriced = new Set<number>();
        for (let k = 1; k < rateUnits.length; k++) {
          if (drop[k - 1]) {
            rateUnits[k] = rateUnits[k - 1];
            unpriced.add(k);
          }
        }
        const flat = { ...c, rateUnits };
        const kept = ends.map((x, k) => (unpriced.has(k + 1) ? [] : x));
        fc.pre(kept.some((x) => x.length > 0)); // no quote at all is a refusal (tested in policyPath.test.ts)
        expectPath(solve(flat, kept.flat()), flat, kept.map((x) => x.length), unpriced);
      }),
      { numRuns: 200 },
    );
  });
});

describe("POLICY_PATH sensitivity: what a quote ending just after a meeting does", () => {
  it("a change ε in ln G of a quote d₁ days into segment 1 moves r₁ by yd·ε/d₁ and r₂ by −yd·L₁·ε/(d₁·d₂)", () => {
    // uₖ = (ln Gⱼ − Aₖ)/dⱼₖ with one quote per segment (SPEC): δu₁ = ε/d₁; A₂ = A₁ + L₁·u₁ moves by
    // L₁·ε/d₁, so δu₂ = −L₁·ε/(d₁·d₂). Here L₁ = 60, d₁ = d₂ = 2: r₂ moves 30× as much as r₁, the other way.
    const c: PathCase = { valuation: "2025-01-06", yearDays: 365, lag: 1, meetingOffsets: [9, 69], rateUnits: [500_000, 750_000, 1_000_000] };
    const ends = [12, 72]; // e₁ = 10, e₂ = 70: d₁ = 2, L₁ = 60, d₂ = 2
    const q = quotesFor(c, ends);
    const input = { valuationDate: c.valuation, overnightRate: 0.005, meetings: meetingDates(c), quoteEnds: q.ends, yearDays: 365, lagDays: 1 };
    const base = policyPath({ ...input, quoteRates: q.rates });
    const bump = 1e-7; // 0.00001%: the last digit of a quote typed to five decimals in percent
    const moved = policyPath({ ...input, quoteRates: [q.rates[0] + bump, q.rates[1]] });
    const eps = Math.log1p(((q.rates[0] + bump) * 12) / 365) - Math.log1p((q.rates[0] * 12) / 365);
    const dr1 = (moved[1][2] as number) - (base[1][2] as number);
    const dr2 = (moved[2][2] as number) - (base[2][2] as number);
    // first order in ε; the second-order terms are ~ε·u ≈ 1e-5 relative
    expect(Math.abs(dr1 / ((365 * eps) / 2) - 1)).toBeLessThan(1e-3);
    expect(Math.abs(dr2 / ((-365 * 60 * eps) / 4) - 1)).toBeLessThan(1e-3);
    expect(dr1 * 1e4).toBeCloseTo(0.006, 4); // 0.006bp on r₁ from 0.001bp on the quote …
    expect(dr2 * 1e4).toBeCloseTo(-0.18, 2); // … and −0.18bp on r₂
  });
});
