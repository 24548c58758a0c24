import { SheetError, isSheetError, show } from "../core/errors";
import { isDateValue, readDay, readMonth } from "./dates";
import type { ParamKind, ParamSpec } from "./kinds";

/** Marker for a blank cell or an omitted argument. */
export const BLANK: unique symbol = Symbol("blank");
export type Blank = typeof BLANK;

/** A cell read for one parameter: a number, a preset name, blank, or the error it causes. */
export type Coerced = number | string | boolean | Blank | SheetError;

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** `"4.3%"` → 0.043, `"1,130"` → 1130, `" 0.043 "` → 0.043; anything else → undefined. */
export function parseNumberText(text: string): number | undefined {
  let s = text.trim();
  let scale = 1;
  if (s.endsWith("%")) {
    s = s.slice(0, -1).trim();
    scale = 0.01;
  }
  if (GROUPED_NUMBER.test(s)) s = s.replace(/,/g, "");
  else if (!PLAIN_NUMBER.test(s)) return undefined;
  const x = Number(s) * scale;
  // Rescale through a decimal string so "4.3%" is exactly 0.043, as in a spreadsheet.
  return Number.isFinite(x) ? (scale === 1 ? x : Number(x.toPrecision(15))) : undefined;
}

const BP_TEXT = /^\s*(\S+?)\s*bp\s*$/i;

/** Basis points typed with their unit: `"50bp"`, `"50 bp"`, `"-25BP"` → 50, 50, −25; anything else → undefined. */
export function parseBpText(text: string): number | undefined {
  const m = BP_TEXT.exec(text);
  return m && !m[1].includes("%") ? parseNumberText(m[1]) : undefined;
}

/** Is this value what a host passes for an empty cell or an omitted argument? */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === "";
}

/** A JGB-style tenor as traders write it: "10Y", "10y", "10 years". */
const TENOR_TEXT = /^\s*(\d{1,2})\s*(?:y|yr|yrs|years?)\s*$/i;

/** `" Japan_Bonds "` → `"japan_bonds"` when that is a choice; anything else is `#VALUE!` listing them. */
function choice(text: string, choices: readonly string[], name: string): string | SheetError {
  const key = text.toLowerCase();
  for (const c of choices) if (c.toLowerCase() === key) return c;
  return new SheetError("value", `${name} = ${show(text)} is not one of ${choices.map((c) => `"${c}"`).join(", ")}`);
}

/** Kinds that are not read as plain numbers: each reads a non-blank, non-error cell its own way. */
const READERS: Partial<Record<ParamKind, (raw: unknown, p: ParamSpec, name: string) => Coerced>> = {
  text: (raw, p, name) => {
    if (typeof raw !== "string") return new SheetError("value", `${name} = ${show(raw)} should be text`);
    const t = raw.trim();
    if (t === "") return BLANK;
    return p.choices ? choice(t, p.choices, name) : t;
  },
  date: (raw, _p, name) => readDay(raw, name),
  boolean: (raw, _p, name) => {
    if (typeof raw === "boolean") return raw;
    if (raw === 1 || raw === 0) return raw === 1;
    const t = typeof raw === "string" ? raw.trim().toUpperCase() : "";
    if (t === "TRUE" || t === "FALSE") return t === "TRUE";
    return new SheetError("value", `${name} = ${show(raw)} should be TRUE or FALSE`);
  },
  month: (raw, _p, name) => readMonth(raw, name),
  tenor: (raw, p, name) => {
    const m = typeof raw === "string" ? TENOR_TEXT.exec(raw) : null;
    return m ? checkNumber(Number(m[1]), p, name) : coerceNumber(raw, p, name);
  },
};

/** Does this parameter read a number cell as that number (the argument layer's fast path)? */
export const takesPlainNumbers = (p: ParamSpec): boolean => READERS[p.kind] === undefined && p.kind !== "any";

/** Read one cell for one parameter: never throws, always says what is wrong and with which argument. */
export function coerceCell(raw: unknown, p: ParamSpec, where = ""): Coerced {
  const name = p.name + where;
  // `any` is never read (a live function's refresh); every other kind reads blanks and errors alike.
  if (p.kind === "any") return BLANK;
  const read = READERS[p.kind];
  if (read && !isBlank(raw) && !isSheetError(raw)) return read(raw, p, name);
  return coerceNumber(raw, p, name);
}

function coerceNumber(raw: unknown, p: ParamSpec, name: string): Coerced {
  let x: number;
  if (typeof raw === "number") {
    x = raw;
  } else if (isBlank(raw)) {
    return BLANK;
  } else if (typeof raw === "string") {
    // "50bp" as the demo and the docs print it: a number of basis points, read only where the unit is bp.
    const n = parseBpText(raw);
    if (n !== undefined) {
      if (p.kind === "bp") return checkNumber(n, p, name);
      if (p.kind === "rate") {
        return new SheetError("value", `${name} = ${show(raw)} is in basis points, but ${p.name} is a rate: enter ${+(n / 100).toPrecision(12)}% or ${+(n / 10000).toPrecision(12)}`);
      }
      return new SheetError("value", `${name} = ${show(raw)} is in basis points, but ${p.name} is not: enter a plain number`);
    }
    const parsed = parseNumberText(raw);
    if (parsed === undefined) {
      if (p.presets) {
        const key = raw.trim().toLowerCase();
        if (p.presets.includes(key)) return key;
        return new SheetError("value", `${name} = ${show(raw)} is neither a number nor a preset: use one of ${p.presets.map((s) => `"${s}"`).join(", ")}`);
      }
      return new SheetError("value", `${name} = ${show(raw)} is not a number`);
    }
    x = parsed;
  } else if (isSheetError(raw)) {
    // README "Units and conventions": error values → #VALUE! naming the argument (Excel shows a message only on #VALUE!).
    return new SheetError("value", `${name} = ${show(raw)} is an error value: fix the cell it comes from`);
  } else if (typeof raw === "boolean") {
    return new SheetError("value", `${name} = ${show(raw)} is a TRUE/FALSE value, not a number`);
  } else if (isDateValue(raw)) {
    return new SheetError("value", `${name} = ${show(raw)} is a date, not a number`);
  } else {
    return new SheetError("value", `${name} = ${show(raw)} is not a number`);
  }
  return checkNumber(x, p, name);
}

/** Unit and bound checks on a number. */
export function checkNumber(x: number, p: ParamSpec, name = p.name): number | SheetError {
  if (!Number.isFinite(x)) return new SheetError("value", `${name} = ${show(x)} is not a finite number`);
  const slip = unitSlip(x, p, name);
  if (slip) return slip;
  const min = p.min ?? (p.kind === "fraction" ? 0 : undefined);
  const max = p.max ?? (p.kind === "fraction" ? 1 : undefined);
  if (min !== undefined && (p.minExclusive ? x <= min : x < min)) return broken(x, p, name, `must be ${p.minExclusive ? "above" : "at least"} ${min}`);
  if (max !== undefined && (p.maxExclusive ? x >= max : x > max)) return broken(x, p, name, `must be ${p.maxExclusive ? "below" : "at most"} ${max}`);
  if ((p.integer || p.kind === "count") && !Number.isInteger(x)) {
    return new SheetError("value", `${name} = ${show(x)} must be a whole number`);
  }
  if (p.allowed && !p.allowed.includes(x)) return broken(x, p, name, `must be ${allowedText(p.allowed)}`);
  return x;
}

/** Whole numbers read as an Excel date serial in a rate argument: 20,000 (1954-10-03) to Excel's last date, 9999-12-31. */
export const DATE_SERIAL_FROM = 20000;
const LAST_DATE_SERIAL = 2958465;

/** Excel serial → ISO date (serial 1 is 1900-01-01; Excel's phantom 1900-02-29 is not reached here). */
function serialDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
}

/**
 * The common typing slips of each unit: a rate typed as a percent, a date
 * serial in a rate cell, a fraction of a basis point in a bp cell.
 */
function unitSlip(x: number, p: ParamSpec, name: string): SheetError | undefined {
  if (p.kind === "rate" && (x > 1 || x < -1)) {
    const typed = +x.toPrecision(12);
    if (Number.isInteger(x) && x >= DATE_SERIAL_FROM && x <= LAST_DATE_SERIAL) {
      return new SheetError("value", `${name} = ${typed} looks like a date (Excel's serial for ${serialDate(x)}), not a rate: enter a rate such as 4.5% or 0.045`);
    }
    return new SheetError("value", `${name} = ${typed} looks like a percent: enter ${typed}% or ${+(typed / 100).toPrecision(12)}`);
  }
  if (p.kind === "bp" && x !== 0 && x > -1 && x < 1) {
    return new SheetError("value", `${name} = ${show(x)} is a fraction of a basis point: this argument is in basis points (50 = 0.50%)`);
  }
  return undefined;
}

/** `1, 2 or 4`: the allowed values as the messages and the docs list them. */
export function allowedText(values: readonly number[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/** A value outside a declared rule, with the rule's reason when the table gives one. */
function broken(x: number, p: ParamSpec, name: string, rule: string): SheetError {
  return new SheetError("value", `${name} = ${show(x)} ${rule}${p.reason ? ` (${p.reason})` : ""}`);
}
