/**
 * `JAPAN_FLOWS([weeks=13], [end], [series="foreign_bonds"], [refresh])`: Japan's weekly marginal bid from the
 * MoF weekly "International Transactions in Securities" (designated major investors), in JPY bn
 * (the file's 100 million yen ÷ 10; plus = net purchases). Spills
 * `week_start, week_end, <series>, sum_4w, sum_13w` for the last `weeks` weeks whose end is on or
 * before `end`, oldest first. The rolling sums cover the weeks ending at each row, reaching back
 * before the first row shown, and are blank until the file holds enough weeks.
 */
import { SheetError, invalid, show } from "../core/errors";
import type { Cell, Table } from "../core/table";
import { type IsoDate, dayNumber } from "../core/dates";
import { fileRequest } from "../sources/file";
import { oku100ToBn } from "../sources/mofFlows/common";
import { type FlowWeek, MOF_WEEK, MOF_WEEK_LABEL, WEEK_COLUMNS } from "../sources/mofFlows/weekly";
import type { PlanContext, PlanItem, Reply } from "../sources/request";
import { tidy } from "../sources/series";
import { type LiveData, parsed } from "./liveData";

/** The series a user can ask for: the file column and what it is. */
export const FLOW_SERIES = {
  foreign_bonds: { column: WEEK_COLUMNS.assets.longTermDebt[2], what: "residents' net purchases of foreign long-term debt securities (the note's bid)" },
  foreign_equity: { column: WEEK_COLUMNS.assets.equity[2], what: "residents' net purchases of foreign equity and investment fund shares" },
  foreign_total: { column: WEEK_COLUMNS.assets.total, what: "residents' net purchases of all foreign securities, short-term debt included" },
  japan_bonds: { column: WEEK_COLUMNS.liabilities.longTermDebt[2], what: "non-residents' net purchases of Japanese long-term debt securities" },
} as const;

export type FlowSeries = keyof typeof FLOW_SERIES;

export const DEFAULT_FLOW_WEEKS = 13;
export const MAX_FLOW_WEEKS = 2000;

/** The rolling windows, in weeks, and their column names. */
const WINDOWS = [
  [4, "sum_4w"],
  [13, "sum_13w"],
] as const;

export interface JapanFlowsArgs {
  weeks: number;
  /** Weeks ending after this day are left out; undefined: up to the latest. */
  end?: IsoDate;
  series: FlowSeries;
}

/** A series name as typed (any case, spaces around) → its key; blank → the default; unknown → `#VALUE!` listing the names. */
export function flowSeries(raw: string | undefined): FlowSeries {
  const key = (raw ?? "").trim().toLowerCase();
  if (key === "") return "foreign_bonds";
  if (Object.prototype.hasOwnProperty.call(FLOW_SERIES, key)) return key as FlowSeries;
  return invalid(`series = ${show(raw)} is not one of ${Object.keys(FLOW_SERIES).map((k) => `"${k}"`).join(", ")}`);
}

/** `weeks`: a whole number from 1 to 2,000. */
export function flowWeeks(weeks: number): number {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_FLOW_WEEKS) invalid(`weeks = ${show(weeks)} must be a whole number of weeks from 1 to ${MAX_FLOW_WEEKS}`);
  return weeks;
}

/** One request: the weekly file. */
export function japanFlowsPlan(ctx: PlanContext): PlanItem[] {
  return [fileRequest(ctx, MOF_WEEK)];
}

/** The value of a week in JPY bn, or null when the file has no number there. */
function bn(w: FlowWeek, column: number): number | null {
  const v = w.values[column];
  return v === null || v === undefined ? null : oku100ToBn(v);
}

/**
 * The sum of `n` weeks ending with week `i`: blank while the file holds fewer than `n` weeks up to
 * it or when one of them has no number; `#N/A` when the weeks are not consecutive (a week missing
 * from the file would make a "13-week" sum cover 14).
 */
function rollingSum(all: readonly FlowWeek[], i: number, n: number, column: number): Cell {
  if (i + 1 < n) return "";
  let sum = 0;
  let blank = false;
  for (let k = i - n + 1; k <= i; k++) {
    if (k > i - n + 1 && dayNumber(all[k].start) - dayNumber(all[k - 1].end) !== 1) {
      return new SheetError("na", `${MOF_WEEK_LABEL}: the ${n} weeks ending ${all[i].end} are not consecutive in the file (nothing between ${all[k - 1].end} and ${all[k].start})`);
    }
    const v = bn(all[k], column);
    if (v === null) blank = true;
    else sum += v;
  }
  return blank ? "" : tidy(sum);
}

/** The table's header: the week, the series, the rolling sums. */
export const flowsHeader = (series: FlowSeries): string[] => ["week_start", "week_end", series, ...WINDOWS.map(([, name]) => name)];

/** The table from the parsed weeks (oldest first). */
export function japanFlowsTable(args: JapanFlowsArgs, all: readonly FlowWeek[]): Table {
  const { column } = FLOW_SERIES[args.series];
  let last = all.length - 1;
  if (args.end !== undefined) {
    while (last >= 0 && all[last].end > args.end) last--;
    if (last < 0) throw new SheetError("na", `${MOF_WEEK_LABEL}: no week ends on or before ${args.end}: the file starts with the week ending ${all[0]?.end}`);
  }
  const first = Math.max(0, last - args.weeks + 1);
  const out: Table = [flowsHeader(args.series)];
  for (let i = first; i <= last; i++) {
    const w = all[i];
    const v = bn(w, column);
    out.push([w.start, w.end, v === null ? "" : v, ...WINDOWS.map(([n]) => rollingSum(all, i, n, column))]);
  }
  return out;
}

/** `JAPAN_FLOWS` from the reply of `japanFlowsPlan`: a failing file is the whole result's error. */
export function japanFlows(args: JapanFlowsArgs, replies: readonly Reply[]): Table {
  return japanFlowsTable(args, parsed<FlowWeek[]>(replies, 0));
}

/** JAPAN_FLOWS([weeks], [end], [series]). */
export const japanFlowsLive: LiveData<[weeks: number, end: IsoDate | undefined, series: string | undefined]> = {
  plan: (_args, ctx) => japanFlowsPlan(ctx),
  compute: ([weeks, end, series], replies) => japanFlows({ weeks: flowWeeks(weeks), end, series: flowSeries(series) }, replies),
};
