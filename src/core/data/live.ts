/**
 * The live functions of SPEC "Live checkpoints" as `plan → fetch → compute` pairs, pure:
 *
 *     const items = fn.plan(args, ctx);                   // DataRequest | SheetError, no I/O
 *     const replies = host fetches + caches the requests   // src/live: sync (Sheets) or async (Excel)
 *     const result = fn.compute(args, replies, ctx);      // parse + compute; throws a SheetError
 *
 * `args` are the raw arguments in SPEC order, as a host passes them (Excel `null`, Sheets `""`
 * for blanks, serials or `Date`s for dates). `compute` re-reads them, so a plan needs no state.
 */
import { SheetError, invalid } from "../errors";
import type { Cell, Table } from "../table";
import { readNumber, readTenor, readText } from "./args";
import { checkpoints, checkpointsPlan, LATEST_WINDOW } from "./checkpoints";
import { addMonths, readDate, readMonth } from "./dates";
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
import { jgbYieldFromReplies, mofRequests } from "./mof";
import type { PlanContext, PlanItem, Reply } from "./request";
import { asOf, tidy } from "./series";
import { parseTicTable5, ticChange, ticHoldings, ticRequest } from "./tic";

export type LiveName = "FRED" | "FRED_SERIES" | "TIC_HOLDINGS" | "TIC_CHANGE" | "JGB_YIELD" | "CHECKPOINTS";

/** A live function's computation; what users read about it (params, help) is in src/live/specs.ts. */
export interface LiveFunction {
  /** The formula name (SPEC). */
  name: LiveName;
  /** Argument count in SPEC order (all optional after the required ones; see specs.ts). */
  arity: number;
  result: "cell" | "table";
  /** Columns of a spilled result holding ISO day text that a host should turn into its dates. */
  dateColumns?: readonly number[];
  plan(args: readonly unknown[], ctx: PlanContext): PlanItem[];
  compute(args: readonly unknown[], replies: readonly Reply[], ctx: PlanContext): Cell | Table;
}

/** The reply of plan item `i`, or throw its error (single-value functions need every reply). */
function body(replies: readonly Reply[], i: number): string {
  const r = replies[i];
  if (r instanceof SheetError) throw r;
  if (typeof r !== "string") throw new SheetError("na", "internal: a reply is missing");
  return r;
}

/** The FRED key for a direct plan (the proxy adds its own; a key argument is then not sent). */
function directKey(ctx: PlanContext, apiKeyArg: unknown): string | undefined {
  return ctx.via === "direct" ? requireKey(ctx, readText(apiKeyArg, "api_key")) : undefined;
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

const FRED: LiveFunction = {
  name: "FRED",
  arity: 3,
  result: "cell",
  plan(args, ctx) {
    const id = seriesId(readText(args[0], "series_id", true));
    const date = readDate(args[1], "date");
    const apiKey = directKey(ctx, args[2]);
    return fredPlan(id, { ...LATEST_WINDOW, end: date, apiKey }, ctx);
  },
  compute(args, replies) {
    const id = seriesId(readText(args[0], "series_id", true));
    const date = readDate(args[1], "date");
    const { observations } = parseFredObservations(body(replies, 0), id, percentOf(id, replies));
    const o = asOf(observations, date);
    if (o === undefined) throw new SheetError("na", `FRED ${id}: no observation ${date ? `on or before ${date}` : "in the reply (all missing)"}`);
    return tidy(o.value);
  },
};

const FRED_SERIES: LiveFunction = {
  name: "FRED_SERIES",
  arity: 4,
  result: "table",
  dateColumns: [0],
  plan(args, ctx) {
    const id = seriesId(readText(args[0], "series_id", true));
    const { start, end } = seriesWindow(args, ctx);
    const apiKey = directKey(ctx, args[3]);
    return fredPlan(id, { start, end, sortOrder: "asc", apiKey }, ctx);
  },
  compute(args, replies, ctx) {
    const id = seriesId(readText(args[0], "series_id", true));
    const { start, end } = seriesWindow(args, ctx);
    const { observations } = parseFredObservations(body(replies, 0), id, percentOf(id, replies));
    const rows = observations.filter((o) => o.date >= start && (end === undefined || o.date <= end));
    if (rows.length === 0) throw new SheetError("na", `FRED ${id}: no observations from ${start} to ${end ?? "today"}`);
    return [["date", "value"], ...rows.map((o): Cell[] => [o.date, tidy(o.value)])];
  },
};

function seriesWindow(args: readonly unknown[], ctx: PlanContext): { start: string; end?: string } {
  const end = readDate(args[2], "end");
  const start = readDate(args[1], "start") ?? addMonths(end ?? ctx.today, -12);
  if (end !== undefined && start > end) invalid(`start ${start} is after end ${end}`);
  return { start, end };
}

const TIC_HOLDINGS: LiveFunction = {
  name: "TIC_HOLDINGS",
  arity: 2,
  result: "cell",
  plan: (args, ctx) => {
    readText(args[0], "country", true);
    readMonth(args[1], "month");
    return [ticRequest(ctx)];
  },
  compute: (args, replies) => ticHoldings(parseTicTable5(body(replies, 0)), readText(args[0], "country", true), readMonth(args[1], "month")),
};

const TIC_CHANGE: LiveFunction = {
  name: "TIC_CHANGE",
  arity: 2,
  result: "cell",
  plan: (args, ctx) => {
    readText(args[0], "country", true);
    readNumber(args[1], "months");
    return [ticRequest(ctx)];
  },
  compute: (args, replies) => ticChange(parseTicTable5(body(replies, 0)), readText(args[0], "country", true), readNumber(args[1], "months")!),
};

const JGB_YIELD: LiveFunction = {
  name: "JGB_YIELD",
  arity: 2,
  result: "cell",
  plan: (args, ctx) => {
    readTenor(args[0], "tenor_years");
    readDate(args[1], "date");
    return mofRequests(ctx);
  },
  compute: (args, replies) => tidy(jgbYieldFromReplies(replies[0], replies[1], readTenor(args[0], "tenor_years"), readDate(args[1], "date")).value),
};

const CHECKPOINTS: LiveFunction = {
  name: "CHECKPOINTS",
  arity: 1,
  result: "table",
  plan: (args, ctx) => checkpointsPlan(ctx, readText(args[0], "api_key")),
  compute: (_args, replies) => checkpoints(replies),
};

export const LIVE_FUNCTIONS: readonly LiveFunction[] = [FRED, FRED_SERIES, TIC_HOLDINGS, TIC_CHANGE, JGB_YIELD, CHECKPOINTS];

export function findLive(name: string): LiveFunction | undefined {
  return LIVE_FUNCTIONS.find((f) => f.name === name.toUpperCase());
}
