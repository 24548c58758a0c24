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
