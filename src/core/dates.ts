/**
 * Dates in the core and the sources are ISO text, `YYYY-MM-DD` (a day) or `YYYY-MM` (a month):
 * they sort as text, print as users expect, and carry no time zone. Hosts convert at the edge
 * (a spreadsheet serial, an Apps Script `Date`): date arguments are read, and dates in results
 * written, by the argument layer (src/args/dates.ts).
 */

/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** `YYYY-MM`. */
export type MonthKey = string;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A real calendar day as ISO, or undefined (2026-02-30 is not a day). */
export function isoFromParts(y: number, m: number, d: number): IsoDate | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Strict `YYYY-MM-DD` → the same text, or undefined. */
export function parseIso(s: string): IsoDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? isoFromParts(+m[1], +m[2], +m[3]) : undefined;
}

/** The month of a day: `2026-03-15` → `2026-03`. */
export const monthOf = (d: IsoDate): MonthKey => d.slice(0, 7);

/** Move a month key: `addMonthsToKey("2026-01", -1)` → `2025-12`. */
export function addMonthsToKey(key: MonthKey, n: number): MonthKey {
  const y = +key.slice(0, 4);
  const m = +key.slice(5, 7);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}`;
}

/** Same day `n` months later, clamped to the month's end: 2026-03-31 − 1 month → 2026-02-28. */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const key = addMonthsToKey(monthOf(d), n);
  const y = +key.slice(0, 4);
  const m = +key.slice(5, 7);
  return `${key}-${pad(Math.min(+d.slice(8, 10), daysInMonth(y, m)))}`;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO day (exact calendar arithmetic in UTC: no time zone enters). */
export function dayNumber(d: IsoDate): number {
  return Math.round(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY_MS);
}

/** The ISO day `n` days after 1970-01-01 (the inverse of dayNumber). */
export function fromDayNumber(n: number): IsoDate {
  const d = new Date(Math.floor(n) * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
