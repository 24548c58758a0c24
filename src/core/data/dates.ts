/**
 * Dates in the data layer are ISO text, `YYYY-MM-DD` (a day) or `YYYY-MM` (a month): they
 * sort as text, print as users expect, and carry no time zone. Hosts convert at the edge:
 * a spreadsheet date is a serial number (days since 1899-12-30, both Excel and Sheets) or,
 * in Apps Script, a `Date`.
 */
import { invalid, show } from "../errors";

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

const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Spreadsheet serial (1900 date system, both Excel and Sheets) → ISO day; the time of day is dropped. */
export function serialToIso(serial: number): IsoDate {
  const d = new Date(EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO day → spreadsheet serial (what a host writes into a date cell). */
export function isoToSerial(d: IsoDate): number {
  return Math.round((Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) - EPOCH_UTC) / DAY_MS);
}

/** Serials a spreadsheet shows as dates: 1900-03-01 (61) … 9999-12-31 (2958465). */
const MIN_SERIAL = 61;
const MAX_SERIAL = 2958465;

const isDate = (x: unknown): x is Date => x instanceof Date || Object.prototype.toString.call(x) === "[object Date]";

/**
 * A date argument as a host passes it: a serial number (Excel; Sheets for a number cell),
 * a `Date` (Sheets for a date cell; read in the script's time zone), or text
 * `2026-03-15` / `2026/3/15`. Blank → undefined. Anything else → `#VALUE!` naming `name`.
 */
export function readDate(raw: unknown, name: string): IsoDate | undefined {
  raw = single(raw, name);
  if (raw === null || raw === undefined || raw === "") return undefined;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw < MIN_SERIAL || raw > MAX_SERIAL) invalid(`${name} = ${show(raw)} is not a date: give a date cell or text like "2026-03-31"`);
    return serialToIso(raw);
  }
  if (isDate(raw)) {
    const iso = isoFromParts(raw.getFullYear(), raw.getMonth() + 1, raw.getDate());
    if (iso === undefined) invalid(`${name} is not a valid date`);
    return iso;
  }
  if (typeof raw === "string") {
    const s = raw.trim();
    const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
    const iso = m ? isoFromParts(+m[1], +m[2], +m[3]) : undefined;
    if (iso !== undefined) return iso;
    invalid(`${name} = ${show(raw)} is not a date: write it as "2026-03-31" (year first), or give a date cell`);
  }
  invalid(`${name} = ${show(raw)} is not a date`);
}

/** A month argument: `"2026-03"`, a day in that month (text, serial or `Date`). Blank → undefined. */
export function readMonth(raw: unknown, name: string): MonthKey | undefined {
  const v = single(raw, name);
  if (typeof v === "string") {
    const m = /^(\d{4})[-/](\d{1,2})$/.exec(v.trim());
    if (m) {
      const iso = isoFromParts(+m[1], +m[2], 1);
      if (iso === undefined) invalid(`${name} = ${show(v)} is not a month: write it as "2026-03"`);
      return monthOf(iso);
    }
  }
  const d = readDate(v, name);
  return d === undefined ? undefined : monthOf(d);
}

/** Hosts pass a one-cell range as `[[x]]`: unwrap it; a bigger range is not one value. */
export function single(raw: unknown, name: string): unknown {
  if (Array.isArray(raw)) {
    if (raw.length === 1 && Array.isArray(raw[0]) && raw[0].length === 1) return raw[0][0];
    if (raw.length === 1 && !Array.isArray(raw[0])) return raw[0];
    invalid(`${name} takes a single value, not a range`);
  }
  return raw;
}
