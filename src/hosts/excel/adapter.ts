/// <reference types="custom-functions-runtime" />
/**
 * The one hand-written piece between Excel and the shared argument layer. The generated
 * wrappers (functions.generated.ts) call `excel(NAME, args)` with the arguments exactly as
 * Excel passed them; `invoke()` does all reading, broadcasting and checking; this file only
 * translates the result into what Excel understands:
 *
 * - a single value → `[[v]]` (every function is declared to return a matrix, so tables spill
 *   and single values show as one cell);
 * - a single SheetError → a thrown `CustomFunctions.Error(code, message)`: the cell shows
 *   `#VALUE!`/`#N/A` with the message (Excel shows messages only on those two codes);
 * - a SheetError inside a table → that element is a `CustomFunctions.Error`, so one bad cell
 *   spoils only its own result cell;
 * - dates in a result (the function's `dateColumns`) → Excel serial numbers (format them as dates);
 * - a live-data function (FRED, TIC_HOLDINGS, …) runs with Excel's fetcher (./fetcher.ts, through
 *   the proxy) and answers with a Promise: it resolves to the matrix or rejects with the
 *   `CustomFunctions.Error`.
 */
import { CATALOG, type FunctionSpec } from "../../catalog";
import { SheetError, type ErrorKind } from "../../core/errors";
import type { Table } from "../../core/table";
import { invoke } from "../../args/invoke";
import { isoToSerial } from "../../args/dates";
import { type Result, hostRectangle, withHostDates } from "../../args/result";
import { type Cancelable, excelFetcher } from "./fetcher";

/** What a generated wrapper returns to Excel. */
export type ExcelMatrix = unknown[][];

const ERROR_CODES: Record<ErrorKind, keyof typeof CustomFunctions.ErrorCode> = {
  value: "invalidValue",
  na: "notAvailable",
  num: "invalidNumber",
  div0: "divisionByZero",
};

/** The Excel error for one of ours, message kept (Excel shows it on #VALUE! and #N/A). */
export function toExcelError(e: SheetError): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[ERROR_CODES[e.kind]], e.message);
}

/** A result of `invoke` as Excel's matrix (a rectangle, dates as serials, error cells as `CustomFunctions.Error`); a single error is thrown. */
export function toExcel(result: Result, spec?: FunctionSpec): ExcelMatrix {
  if (result instanceof SheetError) throw toExcelError(result);
  if (!Array.isArray(result)) return [[result]];
  if (result.length === 0) throw toExcelError(new SheetError("na", "the result is empty"));
  return hostRectangle(spec ? (withHostDates(spec, result, isoToSerial) as Table) : result, toExcelError);
}

let byName: Map<string, FunctionSpec> | null = null;

function spec(name: string): FunctionSpec {
  byName ??= new Map(CATALOG.map((f) => [f.name, f]));
  const f = byName.get(name);
  if (!f) throw toExcelError(new SheetError("na", `${name} is not in this version of the add-in`));
  return f;
}

/**
 * Excel hands every argument of a matrix parameter as a matrix, a typed value or one cell as
 * `[[x]]`. Passed on as the single value it is, so that messages read `us_short = 4.5 looks
 * like a percent` rather than naming row 1, column 1 of a one-cell "range".
 */
export function single(arg: unknown): unknown {
  return Array.isArray(arg) && arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1 ? arg[0][0] : arg;
}

const isPromise = (x: unknown): x is Promise<Result> => typeof (x as { then?: unknown } | null)?.then === "function";

/**
 * Run a catalog function for Excel: the matrix (or a thrown error); a live function's answer is a
 * Promise that resolves to the matrix or rejects with the `CustomFunctions.Error`. Live functions
 * are cancelable: their wrappers pass Excel's invocation last.
 */
export function excel(name: string, args: unknown[], invocation?: Cancelable): ExcelMatrix | Promise<ExcelMatrix> {
  const f = spec(name);
  const r = invoke(f, args.map(single), () => excelFetcher(invocation));
  // A call that fetched answers with a Promise, and so does every function whose wrapper the table declares async (a live one), also when its arguments were refused at once.
  if (isPromise(r) || f.live) return Promise.resolve(r).then((x) => toExcel(x, f));
  return toExcel(r, f);
}
