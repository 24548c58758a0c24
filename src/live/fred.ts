/** `FRED(series_id, [date], [api_key])` and `FRED_SERIES(series_id, [start], [end], [api_key])`. */
import { SheetError, invalid } from "../core/errors";
import { type IsoDate, addMonths } from "../core/dates";
import type { Cell } from "../core/table";
import {
  type FredObservations,
  type FredOptions,
  type FredSeriesInfo,
  KNOWN_UNITS,
  directKey,
  fredObservationsRequest,
  fredSeriesRequest,
  isPercentUnits,
  percentToDecimal,
  seriesId,
} from "../sources/fred";
import type { PlanContext, PlanItem, Reply } from "../sources/request";
import { asOf, tidy } from "../sources/series";
import { type LiveData, parsed } from "./liveData";

/** The FRED observation window that `FRED()` and `CHECKPOINTS` share (one cache entry per series): the latest 60. */
export const LATEST_WINDOW = { sortOrder: "desc", limit: 60 } as const;

/** The key a direct plan needs, or throw the `#N/A` that says how to set one (the proxy adds its own). */
function keyFor(ctx: PlanContext, apiKey: string | undefined): string | undefined {
  const key = directKey(ctx, apiKey);
  if (key instanceof SheetError) throw key;
  return key;
}

/** Observations + (for a series whose units this project does not know) `fred/series` for the unit rule. */
function fredPlan(id: string, window: FredOptions, ctx: PlanContext): PlanItem[] {
  const items: PlanItem[] = [fredObservationsRequest(id, { ...ctx, ...window })];
  if (KNOWN_UNITS[id] === undefined) items.push(fredSeriesRequest(id, { ...ctx, apiKey: window.apiKey }));
  return items;
}

/** A value in the unit rule: from the known table, else from the `fred/series` reply (plan item 1). */
function unitRule(id: string, replies: readonly Reply[]): (x: number) => number {
  const units = KNOWN_UNITS[id] ?? parsed<FredSeriesInfo>(replies, 1).units;
  return isPercentUnits(units) ? percentToDecimal : (x) => x;
}

export const fredLive: LiveData<[seriesId: string, date: IsoDate | undefined, apiKey: string | undefined]> = {
  plan: ([series, date, apiKey], ctx) => fredPlan(seriesId(series), { ...LATEST_WINDOW, end: date, apiKey: keyFor(ctx, apiKey) }, ctx),
  compute([series, date], replies) {
    const id = seriesId(series);
    const o = asOf(parsed<FredObservations>(replies, 0).observations, date);
    if (o === undefined) throw new SheetError("na", `FRED ${id}: no observation ${date ? `on or before ${date}` : "in the reply (all missing)"}`);
    return tidy(unitRule(id, replies)(o.value));
  },
};

/** The window of FRED_SERIES: `start` defaults to a year before `end` (or today). */
function seriesWindow(start: IsoDate | undefined, end: IsoDate | undefined, ctx: PlanContext): { start: IsoDate; end?: IsoDate } {
  const from = start ?? addMonths(end ?? ctx.today, -12);
  if (end !== undefined && from > end) invalid(`start ${from} is after end ${end}`);
  return { start: from, end };
}

export const fredSeriesLive: LiveData<[seriesId: string, start: IsoDate | undefined, end: IsoDate | undefined, apiKey: string | undefined]> = {
  plan([series, start, end, apiKey], ctx) {
    return fredPlan(seriesId(series), { ...seriesWindow(start, end, ctx), sortOrder: "asc", apiKey: keyFor(ctx, apiKey) }, ctx);
  },
  compute([series, start, end], replies, ctx) {
    const id = seriesId(series);
    const window = seriesWindow(start, end, ctx);
    const unit = unitRule(id, replies);
    const rows = parsed<FredObservations>(replies, 0).observations.filter((o) => o.date >= window.start && (window.end === undefined || o.date <= window.end));
    if (rows.length === 0) throw new SheetError("na", `FRED ${id}: no observations from ${window.start} to ${window.end ?? "today"}`);
    return [["date", "value"], ...rows.map((o): Cell[] => [o.date, tidy(unit(o.value))])];
  },
};
