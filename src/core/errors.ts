/**
 * The typed error every layer speaks. The core throws it for impossible inputs;
 * the argument layer turns it into a cell error; each host maps `kind` to its own error
 * (and shows `message` its own way).
 * Deliberately not a subclass of Error: cell errors can number in the thousands and
 * need no stack trace.
 */
export type ErrorKind = "value" | "num" | "na" | "div0";

const CODES: Record<ErrorKind, string> = {
  value: "#VALUE!",
  num: "#NUM!",
  na: "#N/A",
  div0: "#DIV/0!",
};

export class SheetError {
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
  ) {}

  /** The spreadsheet's error literal, e.g. `#VALUE!`. */
  get code(): string {
    return CODES[this.kind];
  }
}

export const isSheetError = (x: unknown): x is SheetError => x instanceof SheetError;

/** Run `f`; a `SheetError` it throws becomes its result (one failing source spoils only its own cells). */
export function attempt<T>(f: () => T): T | SheetError {
  try {
    return f();
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
}

/** Throw a `#VALUE!` with a message a strategist can act on. */
export function invalid(message: string): never {
  throw new SheetError("value", message);
}

/** Format a value the way the user typed it, for messages that repeat the bad value. */
export function show(x: unknown): string {
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "number") return Number.isFinite(x) ? String(+x.toPrecision(12)) : String(x);
  if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
  if (x === null || x === undefined) return "blank";
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? "an invalid date" : `the date ${x.toISOString().slice(0, 10)}`;
  if (isSheetError(x)) return x.code;
  return Object.prototype.toString.call(x);
}
