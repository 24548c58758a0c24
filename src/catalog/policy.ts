/**
 * The first link from the market (docs/policy-path.md): POLICY_PATH, the meeting-by-meeting path
 * that OIS quotes price. The argument layer reads the dates and the quote vectors; the core solves.
 */
import { MAX_LAG_DAYS, MAX_MEETINGS, MAX_QUOTES, policyPath } from "../core/policy/policyPath";
import type { IsoDate } from "../core/dates";
import { defineFunctions } from "./define";

export const POLICY = defineFunctions([
  {
    name: "POLICY_PATH",
    domain: "policy",
    description:
      "The meeting-by-meeting policy path a set of OIS quotes prices (what Bloomberg's WIRP shows): the overnight rate after each meeting, the move in bp and the implied probability of a step, for the BOJ (TONA OIS, 365) or the Fed (SOFR OIS, 360).",
    source: "note §1 (BOJ hike odds); OIS quotes as simple rates, daily compounding between decisions, docs/policy-path.md",
    params: [
      { name: "valuation_date", kind: "date", help: 'the day the quotes start (a date, "2025-01-20" text or a serial)' },
      { name: "overnight_rate", kind: "rate", help: "the overnight rate in force until the first decision takes effect (TONA, SOFR), decimal: 0.227% or 0.00227" },
      { name: "ois_end_dates", kind: "date", shape: "vector", help: `the end date of each OIS quote: a row or a column of 1 to ${MAX_QUOTES} dates after valuation_date` },
      { name: "ois_rates", kind: "rate", shape: "vector", help: "the OIS rate of each quote, simple over calendar days on a year_days basis, decimal: the same length as ois_end_dates" },
      { name: "meeting_dates", kind: "date", shape: "vector", help: `the policy meetings after valuation_date, strictly increasing: a row or a column of 1 to ${MAX_MEETINGS}` },
      { name: "step_bp", kind: "bp", optional: true, default: 25, help: "the size of one policy move in bp; hike_probability = change_bp / step_bp. Default 25" },
      { name: "year_days", kind: "days", optional: true, default: 365, min: 0, minExclusive: true, help: "the OIS day-count denominator: 365 for TONA (the BOJ), 360 for SOFR (the Fed). Default 365" },
      {
        name: "effective_lag_days",
        kind: "count",
        optional: true,
        default: 1,
        min: 0,
        max: MAX_LAG_DAYS,
        help: `calendar days from a meeting to the day its decision applies, 0 to ${MAX_LAG_DAYS}. Default 1 (the next day)`,
      },
    ],
    result: "table",
    returns:
      'header ["meeting", "effective", "rate_after", "change_bp", "cumulative_bp", "hike_probability", "quotes"], one row per meeting: the meeting and its effective day (dates), the overnight rate after it (decimal), its change and the change since today (bp), change_bp / step_bp (negative = a cut) and the quotes used; a meeting no quote prices keeps the rate, its probability ""',
    example: {
      formula: '=POLICY_PATH("2025-01-20", 0.227%, {"2025-01-27";"2025-02-03";"2025-02-20"}, {0.28784%;0.36325%;0.40875%}, {"2025-01-24";"2025-03-19"})',
      // Rows: meeting, then rate_after, change_bp, hike_probability, quotes (SPEC's worked example).
      result: "2025-01-24 0.4431% 21.61 0.864 3, 2025-03-19 0.4431% 0 21.61 0",
    },
    dateColumns: [0, 1],
    impl: (
      valuationDate: string,
      overnightRate: number,
      quoteEnds: string[],
      quoteRates: (number | "")[],
      meetings: string[],
      stepBp?: number,
      yearDays?: number,
      lagDays?: number,
    ) => policyPath({ valuationDate: valuationDate as IsoDate, overnightRate, quoteEnds: quoteEnds as (IsoDate | "")[], quoteRates, meetings: meetings as (IsoDate | "")[], stepBp, yearDays, lagDays }),
  },
]);
