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
 * - a live-data function (FRED, TIC_HOLDINGS, …) answers with a Promise (./live.ts, through the
 *   proxy): it resolves to the matrix or rejects with the `CustomFunctions.Error`.
 */
import { CATALOG, type FunctionSpec } from "../../catalog";
import { SheetError, type ErrorKind } from "../../core/errors";
import { hostRectangle, type Table } from "../../core/table";
import { invoke } from "../../args/invoke";
import { type Cancelable, runExcelLive } from "./live";

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

/** A result of `invoke` as Excel's matrix (a rectangle, error cells as `CustomFunctions.Error`); a single error is thrown. */
export function toExcel(result: unknown): ExcelMatrix {
  if (result instanceof SheetError) throw toExcelError(result);
  if (!Array.isArray(result)) return [[result]];
  if (result.length === 0) throw toExcelError(new SheetError("na", "the result is empty"));
  return hostRectangle(result as Table, toExcelError);
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

/**
 * Run a catalog function for Excel. Synchronous functions return the matrix (or throw);
 * a function whose core answers with a Promise (live data) returns a Promise that resolves
 * to the matrix or rejects with the `CustomFunctions.Error`. Live functions are cancelable:
 * their wrappers pass Excel's invocation last.
 */
export function excel(name: string, args: unknown[], invocation?: Cancelable): ExcelMatrix | Promise<ExcelMatrix> {
  const f = spec(name);
  // Live data (FRED, TIC, the MoF curve) through the proxy: always a Promise (./live.ts).
  if (f.live) return settle(name, runExcelLive(f, args.map(single), invocation));
  return toExcel(invoke(f, args.map(single)));
}

/** An asynchronous result as Excel's matrix, or a rejection with the `CustomFunctions.Error`. */
function settle(name: string, result: PromiseLike<unknown>): Promise<ExcelMatrix> {
  return Promise.resolve(result).then(toExcel, (e: unknown) => {
    throw e instanceof SheetError ? toExcelError(e) : toExcelError(new SheetError("na", `${name}: ${e instanceof Error ? e.message : String(e)}`));
  });
}
