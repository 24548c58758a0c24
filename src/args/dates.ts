/**
 * Date and month arguments, read like every other argument (coerce.ts): a host passes a date as
 * a serial number (Excel; Sheets for a number cell), a `Date` (Sheets for a date cell; Sheets'
 * host code first turns it into its day in the spreadsheet's time zone) or text. They come out as
 * the core's ISO text (src/core/dates.ts): `2026-03-31` for a day, `2026-03` for a month.
 */
import { SheetError, show } from "../core/errors";
import { type IsoDate, type MonthKey, dayNumber, fromDayNumber, isoFromParts, monthOf } from "../core/dates";

/** Days from the spreadsheet epoch, 1899-12-30 (serial 0, both Excel and Sheets), to 1970-01-01. */
const SERIAL_1970 = 25569;

/** Spreadsheet serial (1900 date system) → ISO day; the time of day is dropped. */
export const serialToIso = (serial: number): IsoDate => fromDayNumber(Math.floor(serial) - SERIAL_1970);

/** ISO day → spreadsheet serial (what a host writes into a date cell). */
export const isoToSerial = (d: IsoDate): number => dayNumber(d) + SERIAL_1970;

/** Is this a `Date`, also one made in another realm (Apps Script hands its own)? */
export const isDateValue = (x: unknown): x is Date => x instanceof Date || Object.prototype.toString.call(x) === "[object Date]";

/** Serials a spreadsheet shows as dates: 1900-03-01 (61) … 9999-12-31 (2958465). */
const MIN_SERIAL = 61;
const MAX_SERIAL = 2958465;

const DAY_TEXT = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const MONTH_TEXT = /^(\d{4})[-/](\d{1,2})$/;

/** A day: ISO text or `YYYY/M/D`, a serial, or a `Date` (its day in this runtime's zone). */
export function readDay(raw: unknown, name: string): IsoDate | SheetError {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw < MIN_SERIAL || raw > MAX_SERIAL) return new SheetError("value", `${name} = ${show(raw)} is not a date: give a date cell or text like "2026-03-31"`);
    return serialToIso(raw);
  }
  if (isDateValue(raw)) {
    const iso = Number.isNaN(raw.getTime()) ? undefined : isoFromParts(raw.getFullYear(), raw.getMonth() + 1, raw.getDate());
    return iso ?? new SheetError("value", `${name} is not a valid date`);
  }
  if (typeof raw === "string") {
    const m = DAY_TEXT.exec(raw.trim());
    const iso = m ? isoFromParts(+m[1], +m[2], +m[3]) : undefined;
    return iso ?? new SheetError("value", `${name} = ${show(raw)} is not a date: write it as "2026-03-31" (year first), or give a date cell`);
  }
  return new SheetError("value", `${name} = ${show(raw)} is not a date`);
}

/** A month: `"2026-03"` (or `"2026/3"`), or any day in it. */
export function readMonth(raw: unknown, name: string): MonthKey | SheetError {
  if (typeof raw === "string") {
    const m = MONTH_TEXT.exec(raw.trim());
    if (m) {
      const iso = isoFromParts(+m[1], +m[2], 1);
      return iso === undefined ? new SheetError("value", `${name} = ${show(raw)} is not a month: write it as "2026-03"`) : monthOf(iso);
    }
  }
  const day = readDay(raw, name);
  return day instanceof SheetError ? day : monthOf(day);
}
