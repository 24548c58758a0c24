/**
 * The live-data functions as `plan → fetch → compute` pairs, pure. A host runs them
 * (src/live/run.ts) after the argument layer has read and checked the arguments (src/args), in
 * the function table's parameter order (src/catalog/liveData.ts): text trimmed, dates as ISO
 * days, months as `YYYY-MM`, an omitted optional argument `undefined`.
 *
 *     const items = live.plan(args, ctx);                  // DataRequest | SheetError, no I/O
 *     const replies = the host fetches + caches the requests (sync in Sheets, async in Excel)
 *     const result = live.compute(args, replies, ctx);     // parse + compute; throws a SheetError
 */
import { SheetError, invalid } from "../errors";
import type { Cell, Table } from "../table";
import { checkpoints, checkpointsPlan, LATEST_WINDOW } from "./checkpoints";
import { type IsoDate, type MonthKey, addMonths } from "./dates";
import {
  type FredOptions,
  KNOWN_UNITS,
  fredObservationsRequest,
  fredSeriesRequest,
  isPercentUnits,
  parseFredObservations,
  parseFredSeriesInfo,
  requireKey,
  seriesId,
} from "./fred";
import { hedgeHistory, hedgeHistoryMonths, hedgeHistoryPlan } from "./hedgeHistory";
import { flowSeries, flowWeeks, japanFlows, japanFlowsPlan } from "./japanFlows";
import { jgbYieldFromReplies, mofRequests } from "./mof";
import type { PlanContext, PlanItem, Reply } from "./request";
import { asOf, tidy } from "./series";
import { parseTicTable5, ticChange, ticHoldings, ticRequest } from "./tic";

/** A live function's computation, on the arguments `A` as the argument layer read them. */
export interface LiveData<A extends readonly unknown[] = readonly unknown[]> {
  plan(args: A, ctx: PlanContext): PlanItem[];
  compute(args: A, replies: readonly Reply[], ctx: PlanContext): Cell | Table;
  /** Columns of a spilled result holding ISO day text that a host should turn into its dates. */
  dateColumns?: readonly number[];
}

/** The reply of plan item `i`, or throw its error (single-value functions need every reply). */
function body(replies: readonly Reply[], i: number): string {
  const r = replies[i];
  if (r instanceof SheetError) throw r;
  if (typeof r !== "string") throw new SheetError("na", "internal: a reply is missing");
  return r;
}

/** The FRED key for a direct plan (the proxy adds its own; a key argument is then not sent). */
function directKey(ctx: PlanContext, apiKey: string | undefined): string | undefined {
  return ctx.via === "direct" ? requireKey(ctx, apiKey) : undefined;
}

/** Observations + (for a series whose units this project does not know) `fred/series` for the unit rule. */
function fredPlan(id: string, window: FredOptions, ctx: PlanContext): PlanItem[] {
  const items: PlanItem[] = [fredObservationsRequest(id, { ...ctx, ...window })];
  if (KNOWN_UNITS[id] === undefined) items.push(fredSeriesRequest(id, { ...ctx, apiKey: window.apiKey }));
  return items;
}

/** Is this series in percent? From the known table, else from the `fred/series` reply (plan item 1). */
function percentOf(id: string, replies: readonly Reply[]): boolean {
  const units = KNOWN_UNITS[id] ?? parseFredSeriesInfo(body(replies, 1), id).units;
  return isPercentUnits(units);
}

/** FRED(series_id, [date], [api_key]). */
export const fredLive: LiveData<[seriesId: string, date: IsoDate | undefined, apiKey: string | undefined]> = {
  plan: ([series, date, apiKey], ctx) => fredPlan(seriesId(series), { ...LATEST_WINDOW, end: date, apiKey: directKey(ctx, apiKey) }, ctx),
  compute([series, date], replies) {
    const id = seriesId(series);
    const { observations } = parseFredObservations(body(replies, 0), id, percentOf(id, replies));
    const o = asOf(observations, date);
    if (o === undefined) throw new SheetError("na", `FRED ${id}: no observation ${date ? `on or before ${date}` : "in the reply (all missing)"}`);
    return tidy(o.value);
  },
};

/** The window of FRED_SERIES: `start` defaults to a year before `end` (or today). */
function seriesWindow(start: IsoDate | undefined, end: IsoDate | undefined, ctx: PlanContext): { start: IsoDate; end?: IsoDate } {
  const from = start ?? addMonths(end ?? ctx.today, -12);
  if (end !== undefined && from > end) invalid(`start ${from} is after end ${end}`);
  return { start: from, end };
}

/** FRED_SERIES(series_id, [start], [end], [api_key]). */
export const fredSeriesLive: LiveData<[seriesId: string, start: IsoDate | undefined, end: IsoDate | undefined, apiKey: string | undefined]> = {
  dateColumns: [0],
  plan([series, start, end, apiKey], ctx) {
    const window = seriesWindow(start, end, ctx);
    return fredPlan(seriesId(series), { ...window, sortOrder: "asc", apiKey: directKey(ctx, apiKey) }, ctx);
  },
  compute([series, start, end], replies, ctx) {
    const id = seriesId(series);
    const window = seriesWindow(start, end, ctx);
    const { observations } = parseFredObservations(body(replies, 0), id, percentOf(id, replies));
    const rows = observations.filter((o) => o.date >= window.start && (window.end === undefined || o.date <= window.end));
    if (rows.length === 0) throw new SheetError("na", `FRED ${id}: no observations from ${window.start} to ${window.end ?? "today"}`);
    return [["date", "value"], ...rows.map((o): Cell[] => [o.date, tidy(o.value)])];
  },
};

/** TIC_HOLDINGS(country, [month]). */
export const ticHoldingsLive: LiveData<[country: string, month: MonthKey | undefined]> = {
  plan: (_args, ctx) => [ticRequest(ctx)],
  compute: ([country, month], replies) => ticHoldings(parseTicTable5(body(replies, 0)), country, month),
};

/** TIC_CHANGE(country, months). */
export const ticChangeLive: LiveData<[country: string, months: number]> = {
  plan: (_args, ctx) => [ticRequest(ctx)],
  compute: ([country, months], replies) => ticChange(parseTicTable5(body(replies, 0)), country, months),
};

/** JGB_YIELD(tenor_years, [date]). */
export const jgbYieldLive: LiveData<[tenorYears: number, date: IsoDate | undefined]> = {
  plan: (_args, ctx) => mofRequests(ctx),
  compute: ([tenor, date], replies) => tidy(jgbYieldFromReplies(replies[0], replies[1], tenor, date).value),
};

/** CHECKPOINTS([api_key]). */
export const checkpointsLive: LiveData<[apiKey: string | undefined]> = {
  plan: ([apiKey], ctx) => checkpointsPlan(ctx, apiKey),
  compute: (_args, replies) => checkpoints(replies),
};

/** HEDGE_HISTORY(start, [end], [basis], [api_key]): the months are checked before anything is fetched. */
export const hedgeHistoryLive: LiveData<[start: MonthKey | undefined, end: MonthKey | undefined, basis: number, apiKey: string | undefined]> = {
  dateColumns: [0],
  plan: ([start, end, , apiKey], ctx) => hedgeHistoryPlan(hedgeHistoryMonths(start, end, ctx.today), ctx, apiKey),
  compute: ([start, end, basis], replies, ctx) => hedgeHistory({ ...hedgeHistoryMonths(start, end, ctx.today), basis }, replies, ctx.today),
};

/** JAPAN_FLOWS([weeks], [end], [series]). */
export const japanFlowsLive: LiveData<[weeks: number, end: IsoDate | undefined, series: string | undefined]> = {
  dateColumns: [0, 1],
  plan: (_args, ctx) => japanFlowsPlan(ctx),
  compute: ([weeks, end, series], replies) => japanFlows({ weeks: flowWeeks(weeks), end, series: flowSeries(series) }, replies),
};
