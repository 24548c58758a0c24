/**
 * plan → fetch → compute for one call of a live function, on either path. Never throws: a
 * failure is the `SheetError` the cell shows (`#N/A` with the source and the reason).
 */
import { SheetError } from "../core/errors";
import type { Cell, Table } from "../core/table";
import type { LiveFunction } from "../core/data/live";
import type { PlanContext, PlanItem } from "../core/data/request";
import type { AsyncFetcher, SyncFetcher } from "./cache";

export type LiveResult = Cell | Table;

function asError(fn: LiveFunction, e: unknown): SheetError {
  if (e instanceof SheetError) return e;
  return new SheetError("value", `${fn.name}: ${e instanceof Error ? e.message : String(e)}`);
}

function clean(fn: LiveFunction, r: Cell | Table): LiveResult {
  const fix = (v: Cell): Cell => (typeof v === "number" && !Number.isFinite(v) ? new SheetError("num", `${fn.name}: not a finite number`) : v);
  return Array.isArray(r) ? r.map((row) => row.map(fix)) : fix(r);
}

function plan(fn: LiveFunction, args: readonly unknown[], ctx: PlanContext): PlanItem[] | SheetError {
  let given = args.length;
  while (given > 0 && args[given - 1] === undefined) given--;
  if (given > fn.arity) return new SheetError("value", `${fn.name} takes at most ${fn.arity} arguments, got ${given}`);
  try {
    return fn.plan(args, ctx);
  } catch (e) {
    return asError(fn, e);
  }
}

/** Sheets: one synchronous batch (UrlFetchApp.fetchAll) behind the cache. */
export function runLiveSync(fn: LiveFunction, args: readonly unknown[], ctx: PlanContext, fetcher: SyncFetcher): LiveResult {
  const items = plan(fn, args, ctx);
  if (items instanceof SheetError) return items;
  try {
    return clean(fn, fn.compute(args, fetcher.replies(items), ctx));
  } catch (e) {
    return asError(fn, e);
  }
}

/**
 * A spilled result with the ISO days of `fn.dateColumns` (below the header row) turned into the
 * host's dates: serial numbers in Excel, `Date`s in Sheets. Anything else is left as it is.
 */
export function withHostDates<D>(fn: LiveFunction, r: LiveResult, toDate: (iso: string) => D): LiveResult | (Cell | D)[][] {
  const cols = fn.dateColumns;
  if (!cols || cols.length === 0 || !Array.isArray(r)) return r;
  return r.map((row, i) => (i === 0 ? row : row.map((c, j) => (cols.includes(j) && typeof c === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c) ? toDate(c) : c))));
}

/** Excel: shared in-flight fetches behind the memory and OfficeRuntime.storage caches. */
export async function runLiveAsync(fn: LiveFunction, args: readonly unknown[], ctx: PlanContext, fetcher: AsyncFetcher): Promise<LiveResult> {
  const items = plan(fn, args, ctx);
  if (items instanceof SheetError) return items;
  try {
    return clean(fn, fn.compute(args, await fetcher.replies(items), ctx));
  } catch (e) {
    return asError(fn, e);
  }
}
