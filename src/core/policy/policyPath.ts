/**
 * POLICY_PATH: the meeting-by-meeting overnight-rate path that a strip of OIS quotes prices
 * (what Bloomberg's WIRP shows), for the BOJ (TONA OIS, year_days 365) or the Fed (SOFR OIS, 360).
 * The model, the BOJ and Fed examples and what the model leaves out: docs/policy-path.md.
 */
import { type IsoDate, dayNumber, fromDayNumber, parseIso } from "../dates";
import { SheetError, invalid, show } from "../errors";
import { type Table, change, round15 } from "../table";

/** The spilled header, in SPEC's order. */
export const POLICY_PATH_HEADER = ["meeting", "effective", "rate_after", "change_bp", "cumulative_bp", "hike_probability", "quotes"] as const;

export const MAX_MEETINGS = 40;
export const MAX_QUOTES = 60;
export const MAX_LAG_DAYS = 10;

/** Inputs as the argument layer hands them over: dates as ISO text, a blank cell as `""`. */
export interface PolicyPathInput {
  /** v, the day the quotes start (ISO `YYYY-MM-DD`). */
  valuationDate: IsoDate;
  /** r₀, the overnight rate in force until the first decision takes effect (decimal, 0.00227 = 0.227%). */
  overnightRate: number;
  /** Tⱼ, the end date of each quote; `""` with a blank rate skips the pair. */
  quoteEnds: readonly (IsoDate | "")[];
  /** Rⱼ, each quote's simple rate over [v, Tⱼ) on a `yearDays` basis (decimal). */
  quoteRates: readonly (number | "")[];
  /** The policy meetings, strictly increasing, each after v; `""` cells are skipped. */
  meetings: readonly (IsoDate | "")[];
  /** Size of one policy move, basis points (25). Negative: the odds are those of a cut of that size. */
  stepBp?: number;
  /** Day-count denominator: 365 (TONA), 360 (SOFR). */
  yearDays?: number;
  /** Calendar days from a meeting to the day its decision applies (1: the next day). */
  lagDays?: number;
}

/** One meeting of the solved path. `hikeProbability` and `changeBp` are null/0 when no quote prices it. */
export interface PathMeeting {
  meeting: IsoDate;
  /** eₖ = meeting + lagDays. */
  effective: IsoDate;
  /** rₖ, the overnight rate from eₖ (decimal). */
  rateAfter: number;
  /** (rₖ − rₖ₋₁)·10000, r₀ = the overnight rate. */
  changeBp: number;
  /** (rₖ − r₀)·10000. */
  cumulativeBp: number;
  /** changeBp / stepBp, not clamped; null for a meeting no quote prices. */
  hikeProbability: number | null;
  /** How many quotes end in this meeting's segment (eₖ < Tⱼ ≤ eₖ₊₁). */
  quotes: number;
}

interface Quote {
  /** Day number (spreadsheet serial) of Tⱼ. */
  end: number;
  rate: number;
  /** ln Gⱼ = ln(1 + Rⱼ·(Tⱼ − v)/yearDays). */
  logGrowth: number;
}

/** Day number of an ISO day: exact integer days (UTC, no time zone can shift it). */

function readScalars(a: PolicyPathInput): { v: number; stepBp: number; yearDays: number; lagDays: number; r0: number } {
  const valuation = typeof a.valuationDate === "string" ? parseIso(a.valuationDate) : undefined;
  if (valuation === undefined) invalid(`valuation_date: ${show(a.valuationDate)} is not a date (YYYY-MM-DD)`);
  const stepBp = a.stepBp ?? 25;
  if (!Number.isFinite(stepBp)) invalid(`step_bp = ${show(stepBp)} is not a number of basis points`);
  if (stepBp === 0) invalid("step_bp = 0: give the size of one policy move in basis points (25 = 0.25%)");
  const yearDays = a.yearDays ?? 365;
  if (!(Number.isFinite(yearDays) && yearDays > 0)) {
    invalid(`year_days = ${show(yearDays)} must be above 0 (365 for TONA, 360 for SOFR)`);
  }
  const lagDays = a.lagDays ?? 1;
  if (!(Number.isInteger(lagDays) && lagDays >= 0 && lagDays <= MAX_LAG_DAYS)) {
    invalid(`effective_lag_days = ${show(lagDays)} must be a whole number of days from 0 to ${MAX_LAG_DAYS}`);
  }
  const r0 = a.overnightRate;
  if (!Number.isFinite(r0)) invalid(`overnight_rate = ${show(r0)} is not a rate`);
  if (!(r0 / yearDays > -1)) invalid(`overnight_rate = ${show(r0)} is at or below −year_days (${show(-yearDays)}): 1 + rate/year_days must be above 0`);
  return { v: dayNumber(valuation), stepBp, yearDays, lagDays, r0 };
}

function readQuotes(a: PolicyPathInput, v: number, valuation: IsoDate, yearDays: number): Quote[] {
  const ends = a.quoteEnds;
  const rates = a.quoteRates;
  if (ends.length !== rates.length) {
    invalid(`ois_end_dates has ${ends.length} cells and ois_rates ${rates.length}: give one rate per end date (the same length, each a row or a column)`);
  }
  const quotes: Quote[] = [];
  for (let i = 0; i < ends.length; i++) {
    const item = i + 1;
    const endRaw = ends[i];
    const rate = rates[i];
    if (endRaw === "" && rate === "") continue;
    if (endRaw === "") invalid(`ois_end_dates: item ${item} is blank but its rate ${show(rate)} is not: give both or neither`);
    if (rate === "") invalid(`ois_rates: item ${item} is blank but its end date ${endRaw} is not: give both or neither`);
    const endIso = typeof endRaw === "string" ? parseIso(endRaw) : undefined;
    if (endIso === undefined) invalid(`ois_end_dates: ${show(endRaw)} is not a date (item ${item})`);
    const end = dayNumber(endIso);
    if (end <= v) invalid(`ois_end_dates: ${endIso} is not after ${valuation} (item ${item}): every quote must end after valuation_date`);
    if (typeof rate !== "number" || !Number.isFinite(rate)) invalid(`ois_rates: ${show(rate)} is not a rate (item ${item})`);
    // log1p: for a week at 0.3%, R·t/yd ≈ 6e-5, and 1 + that in floating point would keep only
    // ~11 of its 16 digits; log1p keeps them all.
    const logGrowth = Math.log1p((rate * (end - v)) / yearDays);
    if (!Number.isFinite(logGrowth)) {
      invalid(`ois_rates: ${show(rate)} (item ${item}) over ${end - v} days gives a growth factor 1 + rate·days/year_days that is not above 0 or not finite`);
    }
    quotes.push({ end, rate, logGrowth });
  }
  if (quotes.length === 0) invalid("ois_end_dates: no quote given: give 1 to 60 end dates with their rates in ois_rates");
  if (quotes.length > MAX_QUOTES) invalid(`ois_end_dates: ${quotes.length} quotes, more than the ${MAX_QUOTES} allowed`);
  // A fixed order (by end, then rate) makes every sum below independent of the order the user typed.
  quotes.sort((x, y) => x.end - y.end || x.rate - y.rate);
  return quotes;
}

function readMeetings(a: PolicyPathInput, v: number, valuation: IsoDate): { iso: IsoDate; day: number }[] {
  const meetings: { iso: IsoDate; day: number }[] = [];
  for (let i = 0; i < a.meetings.length; i++) {
    const raw = a.meetings[i];
    if (raw === "") continue;
    const item = i + 1;
    const iso = typeof raw === "string" ? parseIso(raw) : undefined;
    if (iso === undefined) invalid(`meeting_dates: ${show(raw)} is not a date (item ${item})`);
    const day = dayNumber(iso);
    if (day <= v) invalid(`meeting_dates: ${iso} is not after ${valuation} (item ${item}): every meeting must be after valuation_date`);
    const previous = meetings[meetings.length - 1];
    if (previous !== undefined && day <= previous.day) {
      invalid(`meeting_dates: ${iso} is not after ${previous.iso} (item ${item}): the meetings must be strictly increasing`);
    }
    meetings.push({ iso, day });
  }
  if (meetings.length === 0) invalid("meeting_dates: no meeting given: give 1 to 40 meeting dates after valuation_date");
  if (meetings.length > MAX_MEETINGS) invalid(`meeting_dates: ${meetings.length} meetings, more than the ${MAX_MEETINGS} allowed`);
  return meetings;
}

/**
 * Solve the market-implied policy path (SPEC, "Market-implied policy path").
 *
 * Model: the overnight rate is r₀ on [v, e₁) and rₖ on [eₖ, eₖ₊₁) (the last open-ended), eₖ =
 * meetingₖ + lagDays calendar days. Quote j prices, with simple interest over calendar days,
 *
 *     Gⱼ = 1 + Rⱼ·(Tⱼ − v)/yd = Πₖ (1 + rₖ/yd)^dⱼₖ,   dⱼₖ = days of segment k inside [v, Tⱼ).
 *
 * With uₖ = ln(1 + rₖ/yd), and Aₖ = Σ_{i<k} Lᵢ·uᵢ the log growth to eₖ (Lᵢ the length of segment
 * i; every quote ending in segment k covers segments 0…k−1 fully), the quotes ending in segment k
 * (eₖ < Tⱼ ≤ eₖ₊₁) give by least squares in u
 *
 *     uₖ = Σⱼ dⱼₖ·(ln Gⱼ − Aₖ) / Σⱼ dⱼₖ²,
 *
 * exact with one quote. A segment no quote ends in keeps rₖ₋₁; quotes ending on or before e₁ are
 * not used. rₖ = yd·expm1(uₖ).
 *
 * Why log1p/expm1: a daily rate r/yd is ~1e-5, and 1 + r/yd rounded to a double keeps only ~11
 * significant digits of it; log1p and expm1 take and return the small number itself, so a path
 * built from quotes comes back to ~1e-16 instead of ~1e-12.
 *
 * @throws SheetError "value" for the refusals SPEC implies, naming the argument; "num" if the
 * quotes imply a rate too large to represent.
 */
export function solvePolicyPath(a: PolicyPathInput): PathMeeting[] {
  const { v, stepBp, yearDays, lagDays, r0 } = readScalars(a);
  const valuation = a.valuationDate;
  const quotes = readQuotes(a, v, valuation, yearDays);
  const meetings = readMeetings(a, v, valuation);

  const K = meetings.length;
  const effective = meetings.map((m) => m.day + lagDays);
  const u0 = Math.log1p(r0 / yearDays);

  const out: PathMeeting[] = [];
  let next = 0; // first quote (sorted by end) not yet assigned to a segment
  while (next < quotes.length && quotes[next].end <= effective[0]) next++; // not used: end on or before e₁

  let logGrowthToStart = u0 * (effective[0] - v); // A₁
  let uPrev = u0;
  let rPrev = r0;
  for (let k = 0; k < K; k++) {
    const start = effective[k];
    const stop = k + 1 < K ? effective[k + 1] : Infinity;
    let num = 0;
    let den = 0;
    let used = 0;
    while (next < quotes.length && quotes[next].end <= stop) {
      const d = quotes[next].end - start;
      num += d * (quotes[next].logGrowth - logGrowthToStart);
      den += d * d;
      used++;
      next++;
    }
    const meeting = meetings[k].iso;
    const effectiveIso = fromDayNumber(start);
    if (used === 0) {
      out.push({
        meeting,
        effective: effectiveIso,
        rateAfter: round15(rPrev),
        changeBp: 0,
        cumulativeBp: round15(change(rPrev, r0) * 10000),
        hikeProbability: null,
        quotes: 0,
      });
    } else {
      const u = num / den;
      const r = yearDays * Math.expm1(u);
      const changeBp = round15(change(r, rPrev) * 10000);
      const cumulativeBp = round15(change(r, r0) * 10000);
      const hikeProbability = round15(changeBp / stepBp);
      if (![u, r, changeBp, cumulativeBp, hikeProbability].every(Number.isFinite)) {
        throw new SheetError("num", `the quotes imply an overnight rate after the ${meeting} meeting too large to represent`);
      }
      out.push({ meeting, effective: effectiveIso, rateAfter: round15(r), changeBp, cumulativeBp, hikeProbability, quotes: used });
      uPrev = u;
      rPrev = r;
    }
    if (stop !== Infinity) logGrowthToStart += uPrev * (stop - start);
  }
  return out;
}

/**
 * POLICY_PATH's table: `POLICY_PATH_HEADER`, then one row per meeting: meeting and effective
 * day (ISO; the host writes them as dates), rate_after (decimal), change_bp, cumulative_bp,
 * hike_probability (`""` where no quote prices the meeting) and the number of quotes used.
 * Equations and refusals: `solvePolicyPath`.
 */
export function policyPath(a: PolicyPathInput): Table {
  const rows: Table = [[...POLICY_PATH_HEADER]];
  for (const m of solvePolicyPath(a)) {
    rows.push([m.meeting, m.effective, m.rateAfter, m.changeBp, m.cumulativeBp, m.hikeProbability ?? "", m.quotes]);
  }
  return rows;
}
