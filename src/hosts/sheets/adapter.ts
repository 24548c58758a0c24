/**
 * The Google Sheets host adapter: the shared argument layer does all the reading
 * (ranges as 2-D arrays, blanks as "", percentages as decimals, Dates, booleans);
 * this file only translates its result into what a Sheets custom function returns.
 *
 * - a single-value error is thrown: the cell shows #ERROR! and the message
 *   "#VALUE! us_short = 4.5 looks like a percent: enter 4.5% or 0.045";
 * - inside a spilled array an error becomes that cell's text, the rest of the array stands;
 * - "" stays a blank cell;
 * - a date argument (a `Date` at midnight in the spreadsheet's zone) is read as its day there, and
 *   dates in a result (the function's `dateColumns`) are `Date`s at midnight there;
 * - a live-data function runs with Sheets' fetcher (./fetcher.ts: UrlFetchApp, CacheService).
 */
import { invoke } from "../../args/invoke";
import { type Result, withHostDates } from "../../args/result";
import { CATALOG } from "../../catalog";
import type { FunctionSpec } from "../../catalog/spec";
import { SheetError } from "../../core/errors";
import { liveServices, readDates, sheetsFetcher, spreadsheetTimeZone } from "./fetcher";

/** What a custom function may return to Sheets (a table may hold `Date`s). */
export type SheetsValue = number | string | (number | string | Date)[][];

/** How Sheets shows an error inside a spilled array: `#VALUE! us_short = "abc" is not a number`. */
export const sheetsErrorText = (e: SheetError): string => `${e.code} ${e.message}`;

let byName: Map<string, FunctionSpec> | null = null;

function spec(name: string): FunctionSpec {
  byName ??= new Map(CATALOG.map((f) => [f.name, f]));
  const f = byName.get(name);
  if (!f) throw new Error(`#NAME? ${name} is not a marginal-bid function (rebuild and push the Apps Script project)`);
  return f;
}

/**
 * The argument layer's result as Sheets wants it; throws for a single error. A spilled result
 * is a table `invoke()` made for this call alone, so its error cells become text in place
 * rather than in a second copy of every row.
 */
export function toSheets(r: Result | (number | string | SheetError | Date)[][]): SheetsValue {
  if (r instanceof SheetError) throw new Error(sheetsErrorText(r));
  if (!Array.isArray(r)) return r;
  for (let i = 0; i < r.length; i++) {
    const row = r[i];
    for (let j = 0; j < row.length; j++) {
      const c = row[j];
      if (c instanceof SheetError) row[j] = sheetsErrorText(c);
    }
  }
  return r as (number | string | Date)[][];
}

/** Does a function read or write dates (Sheets hands and takes them in the spreadsheet's time zone)? */
const hasDates = (f: FunctionSpec) => f.dateColumns !== undefined || f.params.some((p) => p.kind === "date" || p.kind === "month");

/** Apps Script's services and the spreadsheet's zone, read once a call and only when needed. */
function services() {
  const s = liveServices();
  return { s, tz: spreadsheetTimeZone(s) };
}

/**
 * Called by every generated stub: `MarginalBid_().call("HEDGED_UST", arguments)`: the one
 * pipeline, with Sheets' fetcher for a live-data function.
 */
export function call(name: string, argsObject: ArrayLike<unknown>): SheetsValue {
  const args = Array.prototype.slice.call(argsObject) as unknown[];
  const f = spec(name);
  let env: ReturnType<typeof services> | undefined;
  const host = () => (env ??= services());
  let result: Result;
  try {
    const raws = hasDates(f) ? args.map((a) => readDates(a, host().tz, host().s)) : args;
    result = invoke(f, raws, () => sheetsFetcher(host().s, host().tz));
  } catch (e) {
    // Never a key in a message: an exception text could quote a URL.
    const why = (e instanceof Error ? e.message : String(e)).replace(/api_key=[^&\s"')]*/gi, "api_key=…");
    result = new SheetError("na", `${f.name}: ${why}`);
  }
  return toSheets(env && hasDates(f) ? withHostDates(f, result, (iso) => env!.s.Utilities.parseDate(iso, env!.tz, "yyyy-MM-dd")) : result);
}
