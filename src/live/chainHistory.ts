/**
 * `CHAIN_HISTORY(start, [end], [basis=0], [api_key], [refresh])`: the monthly panel the chain is
 * calibrated on (SPEC "The chain on history"), one row per month, oldest first:
 *
 *     month  jp_short  jgb_10y  us_3m  us_10y  usdjpy  hedged_ust  jgb_advantage  japan_bond_buying_bn  term_premium_10y
 *
 * - The rate columns are HEDGE_HISTORY's, computed by the same code (`monthRates`).
 * - `usdjpy`: FRED DEXJPUS, the last observation within the month, as published (JPY per USD).
 * - `japan_bond_buying_bn`: MoF `montha1.csv`, residents' net purchases of foreign long-term debt
 *   (100 million yen), in USD bn at that month's `usdjpy`: value / (10 · usdjpy). The file's
 *   placeholder rows for future months are missing data (`""`), never 0.
 * - `term_premium_10y`: FRED THREEFYTP10 (Kim–Wright), the last observation within the month, decimal.
 * - A source without an observation in a month gives `""` there and in every cell computed from it;
 *   a source that fails gives its `#N/A` in the cells it would have filled.
 */
import { SheetError, attempt } from "../core/errors";
import type { Cell, Table } from "../core/table";
import type { MonthKey } from "../core/dates";
import { addMonthsToKey } from "../core/dates";
import { fileRequest } from "../sources/file";
import { type FredObservations, directKey, fredObservationsRequest } from "../sources/fred";
import { mofRequests } from "../sources/mofCurve";
import { type FlowMonth, MOF_MONTH, MONTH_COLUMNS, monthlySeries } from "../sources/mofFlows/monthly";
import type { PlanContext, PlanItem, Reply } from "../sources/request";
import { lastInEachMonth, tidy } from "../sources/series";
import type { JgbCurve } from "../sources/mofCurve";
import { type HedgeHistoryArgs, derived, hedgeHistoryMonths, monthEnd, monthRates, monthly, monthlyPercent } from "./hedgeHistory";
import type { LiveData } from "./liveData";

export const CHAIN_HISTORY_HEADER = [
  "month",
  "jp_short",
  "jgb_10y",
  "us_3m",
  "us_10y",
  "usdjpy",
  "hedged_ust",
  "jgb_advantage",
  "japan_bond_buying_bn",
  "term_premium_10y",
] as const;

/** FRED series, in plan order: HEDGE_HISTORY's two, then the yen and the term premium. */
export const CHAIN_HISTORY_FRED = ["DGS10", "DGS3MO", "DEXJPUS", "THREEFYTP10"] as const;

/** The net column of Japan's bond buying: assets (residents' purchases abroad), long-term debt, net. */
export const JAPAN_BOND_BUYING_COLUMN = MONTH_COLUMNS.assets.longTermDebt[2];

/** Requests in this order: the four FRED series (observations over the months, oldest first), MoF current, MoF history, MoF monthly flows. */
export function chainHistoryPlan(months: { start: MonthKey; end: MonthKey }, ctx: PlanContext, apiKey?: string): PlanItem[] {
  const key = directKey(ctx, apiKey);
  const window = { start: `${months.start}-01`, end: monthEnd(months.end), sortOrder: "asc" as const };
  const fred = CHAIN_HISTORY_FRED.map((id) => (key instanceof SheetError ? key : fredObservationsRequest(id, { ...ctx, ...window, apiKey: key })));
  return [...fred, ...mofRequests(ctx), fileRequest(ctx, MOF_MONTH)];
}

/** A FRED series' last observation of each month, as published. */
function monthlyLevel(reply: Reply): Map<MonthKey, number> | SheetError {
  if (reply instanceof SheetError) return reply;
  return lastInEachMonth((reply as FredObservations).observations);
}

/** The table from the replies of `chainHistoryPlan`. `today` (the host's) decides which MoF curve file holds a month. */
export function chainHistory(args: HedgeHistoryArgs, replies: readonly Reply[], today: string): Table {
  const rates = monthRates(
    { us10y: monthlyPercent(replies[0]), us3m: monthlyPercent(replies[1]), mofCurrent: replies[4] as Reply<JgbCurve>, mofHistory: replies[5] as Reply<JgbCurve> },
    args.basis,
    today,
  );
  const usdjpy = monthlyLevel(replies[2]);
  const termPremium = monthlyPercent(replies[3]);
  const flows = replies[6] instanceof SheetError ? replies[6] : attempt(() => monthlySeries(replies[6] as FlowMonth[], JAPAN_BOND_BUYING_COLUMN));
  const out: Table = [[...CHAIN_HISTORY_HEADER]];
  for (let m = args.start; m <= args.end; m = addMonthsToKey(m, 1)) {
    const r = rates(m);
    const yen = monthly(usdjpy, m);
    const buying: Cell = derived([monthly(flows, m), yen], ([oku, fx]) => tidy(oku / (10 * fx)));
    out.push([monthEnd(m), r.jpShort, r.jgb10, r.us3m, r.us10, yen, r.hedgedUst, r.jgbAdvantage, buying, monthly(termPremium, m)]);
  }
  return out;
}

/** CHAIN_HISTORY(start, [end], [basis], [api_key]): the months are checked before anything is fetched. */
export const chainHistoryLive: LiveData<[start: MonthKey | undefined, end: MonthKey | undefined, basis: number, apiKey: string | undefined]> = {
  plan: ([start, end, , apiKey], ctx) => chainHistoryPlan(hedgeHistoryMonths(start, end, ctx.today), ctx, apiKey),
  compute: ([start, end, basis], replies, ctx) => chainHistory({ ...hedgeHistoryMonths(start, end, ctx.today), basis }, replies, ctx.today),
};
