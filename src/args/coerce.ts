import { SheetError, isSheetError, show } from "../core/errors";
import type { ParamSpec } from "./kinds";

/** Marker for a blank cell or an omitted argument. */
export const BLANK: unique symbol = Symbol("blank");
export type Blank = typeof BLANK;

/** A cell read for one parameter: a number, a preset name, blank, or the error it causes. */
export type Coerced = number | string | Blank | SheetError;

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

/** Is this value what a host passes for an empty cell or an omitted argument? */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || raw === "";
}

/** Read one cell for one parameter: never throws, always says what is wrong and with which argument. */
export function coerceCell(raw: unknown, p: ParamSpec, where = ""): Coerced {
  const name = p.name + where;
  let x: number;
  if (typeof raw === "number") {
    x = raw;
  } else if (isBlank(raw)) {
    return BLANK;
  } else if (typeof raw === "string") {
    const parsed = parseNumberText(raw);
    if (parsed === undefined) {
      if (p.presets) {
        const key = raw.trim().toLowerCase();
        if (p.presets.includes(key)) return key;
        return new SheetError("value", `${name} = ${show(raw)} is neither a number nor a preset: use one of ${p.presets.map((s) => `"${s}"`).join(", ")}`);
      }
      if (p.kind === "text") return raw.trim();
      return new SheetError("value", `${name} = ${show(raw)} is not a number`);
    }
    x = parsed;
  } else if (isSheetError(raw)) {
    // SPEC: error values → #VALUE! naming the argument (Excel shows a message only on #VALUE!).
    return new SheetError("value", `${name} = ${show(raw)} is an error value: fix the cell it comes from`);
  } else if (typeof raw === "boolean") {
    return new SheetError("value", `${name} = ${show(raw)} is a TRUE/FALSE value, not a number`);
  } else if (raw instanceof Date || Object.prototype.toString.call(raw) === "[object Date]") {
    return new SheetError("value", `${name} = ${show(raw)} is a date, not a number`);
  } else {
    return new SheetError("value", `${name} = ${show(raw)} is not a number`);
  }
  if (p.kind === "text") return new SheetError("value", `${name} = ${show(raw)} should be text`);
  return checkNumber(x, p, name);
}

/** Unit and bound checks on a number. */
export function checkNumber(x: number, p: ParamSpec, name = p.name): number | SheetError {
  if (!Number.isFinite(x)) return new SheetError("value", `${name} = ${show(x)} is not a finite number`);
  if (p.kind === "rate" && (x > 1 || x < -1)) {
    const typed = +x.toPrecision(12);
    return new SheetError("value", `${name} = ${typed} looks like a percent: enter ${typed}% or ${+(typed / 100).toPrecision(12)}`);
  }
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

/** `1, 2 or 4`: the allowed values as the messages and the docs list them. */
export function allowedText(values: readonly number[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

/** A value outside a declared rule, with the rule's reason when the table gives one. */
function broken(x: number, p: ParamSpec, name: string, rule: string): SheetError {
  return new SheetError("value", `${name} = ${show(x)} ${rule}${p.reason ? ` (${p.reason})` : ""}`);
}
