/**
 * POLICY_PATH's core: the published example, what it ignores, the calendar, and every refusal.
 * The model and its equations: SPEC "Market-implied policy path", docs/policy-path.md.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SheetError, attempt } from "../../../src/core/errors";
import { POLICY_PATH_HEADER, type PolicyPathInput, policyPath } from "../../../src/core/policy/policyPath";
import type { Table } from "../../../src/core/table";

/**
 * The published example (the BOJ, 20 Jan 2025): the POLICY_PATH example of docs/functions.md, from
 * the project's specification, worked in docs/policy-path.md §3: valuation 2025-01-20, TONA
 * 0.227%, meetings 24 Jan and 19 Mar 2025, TONA OIS ending 27 Jan, 3 Feb and 20 Feb; published
 * results 0.4431%, 21.61bp, 0.864 of a 25bp hike, 3 quotes; 19 Mar unpriced.
 */
const BOJ: PolicyPathInput = {
  valuationDate: "2025-01-20",
  overnightRate: 0.00227,
  quoteEnds: ["2025-01-27", "2025-02-03", "2025-02-20"],
  quoteRates: [0.0028784, 0.0036325, 0.0040875],
  meetings: ["2025-01-24", "2025-03-19"],
};

/** The refusal a call ends in (a test failure if it returns a table instead). */
function refusal(input: PolicyPathInput): SheetError {
  const r = attempt(() => policyPath(input));
  if (!(r instanceof SheetError)) throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
  return r;
}

const numberAt = (t: Table, row: number, col: number) => t[row][col] as number;

describe("POLICY_PATH: SPEC's worked example (the BOJ, 20 Jan 2025)", () => {
  const t = policyPath(BOJ);

  it("spills the header and one row per meeting", () => {
    expect(t[0]).toEqual(["meeting", "effective", "rate_after", "change_bp", "cumulative_bp", "hike_probability", "quotes"]);
    expect(t[0]).toEqual([...POLICY_PATH_HEADER]);
    expect(t).toHaveLength(3);
  });

  it("24 Jan: effective 25 Jan, rate after 0.4431%, +21.61bp, 0.864 of a 25bp hike, 3 quotes (the published figures)", () => {
    expect(t[1][0]).toBe("2025-01-24");
    expect(t[1][1]).toBe("2025-01-25"); // effective_lag_days 1
    expect(+(numberAt(t, 1, 2) * 100).toFixed(4)).toBe(0.4431); // SPEC: 0.4431%
    expect(+numberAt(t, 1, 3).toFixed(2)).toBe(21.61); // SPEC: change 21.61bp
    expect(+numberAt(t, 1, 4).toFixed(2)).toBe(21.61); // the first meeting: cumulative = change
    expect(+numberAt(t, 1, 5).toFixed(3)).toBe(0.864); // SPEC: 0.864 of a 25bp hike
    expect(t[1][6]).toBe(3);
  });

  it("19 Mar: no quote ends after it, so the rate is kept, change 0, probability blank, 0 quotes (SPEC)", () => {
    expect(t[2].slice(0, 2)).toEqual(["2025-03-19", "2025-03-20"]);
    expect(t[2][2]).toBe(t[1][2]);
    expect(t[2][3]).toBe(0);
    expect(t[2][4]).toBe(t[1][4]);
    expect(t[2][5]).toBe("");
    expect(t[2][6]).toBe(0);
  });

  it("agrees to 1e-15 with SPEC's least-squares formula written out here with the example's day counts", () => {
    // v = 20 Jan, e₁ = 25 Jan: 5 days at r₀; the quotes end 7, 14, 31 days after v, i.e.
    // d = 2, 9, 26 days after e₁. u₁ = Σ d·(ln Gⱼ − 5·u₀) / Σ d², ln Gⱼ = ln(1 + Rⱼ·tⱼ/365).
    const u0 = Math.log1p(0.00227 / 365);
    const quotes = [
      { t: 7, d: 2, R: 0.0028784 },
      { t: 14, d: 9, R: 0.0036325 },
      { t: 31, d: 26, R: 0.0040875 },
    ];
    let num = 0;
    let den = 0;
    for (const q of quotes) {
      num += q.d * (Math.log1p((q.R * q.t) / 365) - 5 * u0);
      den += q.d * q.d;
    }
    const r1 = 365 * Math.expm1(num / den);
    expect(Math.abs(numberAt(t, 1, 2) - r1)).toBeLessThan(1e-15);
    expect(Math.abs(numberAt(t, 1, 3) - (r1 - 0.00227) * 10000)).toBeLessThan(1e-11);
    expect(Math.abs(numberAt(t, 1, 5) - ((r1 - 0.00227) * 10000) / 25)).toBeLessThan(1e-12);
  });

  it("step_bp scales only the probability: 0.432 of a 50bp hike, -0.864 of a 25bp cut (change_bp / step_bp)", () => {
    const fifty = policyPath({ ...BOJ, stepBp: 50 });
    expect(fifty[1][3]).toBe(t[1][3]);
    expect(Math.abs(numberAt(fifty, 1, 5) - numberAt(t, 1, 3) / 50)).toBeLessThan(1e-14);
    const cut = policyPath({ ...BOJ, stepBp: -25 });
    expect(Math.abs(numberAt(cut, 1, 5) + numberAt(t, 1, 5))).toBeLessThan(1e-14);
  });
});

describe("POLICY_PATH: what does not change the path", () => {
  it("quotes ending on or before the first decision take effect are not used (SPEC), whatever their rates", () => {
    // e₁ = 25 Jan: quotes ending 21, 24 and 25 Jan cover only days at the overnight rate.
    const extra = {
      ...BOJ,
      quoteEnds: ["2025-01-21", ...BOJ.quoteEnds, "2025-01-25", "2025-01-24"],
      quoteRates: [0.09, ...BOJ.quoteRates, -0.004, 0.0023],
    };
    expect(policyPath(extra)).toEqual(policyPath(BOJ));
  });

  it("every quote ending on or before e₁ leaves all meetings unpriced, flat at the overnight rate", () => {
    const t = policyPath({ ...BOJ, quoteEnds: ["2025-01-22", "2025-01-25"], quoteRates: [0.003, 0.004] });
    expect(t.slice(1)).toEqual([
      ["2025-01-24", "2025-01-25", 0.00227, 0, 0, "", 0],
      ["2025-03-19", "2025-03-20", 0.00227, 0, 0, "", 0],
    ]);
  });

  it("shuffled quotes give the same table, to the last bit (fast-check over permutations)", () => {
    const ends = ["2025-01-27", "2025-02-03", "2025-02-20", "2025-03-21", "2025-04-20", "2025-02-20", "2025-01-22"];
    const rates = [0.0028784, 0.0036325, 0.0040875, 0.0043, 0.0046, 0.00409, 0.0025];
    const reference = policyPath({ ...BOJ, quoteEnds: ends, quoteRates: rates });
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }), (order) => {
        const t = policyPath({ ...BOJ, quoteEnds: order.map((i) => ends[i]), quoteRates: order.map((i) => rates[i]) });
        expect(t).toEqual(reference);
      }),
      { numRuns: 100 },
    );
  });

  it("pairs of blank cells and blank meeting cells are skipped (the argument layer passes a blank as \"\")", () => {
    const padded = {
      ...BOJ,
      quoteEnds: ["", ...BOJ.quoteEnds, "", ""],
      quoteRates: ["" as const, ...BOJ.quoteRates, "" as const, "" as const],
      meetings: ["2025-01-24", "", "2025-03-19", ""],
    };
    expect(policyPath(padded)).toEqual(policyPath(BOJ));
  });
});

describe("POLICY_PATH: calendar days (UTC day numbers)", () => {
  const oneQuote = (valuationDate: string, meeting: string, end: string, lagDays: number) =>
    policyPath({ valuationDate, overnightRate: 0.01, quoteEnds: [end], quoteRates: [0.012], meetings: [meeting], yearDays: 365, lagDays });

  it("counts 29 February: a decision on 28 Feb 2024 applies from 29 Feb (lag 1) or 1 Mar (lag 2)", () => {
    expect(oneQuote("2024-02-27", "2024-02-28", "2024-03-10", 1)[1][1]).toBe("2024-02-29");
    expect(oneQuote("2024-02-27", "2024-02-28", "2024-03-10", 2)[1][1]).toBe("2024-03-01");
    expect(oneQuote("2023-02-27", "2023-02-28", "2023-03-10", 1)[1][1]).toBe("2023-03-01");
  });

  it("crosses a year end and a US daylight-saving change without losing a day", () => {
    expect(oneQuote("2024-12-30", "2024-12-31", "2025-01-31", 1)[1][1]).toBe("2025-01-01");
    expect(oneQuote("2025-03-07", "2025-03-08", "2025-04-01", 2)[1][1]).toBe("2025-03-10");
  });

  it("lag 0: the decision applies on the meeting day", () => {
    expect(oneQuote("2025-01-20", "2025-01-24", "2025-02-20", 0)[1][1]).toBe("2025-01-24");
  });

  it("one quote: the exact solution of (1 + r₀/yd)^d₀·(1 + r₁/yd)^d₁ = 1 + R·t/yd with the days across 29 Feb 2024", () => {
    // v = 2024-02-20, meeting 2024-02-27 (lag 1 → e₁ = 2024-02-28): d₀ = 8; the quote ends
    // 2024-03-05: t = 14 days (29 Feb counted), d₁ = 6. r₁ = 365·((G / (1 + r₀/365)^8)^(1/6) − 1).
    const t = policyPath({ valuationDate: "2024-02-20", overnightRate: 0.001, quoteEnds: ["2024-03-05"], quoteRates: [0.0015], meetings: ["2024-02-27"] });
    const G = 1 + (0.0015 * 14) / 365;
    const r1 = 365 * (Math.pow(G / Math.pow(1 + 0.001 / 365, 8), 1 / 6) - 1);
    expect(Math.abs((t[1][2] as number) - r1)).toBeLessThan(1e-13); // the double powers round 1 + r/365 (≈1e-13)
  });
});

describe("POLICY_PATH: refusals (#VALUE! naming the argument and repeating the value)", () => {
  it("meetings not strictly increasing", () => {
    const e = refusal({ ...BOJ, meetings: ["2025-03-19", "2025-03-19"] });
    expect(e.kind).toBe("value");
    expect(e.message).toBe("meeting_dates: 2025-03-19 is not after 2025-03-19 (item 2): the meetings must be strictly increasing");
    expect(refusal({ ...BOJ, meetings: ["2025-03-19", "2025-01-24"] }).message).toBe(
      "meeting_dates: 2025-01-24 is not after 2025-03-19 (item 2): the meetings must be strictly increasing",
    );
  });

  it("a meeting not after the valuation date", () => {
    expect(refusal({ ...BOJ, meetings: ["2025-01-20", "2025-03-19"] }).message).toBe(
      "meeting_dates: 2025-01-20 is not after 2025-01-20 (item 1): every meeting must be after valuation_date",
    );
    expect(refusal({ ...BOJ, meetings: ["2024-12-19"] }).message).toContain("meeting_dates: 2024-12-19 is not after 2025-01-20");
  });

  it("a quote end not after the valuation date", () => {
    const e = refusal({ ...BOJ, quoteEnds: ["2025-01-27", "2025-01-20", "2025-02-20"] });
    expect(e.kind).toBe("value");
    expect(e.message).toBe("ois_end_dates: 2025-01-20 is not after 2025-01-20 (item 2): every quote must end after valuation_date");
  });

  it("ranges of different lengths", () => {
    expect(refusal({ ...BOJ, quoteRates: [0.0028784, 0.0036325] }).message).toBe(
      "ois_end_dates has 3 cells and ois_rates 2: give one rate per end date (the same length, each a row or a column)",
    );
  });

  it("one blank of a pair", () => {
    expect(refusal({ ...BOJ, quoteRates: [0.0028784, "", 0.0040875] }).message).toBe(
      "ois_rates: item 2 is blank but its end date 2025-02-03 is not: give both or neither",
    );
    expect(refusal({ ...BOJ, quoteEnds: ["2025-01-27", "2025-02-03", ""] }).message).toBe(
      "ois_end_dates: item 3 is blank but its rate 0.0040875 is not: give both or neither",
    );
  });

  it("more than 40 meetings or 60 quotes; none at all", () => {
    const meetings = Array.from({ length: 41 }, (_, k) => new Date(Date.UTC(2025, 0, 24 + 7 * k)).toISOString().slice(0, 10));
    expect(refusal({ ...BOJ, meetings }).message).toBe("meeting_dates: 41 meetings, more than the 40 allowed");
    expect(policyPath({ ...BOJ, meetings: meetings.slice(0, 40) })).toHaveLength(41);
    const ends = Array.from({ length: 61 }, (_, k) => new Date(Date.UTC(2025, 0, 27 + k)).toISOString().slice(0, 10));
    const rates = ends.map(() => 0.003);
    expect(refusal({ ...BOJ, quoteEnds: ends, quoteRates: rates }).message).toBe("ois_end_dates: 61 quotes, more than the 60 allowed");
    expect(policyPath({ ...BOJ, quoteEnds: ends.slice(0, 60), quoteRates: rates.slice(0, 60) })[1][6]).toBe(53); // ends 27 Jan … 20 Mar (e₂): 5 + 28 + 20 days
    // 61 cells of which one pair is blank are 60 quotes
    expect(attempt(() => policyPath({ ...BOJ, quoteEnds: [...ends.slice(0, 60), ""], quoteRates: [...rates.slice(0, 60), ""] }))).not.toBeInstanceOf(SheetError);
    expect(refusal({ ...BOJ, meetings: ["", ""] }).message).toBe("meeting_dates: no meeting given: give 1 to 40 meeting dates after valuation_date");
    expect(refusal({ ...BOJ, quoteEnds: [""], quoteRates: [""] }).message).toBe("ois_end_dates: no quote given: give 1 to 60 end dates with their rates in ois_rates");
  });

  it("step_bp 0", () => {
    expect(refusal({ ...BOJ, stepBp: 0 }).message).toBe("step_bp = 0: give the size of one policy move in basis points (25 = 0.25%)");
    expect(refusal({ ...BOJ, stepBp: Number.NaN }).message).toBe("step_bp = NaN is not a number of basis points");
  });

  it("year_days not positive", () => {
    expect(refusal({ ...BOJ, yearDays: 0 }).message).toBe("year_days = 0 must be above 0 (365 for TONA, 360 for SOFR)");
    expect(refusal({ ...BOJ, yearDays: -365 }).message).toBe("year_days = -365 must be above 0 (365 for TONA, 360 for SOFR)");
    expect(refusal({ ...BOJ, yearDays: Number.POSITIVE_INFINITY }).message).toContain("year_days = Infinity");
  });

  it("effective_lag_days not a whole number from 0 to 10 (SPEC)", () => {
    for (const lag of [-1, 11, 1.5, Number.NaN]) {
      expect(refusal({ ...BOJ, lagDays: lag }).message).toBe(`effective_lag_days = ${lag} must be a whole number of days from 0 to 10`);
    }
    expect(policyPath({ ...BOJ, lagDays: 10 })[1][1]).toBe("2025-02-03");
  });

  it("dates that are not dates, rates that are not rates", () => {
    expect(refusal({ ...BOJ, valuationDate: "2025-02-30" }).message).toBe('valuation_date: "2025-02-30" is not a date (YYYY-MM-DD)');
    expect(refusal({ ...BOJ, meetings: ["2025-01-24", "19 Mar"] }).message).toBe('meeting_dates: "19 Mar" is not a date (item 2)');
    expect(refusal({ ...BOJ, quoteEnds: ["2025-01-27", "2025-13-03", "2025-02-20"] }).message).toBe('ois_end_dates: "2025-13-03" is not a date (item 2)');
    expect(refusal({ ...BOJ, quoteRates: [0.0028784, Number.NaN, 0.0040875] }).message).toBe("ois_rates: NaN is not a rate (item 2)");
    expect(refusal({ ...BOJ, overnightRate: Number.POSITIVE_INFINITY }).message).toBe("overnight_rate = Infinity is not a rate");
    expect(refusal({ ...BOJ, overnightRate: -400 }).message).toBe("overnight_rate = -400 is at or below −year_days (-365): 1 + rate/year_days must be above 0");
    // 1 + R·t/yd ≤ 0: no overnight path prices it (−1900% over 20 days at 365)
    expect(refusal({ ...BOJ, quoteEnds: ["2025-02-09"], quoteRates: [-19] }).message).toBe(
      "ois_rates: -19 (item 1) over 20 days gives a growth factor 1 + rate·days/year_days that is not above 0 or not finite",
    );
  });
});

describe("POLICY_PATH: no NaN or Infinity reaches a cell", () => {
  it("random quotes and meetings give finite numbers or a typed error (fast-check)", () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, 20 + n)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 800 }), fc.double({ min: -2, max: 50, noNaN: true })), { minLength: 1, maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: -2, max: 700 }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: -0.5, max: 5, noNaN: true }),
        fc.constantFrom(360, 365),
        (quotes, meetingDays, overnight, yearDays) => {
          meetingDays.sort((a, b) => a - b);
          const r = attempt(() =>
            policyPath({
              valuationDate: day(0),
              overnightRate: overnight,
              quoteEnds: quotes.map(([d]) => day(d)),
              quoteRates: quotes.map(([, q]) => q),
              meetings: meetingDays.map(day),
              yearDays,
            }),
          );
          if (r instanceof SheetError) {
            expect(["value", "num"]).toContain(r.kind);
            return;
          }
          for (const row of r.slice(1)) for (const cell of row) if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a rate too large to represent is #NUM!, not Infinity", () => {
    // year_days 1, a 3-day quote at 3e306 (finite): ln G ≈ 706.8, all of it in the 1-day segment
    // after the decision, so r₁ = expm1(706.8) ≈ 9e306 and its change in bp, ·10⁴, overflows.
    const e = refusal({ valuationDate: "2025-01-20", overnightRate: 0, quoteEnds: ["2025-01-23"], quoteRates: [3e306], meetings: ["2025-01-21"], yearDays: 1 });
    expect(e.kind).toBe("num");
    expect(e.message).toBe("the quotes imply an overnight rate after the 2025-01-21 meeting too large to represent");
  });
});
