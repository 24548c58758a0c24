/**
 * The Google Sheets host adapter: the shared argument layer does all the reading
 * (ranges as 2-D arrays, blanks as "", percentages as decimals, Dates, booleans);
 * this file only translates its result into what a Sheets custom function returns.
 *
 * - a single-value error is thrown: the cell shows #ERROR! and the message
 *   "#VALUE! us_short = 4.5 looks like a percent: enter 4.5% or 0.045";
 * - inside a spilled array an error becomes that cell's text, the rest of the array stands;
 * - "" stays a blank cell.
 */
import { type Result, invoke } from "../../args/invoke";
import { CATALOG } from "../../catalog";
import type { FunctionSpec } from "../../catalog/spec";
import { SheetError } from "../../core/errors";
import { type SheetsLiveValue, callLive } from "./live";

/** What a custom function may return to Sheets (live functions may spill `Date`s). */
export type SheetsValue = number | string | (number | string)[][] | SheetsLiveValue;

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
export function toSheets(r: Result): SheetsValue {
  if (r instanceof SheetError) throw new Error(r.toString());
  if (!Array.isArray(r)) return r;
  for (let i = 0; i < r.length; i++) {
    const row = r[i];
    for (let j = 0; j < row.length; j++) {
      const c = row[j];
      if (c instanceof SheetError) row[j] = c.toString();
    }
  }
  return r as (number | string)[][];
}

/**
 * Called by every generated stub: `MarginalBid_().call("HEDGED_UST", arguments)`. A live-data
 * function (FRED, TIC_HOLDINGS, …) fetches through UrlFetchApp (./live.ts); every other one is
 * the argument layer's.
 */
export function call(name: string, argsObject: ArrayLike<unknown>): SheetsValue {
  const args = Array.prototype.slice.call(argsObject) as unknown[];
  const f = spec(name);
  if (f.live) return callLive(f, args);
  return toSheets(invoke(f, args));
}
