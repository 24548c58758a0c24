/**
 * The live-data functions as `plan → fetch → compute` pairs, host-neutral. The one pipeline
 * (src/args/invoke.ts) reads and checks the arguments, in the function table's parameter order
 * (text trimmed, dates as ISO days, months as `YYYY-MM`, an omitted optional argument
 * `undefined`), then runs them with the host's fetcher (src/sources/fetcher.ts):
 *
 *     const items = live.plan(args, ctx);                  // DataRequest | SheetError, no I/O
 *     const replies = await fetcher.replies(items);        // parsed replies (or their errors), plan order
 *     const result = live.compute(args, replies, ctx);     // a cell or a table; throws a SheetError
 */
import { SheetError } from "../core/errors";
import type { Cell, Table } from "../core/table";
import type { PlanContext, PlanItem, Reply } from "../sources/request";

/** A live function's computation, on the arguments `A` as the argument layer read them. */
export interface LiveData<A extends readonly unknown[] = readonly unknown[]> {
  plan(args: A, ctx: PlanContext): PlanItem[];
  compute(args: A, replies: readonly Reply[], ctx: PlanContext): Cell | Table;
}

/** The parsed reply of plan item `i`, or throw its error (a single-value function needs every reply). */
export function parsed<T>(replies: readonly Reply[], i: number): T {
  const r = replies[i];
  if (r instanceof SheetError) throw r;
  if (r === undefined) throw new SheetError("na", "internal: a reply is missing");
  return r as T;
}
