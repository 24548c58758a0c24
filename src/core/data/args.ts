/**
 * Reading the live functions' arguments as hosts pass them (Excel: `null` for an omitted
 * optional; Sheets: `""`; a one-cell range may come as `[[x]]`). Dates and months are read in
 * dates.ts. Each live function takes single values: it spills or fetches, it does not broadcast.
 */
import { invalid, isSheetError, show } from "../errors";
import { single } from "./dates";

const blank = (x: unknown) => x === null || x === undefined || x === "";

/** Text such as a series id or a country name. */
export function readText(raw: unknown, name: string, required: true): string;
export function readText(raw: unknown, name: string, required?: false): string | undefined;
export function readText(raw: unknown, name: string, required = false): string | undefined {
  const v = single(raw, name);
  if (isSheetError(v)) throw v;
  if (blank(v) || (typeof v === "string" && v.trim() === "")) {
    if (required) invalid(`${name} is required`);
    return undefined;
  }
  if (typeof v !== "string") invalid(`${name} = ${show(v)} should be text`);
  return v.trim();
}

/** A number (a numeric text is accepted); blank → undefined, or `#VALUE!` when required. */
export function readNumber(raw: unknown, name: string, required = true): number | undefined {
  const v = single(raw, name);
  if (isSheetError(v)) throw v;
  if (blank(v)) {
    if (required) invalid(`${name} is required`);
    return undefined;
  }
  const x = typeof v === "number" ? v : typeof v === "string" && /^\s*[+-]?(?:\d+\.?\d*|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(x)) invalid(`${name} = ${show(v)} is not a number`);
  return x;
}

/** A JGB tenor: a number of years, or text as traders write it ("10Y", "10y", "10 years"). */
export function readTenor(raw: unknown, name: string): number {
  const v = single(raw, name);
  if (typeof v === "string") {
    const m = /^\s*(\d{1,2})\s*(?:y|yr|yrs|years?)\s*$/i.exec(v);
    if (m) return Number(m[1]);
  }
  return readNumber(v, name)!;
}
