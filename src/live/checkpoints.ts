/**
 * `CHECKPOINTS([api_key])`: the note's §6 "what to watch" panel from live data.
 *
 * Series used (documented in the docs and in each row's `watch` text):
 * - US 10y: FRED DGS10 (10-year Treasury constant maturity, daily, percent → decimal)
 * - 10y term premium: FRED THREEFYTP10 (Kim–Wright, daily, percent → decimal)
 * - USD/JPY: FRED DEXJPUS (JPY per USD, noon buying rate, daily, as published)
 * - JGB 10y: Japan MoF benchmark curve, 10Y (daily)
 * - hedged UST: the note's model (§3.1) `DGS10 − (DGS3MO − JGB 1Y)`: the US 3-month T-bill (FRED
 *   DGS3MO, daily) for the USD leg and the MoF JGB 1-year for the JPY leg. The JGB 1Y is the shortest
 *   daily JPY rate among the sources (the OECD monthly call rate IRSTCI01JPM156N lags a month or
 *   two, too slow after a BOJ move); it comes from the same file as the JGB 10y, so no extra request.
 *   Its date is the oldest of the three latest dates, so the three legs are never from different days
 *   when one source is late.
 * - Japan's holdings and their 12-month change: TIC table 5, row "Japan" (USD bn, 2-month lag)
 * - scenario: `SCENARIO` of the live US 10y (note §6.3)
 *
 * Columns: `latest` (decimals for rates, JPY per USD, USD bn, a letter for the scenario), `as_of`
 * (ISO text: `YYYY-MM-DD`, or `YYYY-MM` for the monthly TIC table), `change_1m` (latest minus the
 * last value on or before the same day a month earlier; TIC: minus the previous month), `watch`.
 * A source that fails spoils only its own rows' cells, with the `#N/A` that says why.
 */
import { SheetError, attempt } from "../core/errors";
import { hedgedUst } from "../core/hedging/hedgedUst";
import { scenario } from "../core/scenarios/scenario";
import type { Cell, Table } from "../core/table";
import { type IsoDate, addMonths } from "../core/dates";
import { fileRequest } from "../sources/file";
import { type FredObservations, directKey, fredObservationsRequest, inUnits } from "../sources/fred";
import { type JgbCurve, jgbCurveFromReplies, jgbSeries, mofRequests } from "../sources/mofCurve";
import type { PlanContext, PlanItem, Reply } from "../sources/request";
import { type Observation, asOf, dataChange, monthBefore, onOrBefore, tidy } from "../sources/series";
import { TIC_TABLE5, type TicTable, ticChange, ticHoldings } from "../sources/tic/table5";
import { LATEST_WINDOW } from "./fred";
import type { LiveData } from "./liveData";

export const CHECKPOINT_HEADER = ["indicator", "latest", "as_of", "change_1m", "watch"] as const;

/** The FRED series of the panel, in plan order; all four are percent except DEXJPUS. */
export const CHECKPOINT_FRED = [
  { id: "DGS10", percent: true },
  { id: "THREEFYTP10", percent: true },
  { id: "DEXJPUS", percent: false },
  { id: "DGS3MO", percent: true },
] as const;

/** The TIC row the panel reads. */
export const CHECKPOINT_COUNTRY = "Japan";

/** What the note says about each indicator (§6.1–§6.3, §3.1, §1). */
export const WATCH = {
  us_10y: "the most direct readout; 4.5% and 5.0% switch the scenario (note §6.2, §6.3)",
  term_premium_10y: "Kim–Wright 10y term premium (FRED THREEFYTP10): close to 100bp is dangerous (note §6.2)",
  usd_jpy: "JPY strength raises the hedge burden for Japanese investors (note §6.1)",
  jgb_10y: "higher JGB = lower post-hedge UST appeal (note §6.1)",
  hedged_ust_10y: "DGS10 − (DGS3MO − MoF JGB 1Y), fully hedged; below the JGB 10y the JGB wins (note §3.1)",
  japan_holdings_bn: "TIC: hard data on Japanese buying / selling, 2-month lag (note §6.2)",
  japan_holdings_change_12m_bn: "below 0: Japan is no longer adding (note §1)",
  scenario: "A below 4.5%, B 4.5–5.0%, C from 5.0% (note §6.3)",
} as const;

/**
 * The panel's requests, in this order: DGS10, THREEFYTP10, DEXJPUS, DGS3MO, TIC table 5, MoF current
 * month, MoF history. Without a FRED key (direct mode) the FRED items are the `#N/A` that says how to
 * set one, and the other rows still fill.
 */
export function checkpointsPlan(ctx: PlanContext, apiKey?: string): PlanItem[] {
  const key = directKey(ctx, apiKey);
  const fred = CHECKPOINT_FRED.map(({ id }) => (key instanceof SheetError ? key : fredObservationsRequest(id, { ...ctx, ...LATEST_WINDOW, apiKey: key })));
  return [...fred, fileRequest(ctx, TIC_TABLE5), ...mofRequests(ctx)];
}

/** Parsed inputs of the panel; each may be the error of its source. */
export interface CheckpointInputs {
  us10y: Observation[] | SheetError;
  termPremium: Observation[] | SheetError;
  usdJpy: Observation[] | SheetError;
  usShort: Observation[] | SheetError;
  jgb: { curve: JgbCurve; historyError?: SheetError } | SheetError;
  tic: TicTable | SheetError;
}

/** Parse the replies of `checkpointsPlan` (same order). */
export function checkpointInputs(replies: readonly Reply[]): CheckpointInputs {
  const fred = CHECKPOINT_FRED.map(({ percent }, i) => {
    const r = replies[i] as Reply<FredObservations>;
    return r instanceof SheetError ? r : inUnits(r.observations, percent);
  });
  return {
    us10y: fred[0],
    termPremium: fred[1],
    usdJpy: fred[2],
    usShort: fred[3],
    tic: replies[4] as Reply<TicTable>,
    jgb: attempt(() => jgbCurveFromReplies(replies[5] as Reply<JgbCurve>, replies[6] as Reply<JgbCurve>)),
  };
}

const na = (message: string) => new SheetError("na", message);

/** latest, as_of, change_1m of one dated series. */
function seriesCells(name: string, obs: Observation[] | SheetError, historyError?: SheetError): [Cell, Cell, Cell] {
  if (obs instanceof SheetError) return [obs, obs, obs];
  const last = obs[obs.length - 1];
  if (last === undefined) {
    const e = na(`${name}: the source returned no observations`);
    return [e, e, e];
  }
  const prev = monthBefore(obs, last.date);
  const chg = prev ? dataChange(last.value, prev.value) : (historyError ?? na(`${name}: no observation a month before ${last.date}`));
  return [tidy(last.value), last.date, chg];
}

/** The hedged UST on `date` from each leg's last value on or before it, or undefined. */
function hedgedAt(us10y: Observation[], usShort: Observation[], jpShort: Observation[], date: IsoDate): number | undefined {
  const [a, b, c] = [onOrBefore(us10y, date), onOrBefore(usShort, date), onOrBefore(jpShort, date)];
  return a && b && c ? hedgedUst(a.value, b.value, c.value) : undefined;
}

function hedgedCells(inp: CheckpointInputs): [Cell, Cell, Cell] {
  const fail = [inp.us10y, inp.usShort, inp.jgb].find((x): x is SheetError => x instanceof SheetError);
  if (fail) return [fail, fail, fail];
  const us10y = inp.us10y as Observation[];
  const usShort = inp.usShort as Observation[];
  const { curve, historyError } = inp.jgb as { curve: JgbCurve; historyError?: SheetError };
  const jp = attempt(() => jgbSeries(curve, 1));
  if (jp instanceof SheetError) return [jp, jp, jp];
  const lasts = [us10y, usShort, jp].map((s) => s[s.length - 1]?.date);
  if (lasts.some((d) => d === undefined)) {
    const e = na("hedged UST: a leg has no observations");
    return [e, e, e];
  }
  const date = (lasts as string[]).reduce((a, b) => (a < b ? a : b));
  const now = hedgedAt(us10y, usShort, jp, date)!;
  const before = hedgedAt(us10y, usShort, jp, addMonths(date, -1));
  const chg = before === undefined ? (historyError ?? na(`hedged UST: no data a month before ${date}`)) : dataChange(now, before);
  return [tidy(now), date, chg];
}

function ticCells(tic: TicTable | SheetError): { holdings: [Cell, Cell, Cell]; change12m: [Cell, Cell, Cell] } {
  if (tic instanceof SheetError) return { holdings: [tic, tic, tic], change12m: [tic, tic, ""] };
  const month = tic.months[0];
  return {
    holdings: [attempt(() => ticHoldings(tic, CHECKPOINT_COUNTRY)), month, attempt(() => ticChange(tic, CHECKPOINT_COUNTRY, 1))],
    change12m: [attempt(() => ticChange(tic, CHECKPOINT_COUNTRY, 12)), month, ""],
  };
}

/** The panel from parsed inputs. */
export function checkpointsTable(inp: CheckpointInputs): Table {
  const jgb10 =
    inp.jgb instanceof SheetError
      ? inp.jgb
      : attempt(() => jgbSeries((inp.jgb as { curve: JgbCurve }).curve, 10));
  const historyError = inp.jgb instanceof SheetError ? undefined : inp.jgb.historyError;
  const us = seriesCells("FRED DGS10", inp.us10y);
  const tic = ticCells(inp.tic);
  const scen: Cell = typeof us[0] === "number" ? attempt(() => scenario(us[0] as number)) : us[0];
  const latestUs = inp.us10y instanceof SheetError ? undefined : asOf(inp.us10y);
  return [
    [...CHECKPOINT_HEADER],
    ["us_10y", ...us, WATCH.us_10y],
    ["term_premium_10y", ...seriesCells("FRED THREEFYTP10", inp.termPremium), WATCH.term_premium_10y],
    ["usd_jpy", ...seriesCells("FRED DEXJPUS", inp.usdJpy), WATCH.usd_jpy],
    ["jgb_10y", ...seriesCells("Japan MoF 10Y", jgb10, historyError), WATCH.jgb_10y],
    ["hedged_ust_10y", ...hedgedCells(inp), WATCH.hedged_ust_10y],
    ["japan_holdings_bn", ...tic.holdings, WATCH.japan_holdings_bn],
    ["japan_holdings_change_12m_bn", ...tic.change12m, WATCH.japan_holdings_change_12m_bn],
    ["scenario", scen, latestUs ? latestUs.date : us[1], "", WATCH.scenario],
  ];
}

/** `CHECKPOINTS` from the replies of `checkpointsPlan`. */
export function checkpoints(replies: readonly Reply[]): Table {
  return checkpointsTable(checkpointInputs(replies));
}

/** CHECKPOINTS([api_key]). */
export const checkpointsLive: LiveData<[apiKey: string | undefined]> = {
  plan: ([apiKey], ctx) => checkpointsPlan(ctx, apiKey),
  compute: (_args, replies) => checkpoints(replies),
};
