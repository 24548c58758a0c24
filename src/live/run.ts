/**
 * plan → fetch → compute for one call of a live function, on either path. The arguments are read
 * by the argument layer and the errors wrapped as for every function (src/args/invoke.ts); only
 * the fetch is the host's. Never throws: a failure is the `SheetError` the cell shows.
 */
import { type Result, asResult, guarded, readSingleArgs } from "../args/invoke";
import type { LiveFunctionSpec } from "../catalog/spec";
import { SheetError } from "../core/errors";
import type { Cell } from "../core/table";
import type { PlanContext, PlanItem, Reply } from "../core/data/request";

/** Sheets: one synchronous batch (UrlFetchApp.fetchAll) behind the cache. */
export function runLiveSync(spec: LiveFunctionSpec, raws: readonly unknown[], ctx: PlanContext, fetcher: { replies(items: readonly PlanItem[]): Reply[] }): Result {
  return guarded(spec, () => {
    const args = readSingleArgs(spec, raws);
    const items = spec.live.plan(args, ctx);
    return asResult(spec, spec.live.compute(args, fetcher.replies(items), ctx));
  });
}

/** Excel: shared in-flight fetches behind the memory and OfficeRuntime.storage caches. */
export async function runLiveAsync(
  spec: LiveFunctionSpec,
  raws: readonly unknown[],
  ctx: PlanContext,
  fetcher: { replies(items: readonly PlanItem[]): Promise<Reply[]> },
): Promise<Result> {
  const planned = guarded(spec, () => {
    const args = readSingleArgs(spec, raws);
    return { args, items: spec.live.plan(args, ctx) };
  });
  if (planned instanceof SheetError) return planned;
  const replies = await fetcher.replies(planned.items);
  return guarded(spec, () => asResult(spec, spec.live.compute(planned.args, replies, ctx)));
}

/**
 * A spilled result with the ISO days of `dateColumns` (below the header row) turned into the
 * host's dates: serial numbers in Excel, `Date`s in Sheets. Anything else is left as it is.
 */
export function withHostDates<D>(spec: LiveFunctionSpec, r: Result, toDate: (iso: string) => D): Result | (Cell | D)[][] {
  const cols = spec.live.dateColumns;
  if (!cols || cols.length === 0 || !Array.isArray(r)) return r;
  return r.map((row, i) => (i === 0 ? row : row.map((c, j) => (cols.includes(j) && typeof c === "string" && /^\d{4}-\d{2}-\d{2}$/.test(c) ? toDate(c) : c))));
}
