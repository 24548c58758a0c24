/**
 * `HEDGE_HISTORY(start, [end], [basis=0], [api_key], [refresh])`: the note's hedged-yield comparison and
 * Japan's Treasury holdings, month by month. One row per month from `start` to `end` (default: the
 * last complete calendar month), oldest first:
 *
 *     month  us_10y  us_3m  jp_short  hedge_cost  hedged_ust  jgb_10y  jgb_advantage  japan_holdings_bn  japan_change_12m_bn
 *
 * - `month` is the month's last day (ISO; a host writes it as a date).
 * - Rates are the last observation within the month, never carried from an earlier month: US 10y
 *   FRED DGS10, US 3-month FRED DGS3MO, `jp_short` the MoF 1-year JGB (the same JPY leg as
 *   CHECKPOINTS), JGB 10y MoF. A month without one is `""` there and in every cell computed from it.
 * - `hedge_cost = us_3m − jp_short − basis`, `hedged_ust = us_10y − hedge_cost`,
 *   `jgb_advantage = jgb_10y − hedged_ust` (the note's §3.1 model, fully hedged).
 * - Holdings: TIC "Major Foreign Holders", row Japan, from the history `mfhhis01.txt` joined with
 *   `slt_table5.txt` (which wins where both have a month); `""` where a month is not published.
 * - A source that fails spoils only the cells it would have filled (and those computed from them),
 *   with the `#N/A` that names it; the other columns stand.
 */
import { SheetError, attempt, invalid } from "../core/errors";
import { hedgeCost } from "../core/hedging/hedgeCost";
import { hedgedUst, jgbAdvantage } from "../core/hedging/hedgedUst";
import type { Cell, Table } from "../core/table";
import { type IsoDate, type MonthKey, addMonthsToKey, daysInMonth, monthOf } from "../core/dates";
import { fileRequest } from "../sources/file";
import { type FredObservations, directKey, fredObservationsRequest, percentToDecimal } from "../sources/fred";
import { type JgbCurve, jgbSeries, mofRequests } from "../sources/mofCurve";
import type { PlanContext, PlanItem, Reply } from "../sources/request";
import { dataChange, lastInEachMonth, tidy } from "../sources/series";
import { TIC_HISTORY, type TicHistory, ticHistoryRow } from "../sources/tic/history";
import { TIC_TABLE5, type TicTable, ticRow } from "../sources/tic/table5";
import type { LiveData } from "./liveData";

export const HEDGE_HISTORY_HEADER = [
  "month",
  "us_10y",
  "us_3m",
  "jp_short",
  "hedge_cost",
  "hedged_ust",
  "jgb_10y",
  "jgb_advantage",
  "japan_holdings_bn",
  "japan_change_12m_bn",
] as const;

/** FRED series of the table, in plan order (both percent: decimals in the table). */
export const HEDGE_HISTORY_FRED = ["DGS10", "DGS3MO"] as const;
/** MoF tenors (years) of the JPY short leg and the JGB 10y. */
export const JP_SHORT_TENOR = 1;
export const JGB_LONG_TENOR = 10;
export const HEDGE_HISTORY_COUNTRY = "Japan";

export interface HedgeHistoryArgs {
  start: MonthKey;
  end: MonthKey;
  /** Cross-currency basis added to the JPY leg, decimal. */
  basis: number;
}

/** `YYYY-MM` → its last day. */
export function monthEnd(month: MonthKey): IsoDate {
  return `${month}-${daysInMonth(+month.slice(0, 4), +month.slice(5, 7))}`;
}

/** The months asked for: `end` defaults to the last complete calendar month; `start` after `end`, or `end` after this month, is `#VALUE!`. */
export function hedgeHistoryMonths(start: MonthKey | undefined, end: MonthKey | undefined, today: IsoDate): { start: MonthKey; end: MonthKey } {
  if (start === undefined) invalid('start is required: the first month, as a date or text like "2024-06"');
  const thisMonth = monthOf(today);
  const last = end ?? addMonthsToKey(thisMonth, -1);
  if (last > thisMonth) invalid(`end = ${last} is after this month (${thisMonth}): there are no observations yet`);
  if (start > last) invalid(`start ${start} is after end ${last}`);
  return { start, end: last };
}

/**
 * The requests, in this order: DGS10, DGS3MO (observations over the months asked, oldest first),
 * MoF current month, MoF history, TIC history (`mfhhis01.txt`), TIC `slt_table5.txt`. Without a
 * FRED key (direct mode) the FRED items are the `#N/A` that says how to set one.
 */
export function hedgeHistoryPlan(months: { start: MonthKey; end: MonthKey }, ctx: PlanContext, apiKey?: string): PlanItem[] {
  const key = directKey(ctx, apiKey);
  const window = { start: `${months.start}-01`, end: monthEnd(months.end), sortOrder: "asc" as const };
  const fred = HEDGE_HISTORY_FRED.map((id) => (key instanceof SheetError ? key : fredObservationsRequest(id, { ...ctx, ...window, apiKey: key })));
  return [...fred, ...mofRequests(ctx), fileRequest(ctx, TIC_HISTORY), fileRequest(ctx, TIC_TABLE5)];
}

/** The parsed sources; each may be the error of its file. */
export interface HedgeHistoryInputs {
  us10y: Map<MonthKey, number> | SheetError;
  us3m: Map<MonthKey, number> | SheetError;
  mofCurrent: JgbCurve | SheetError;
  mofHistory: JgbCurve | SheetError;
  ticHistory: TicHistory | SheetError;
  table5: TicTable | SheetError;
}

/** A FRED percent series' last observation of each month, as a decimal. */
export function monthlyPercent(reply: Reply): Map<MonthKey, number> | SheetError {
  if (reply instanceof SheetError) return reply;
  const out = new Map<MonthKey, number>();
  lastInEachMonth((reply as FredObservations).observations).forEach((v, m) => out.set(m, percentToDecimal(v)));
  return out;
}

/** The parsed replies of `hedgeHistoryPlan` (same order). */
export function hedgeHistoryInputs(replies: readonly Reply[]): HedgeHistoryInputs {
  return {
    us10y: monthlyPercent(replies[0]),
    us3m: monthlyPercent(replies[1]),
    mofCurrent: replies[2] as Reply<JgbCurve>,
    mofHistory: replies[3] as Reply<JgbCurve>,
    ticHistory: replies[4] as Reply<TicHistory>,
    table5: replies[5] as Reply<TicTable>,
  };
}

/** One file's values by month, and which months it could hold (for a file that failed: whose cells get its error). */
interface Vintage {
  values: Map<MonthKey, number | null> | SheetError;
  covers: (month: MonthKey) => boolean;
}

/**
 * A month from an older and a newer file: the newer one's number wins; a month neither has is
 * `""` (not published), unless a file that failed could have held it: then that file's error.
 */
function fromVintages(month: MonthKey, older: Vintage, newer: Vintage): Cell {
  for (const f of [newer, older]) {
    if (f.values instanceof SheetError) continue;
    const v = f.values.get(month);
    if (v !== undefined) return v === null ? "" : v;
  }
  for (const f of [older, newer]) if (f.values instanceof SheetError && f.covers(month)) return f.values;
  return "";
}

/** A cell computed from others: the first error among them, else `""` if one is blank, else the tidied value. */
export function derived(cells: readonly Cell[], f: (x: readonly number[]) => number): Cell {
  const err = cells.find((c): c is SheetError => c instanceof SheetError);
  if (err) return err;
  if (cells.some((c) => typeof c !== "number")) return "";
  return tidy(f(cells as number[]));
}

export const monthly = (source: Map<MonthKey, number> | SheetError, month: MonthKey): Cell => (source instanceof SheetError ? source : (source.get(month) ?? ""));

/** A tenor of the MoF curve by month: the history to last month, the current-month file for this month. */
function jgbColumn(inp: Pick<HedgeHistoryInputs, "mofCurrent" | "mofHistory">, tenor: number, thisMonth: MonthKey): (month: MonthKey) => Cell {
  const months = (c: JgbCurve | SheetError) => (c instanceof SheetError ? c : attempt(() => lastInEachMonth(jgbSeries(c, tenor))));
  const older: Vintage = { values: months(inp.mofHistory), covers: (m) => m < thisMonth };
  const newer: Vintage = { values: months(inp.mofCurrent), covers: (m) => m >= thisMonth };
  return (month) => fromVintages(month, older, newer);
}

/** Japan's holdings by month: the history, then `slt_table5` (newer, wins where both have a month). */
function holdingsColumn(inp: HedgeHistoryInputs): (month: MonthKey) => Cell {
  const { ticHistory: hist, table5: t5 } = inp;
  const byMonth = (t: TicTable) => {
    const row = ticRow(t, HEDGE_HISTORY_COUNTRY);
    return new Map(t.months.map((m, k) => [m, row.values[k]]));
  };
  const first = t5 instanceof SheetError ? undefined : t5.months[t5.months.length - 1];
  const last = hist instanceof SheetError ? undefined : hist.months[hist.months.length - 1];
  const older: Vintage = {
    values: hist instanceof SheetError ? hist : attempt(() => ticHistoryRow(hist, HEDGE_HISTORY_COUNTRY).values),
    covers: (m) => first === undefined || m < first,
  };
  const newer: Vintage = { values: t5 instanceof SheetError ? t5 : attempt(() => byMonth(t5)), covers: (m) => last === undefined || m > last };
  return (month) => fromVintages(month, older, newer);
}

/** The rate cells of a month, shared with CHAIN_HISTORY (so that its columns equal these). */
export interface MonthRates {
  us10: Cell;
  us3m: Cell;
  jpShort: Cell;
  hedgeCost: Cell;
  hedgedUst: Cell;
  jgb10: Cell;
  jgbAdvantage: Cell;
}

/** The rate cells by month from parsed sources. `today` (the host's) decides which MoF file holds a month. */
export function monthRates(inp: Pick<HedgeHistoryInputs, "us10y" | "us3m" | "mofCurrent" | "mofHistory">, basis: number, today: IsoDate): (month: MonthKey) => MonthRates {
  const thisMonth = monthOf(today);
  const jpShort = jgbColumn(inp, JP_SHORT_TENOR, thisMonth);
  const jgb10 = jgbColumn(inp, JGB_LONG_TENOR, thisMonth);
  return (m) => {
    const us10 = monthly(inp.us10y, m);
    const us3m = monthly(inp.us3m, m);
    const jp = jpShort(m);
    const jgb = jgb10(m);
    return {
      us10,
      us3m,
      jpShort: jp,
      hedgeCost: derived([us3m, jp], ([a, b]) => hedgeCost(a, b, basis)),
      hedgedUst: derived([us10, us3m, jp], ([u, a, b]) => hedgedUst(u, a, b, basis)),
      jgb10: jgb,
      jgbAdvantage: derived([jgb, us10, us3m, jp], ([j, u, a, b]) => jgbAdvantage(j, u, a, b, basis)),
    };
  };
}

/** The table from parsed sources. */
export function hedgeHistoryTable(args: HedgeHistoryArgs, inp: HedgeHistoryInputs, today: IsoDate): Table {
  const rates = monthRates(inp, args.basis, today);
  const holdings = holdingsColumn(inp);
  const out: Table = [[...HEDGE_HISTORY_HEADER]];
  for (let m = args.start; m <= args.end; m = addMonthsToKey(m, 1)) {
    const r = rates(m);
    const held = holdings(m);
    out.push([
      monthEnd(m),
      r.us10,
      r.us3m,
      r.jpShort,
      r.hedgeCost,
      r.hedgedUst,
      r.jgb10,
      r.jgbAdvantage,
      held,
      derived([held, holdings(addMonthsToKey(m, -12))], ([now, before]) => dataChange(now, before)),
    ]);
  }
  return out;
}

/** `HEDGE_HISTORY` from the replies of `hedgeHistoryPlan`. */
export function hedgeHistory(args: HedgeHistoryArgs, replies: readonly Reply[], today: IsoDate): Table {
  return hedgeHistoryTable(args, hedgeHistoryInputs(replies), today);
}

/** HEDGE_HISTORY(start, [end], [basis], [api_key]): the months are checked before anything is fetched. */
export const hedgeHistoryLive: LiveData<[start: MonthKey | undefined, end: MonthKey | undefined, basis: number, apiKey: string | undefined]> = {
  plan: ([start, end, , apiKey], ctx) => hedgeHistoryPlan(hedgeHistoryMonths(start, end, ctx.today), ctx, apiKey),
  compute: ([start, end, basis], replies, ctx) => hedgeHistory({ ...hedgeHistoryMonths(start, end, ctx.today), basis }, replies, ctx.today),
};
