/** Dated observations and as-of lookups, shared by FRED and the MoF curve. */
import { type IsoDate, type MonthKey, addMonths, monthOf } from "../core/dates";

export interface Observation {
  /** `YYYY-MM-DD`. */
  date: IsoDate;
  value: number;
}

/** Sort by date, oldest first; a repeated date keeps its last value (the latest revision in the file). */
export function sortedByDate(obs: readonly Observation[]): Observation[] {
  const byDate = new Map<string, Observation>();
  for (const o of obs) byDate.set(o.date, o);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The last observation on or before `date` (binary search; `obs` oldest first). */
export function onOrBefore<T extends { date: IsoDate }>(obs: readonly T[], date: IsoDate): T | undefined {
  let lo = 0;
  let hi = obs.length; // first index with obs.date > date
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (obs[mid].date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : obs[lo - 1];
}

/** The latest observation, or the last one on or before `date` when given. */
export function asOf<T extends { date: IsoDate }>(obs: readonly T[], date?: IsoDate): T | undefined {
  return date === undefined ? obs[obs.length - 1] : onOrBefore(obs, date);
}

/**
 * The observation a month before `at`: the last one on or before the same day a calendar
 * month earlier (2026-03-31 → on or before 2026-02-28). Undefined when the data do not reach back.
 */
export function monthBefore<T extends { date: IsoDate }>(obs: readonly T[], at: IsoDate, months = 1): T | undefined {
  return onOrBefore(obs, addMonths(at, -months));
}

/**
 * The last observation within each calendar month (`obs` oldest first): what a monthly history
 * shows for a month. A month without observations is absent, never filled from an earlier one.
 */
export function lastInEachMonth(obs: readonly Observation[]): Map<MonthKey, number> {
  const out = new Map<MonthKey, number>();
  for (const o of obs) out.set(monthOf(o.date), o.value);
  return out;
}

/**
 * Tidy a number computed from published data (a difference of two holdings, a hedged yield from
 * three quotes) to 12 significant digits: published values carry at most 6–8, so this removes only
 * binary noise — 113.4 − 110.8 reads 2.6, not 2.6000000000000085.
 */
export function tidy(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(12));
}

/** `after − before` of published data, tidied. */
export const dataChange = (after: number, before: number): number => tidy(after - before);
