/**
 * The live-data functions (note §6, "what to watch") in the function table. Each is one entry
 * here, its arguments read by src/args like every other function's (dates and months are
 * argument kinds there), plus its plan/compute pair in src/live.
 */
import type { ParamSpec } from "../args/kinds";
import { FRED_KEY_URL } from "../sources/fred";
import { checkpointsLive } from "../live/checkpoints";
import { fredLive, fredSeriesLive } from "../live/fred";
import { CHAIN_HISTORY_HEADER, chainHistoryLive } from "../live/chainHistory";
import { HEDGE_HISTORY_HEADER, hedgeHistoryLive } from "../live/hedgeHistory";
import { DEFAULT_FLOW_WEEKS, FLOW_SERIES, MAX_FLOW_WEEKS, japanFlowsLive } from "../live/japanFlows";
import { jgbYieldLive } from "../live/jgbYield";
import { ticChangeLive, ticHoldingsLive } from "../live/tic";
import { P } from "./params";
import type { LiveFunctionSpec } from "./spec";

const API_KEY: ParamSpec = {
  name: "api_key",
  kind: "text",
  optional: true,
  help: `your FRED API key (free: ${FRED_KEY_URL}). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own`,
};

/**
 * Every live function's last argument. Google Sheets keeps a custom function's result while its
 * arguments stay the same, so a live cell refreshes only when a cell passed here changes.
 */
export const REFRESH: ParamSpec = {
  name: "refresh",
  kind: "any",
  optional: true,
  help: "any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it)",
};

/** A live function of the table: one value per argument (it fetches or spills, it does not broadcast), `refresh` last. */
function live(entry: Omit<LiveFunctionSpec, "domain" | "impl">): LiveFunctionSpec {
  return { ...entry, domain: "live-data", params: [...entry.params, REFRESH].map((p) => ({ ...p, single: true })) };
}

export const LIVE_DATA: LiveFunctionSpec[] = [
  live({
    name: "FRED",
    description:
      "The latest observation of a FRED series, or the last one on or before a date. Percent series come back as decimals (4.30 → 0.043); others as published (DEXJPUS 150.2). Missing values are skipped.",
    source: "FRED API series/observations (Federal Reserve Bank of St. Louis)",
    params: [
      { name: "series_id", kind: "text", help: 'FRED series id, e.g. "DGS10", "DGS3MO", "THREEFYTP10", "DEXJPUS"' },
      { name: "date", kind: "date", optional: true, help: "a date cell or text like 2026-03-31: the last observation on or before it. Default: the latest" },
      API_KEY,
    ],
    result: "cell",
    returns: "the value: a decimal for percent series, else in FRED's units",
    example: { formula: '=FRED("DGS10")', result: "0.0469 (4.69% on 2026-08-06, FRED reply of 2026-08-07)" },
    live: fredLive,
  }),
  live({
    name: "FRED_SERIES",
    description: "Spills a FRED series between two dates, oldest first, with FRED's unit rule (percent → decimals). Missing values are left out.",
    source: "FRED API series/observations",
    params: [
      { name: "series_id", kind: "text", help: 'FRED series id, e.g. "DGS10"' },
      { name: "start", kind: "date", optional: true, help: "first date. Default: one year before end" },
      { name: "end", kind: "date", optional: true, help: "last date. Default: the latest observation" },
      API_KEY,
    ],
    result: "table",
    returns: 'header ["date", "value"], then one row per observation, dates as the host\'s dates',
    example: { formula: '=FRED_SERIES("DEXJPUS", "2026-01-01")', result: "date/value rows from 2026-01-02" },
    dateColumns: [0],
    live: fredSeriesLive,
  }),
  live({
    name: "TIC_HOLDINGS",
    description: "Holdings of US Treasuries in USD bn from the Treasury's Major Foreign Holders table (TIC), latest month by default.",
    source: "US Treasury TIC, Major Foreign Holders of Treasury Securities (slt_table5.txt)",
    params: [
      { name: "country", kind: "text", help: 'as written in the table, case-insensitive: "Japan", "China, Mainland", "Grand Total", "Of Which: Foreign Official"' },
      { name: "month", kind: "month", optional: true, help: 'a month as text "2026-03", or any date in it. Default: the latest in the table' },
    ],
    result: "cell",
    returns: "USD bn",
    example: { formula: '=TIC_HOLDINGS("Japan")', result: "1209.9 (end of 2026-04, table of 2026-06)" },
    live: ticHoldingsLive,
  }),
  live({
    name: "TIC_CHANGE",
    description: 'Change of a country\'s US Treasury holdings over the last months, USD bn: the "are they still buying" number.',
    source: "US Treasury TIC, Major Foreign Holders of Treasury Securities (slt_table5.txt)",
    params: [
      { name: "country", kind: "text", help: 'as written in the table, case-insensitive: "Japan", "China, Mainland", "Grand Total"' },
      { name: "months", kind: "count", min: 1, max: 12, help: "over how many months, 1 to 12 (the table holds 13 month-ends)" },
    ],
    result: "cell",
    returns: "USD bn (negative = holdings fell)",
    example: { formula: '=TIC_CHANGE("Japan", 12)', result: "75.4 (1209.9 at 2026-04 − 1134.5 at 2025-04)" },
    live: ticChangeLive,
  }),
  live({
    name: "JGB_YIELD",
    description: "JGB yield (decimal) for a tenor of the Ministry of Finance's daily benchmark curve: the latest, or the last on or before a date.",
    source: "Japan Ministry of Finance, JGB interest rates (jgbcme.csv, jgbcme_all.csv)",
    params: [
      { name: "tenor_years", kind: "tenor", help: 'a tenor on the MoF curve in years: 1 to 10, 15, 20, 25, 30 or 40 (10 or "10Y")' },
      { name: "date", kind: "date", optional: true, help: "a date cell or text like 2026-03-31. Default: the latest" },
    ],
    result: "cell",
    returns: "decimal yield",
    example: { formula: '=JGB_YIELD(10, "2024-07-31")', result: "0.0107 (1.07%, MoF jgbcme_all.csv)" },
    live: jgbYieldLive,
  }),
  live({
    name: "CHECKPOINTS",
    description:
      "The note's 'what to watch' panel, live: US 10y, the 10y term premium, USD/JPY, the JGB 10y, the hedged UST yield, Japan's TIC holdings and their 12-month change, and the scenario.",
    source: "note §6; FRED DGS10, THREEFYTP10, DEXJPUS, DGS3MO; MoF JGB curve (10Y, 1Y); TIC table 5",
    params: [API_KEY],
    result: "table",
    returns: 'header ["indicator", "latest", "as_of", "change_1m", "watch"], then 8 rows; as_of is text (YYYY-MM-DD, or YYYY-MM for TIC)',
    example: { formula: "=CHECKPOINTS()", result: "the 8-row panel" },
    live: checkpointsLive,
  }),
  live({
    name: "HEDGE_HISTORY",
    description:
      "The note's comparison month by month: the US 10y, the 3-month hedge cost, the fully hedged UST against the JGB 10y, and Japan's Treasury holdings with their 12-month change. One row per month, oldest first.",
    source: "note §3.1 (hedged UST), §2 (Japan's holdings); FRED DGS10, DGS3MO; MoF JGB curve (1Y, 10Y); US Treasury TIC mfhhis01.txt with slt_table5.txt",
    params: [
      { name: "start", kind: "month", help: 'the first month: text like "2022-01", or any date in it' },
      { name: "end", kind: "month", optional: true, help: "the last month, as start. Default: the last complete calendar month" },
      { ...P.basis, help: "USD/JPY cross-currency basis added to the JPY leg, decimal: hedge_cost = us_3m − jp_short − basis, so a negative basis adds to the cost. Default 0" },
      API_KEY,
    ],
    result: "table",
    returns: `header [${HEDGE_HISTORY_HEADER.map((h) => `"${h}"`).join(", ")}], then one row per month: month is its last day (a date), rates are decimals (the last observation within the month; jp_short is the MoF 1-year JGB), holdings USD bn; "" where a month has no value, and in the cells computed from it`,
    example: { formula: '=HEDGE_HISTORY("2022-01", "2024-07")', result: "31 months; 2024-07: hedged_ust −1.045%, jgb_10y 1.07%, jgb_advantage 2.115%, Japan 1,093.5bn (FRED, MoF and TIC files of 2024-08)" },
    dateColumns: [0],
    live: hedgeHistoryLive,
  }),
  live({
    name: "CHAIN_HISTORY",
    description:
      "The monthly panel the chain is calibrated on: HEDGE_HISTORY's rates, USD/JPY, Japan's net buying of foreign long-term bonds in USD bn and the Kim–Wright 10-year term premium. One row per month, oldest first; feed it to CALIBRATE_CHAIN.",
    source: "FRED DGS10, DGS3MO, DEXJPUS, THREEFYTP10; MoF JGB curve (1Y, 10Y); MoF International Transactions in Securities, monthly (montha1.csv, designated major investors)",
    params: [
      { name: "start", kind: "month", help: 'the first month: text like "2005-01" (the MoF monthly file\'s start), or any date in it' },
      { name: "end", kind: "month", optional: true, help: "the last month, as start. Default: the last complete calendar month" },
      { ...P.basis, help: "USD/JPY cross-currency basis added to the JPY leg, decimal, as in HEDGE_HISTORY. Default 0" },
      API_KEY,
    ],
    result: "table",
    returns: `header [${CHAIN_HISTORY_HEADER.map((h) => `"${h}"`).join(", ")}], then one row per month: month is its last day (a date); rates and the term premium decimals, usdjpy JPY per USD (the last observation within the month), japan_bond_buying_bn USD bn (plus = net purchases); "" where a month has no value, and in the cells computed from it`,
    example: {
      formula: '=CHAIN_HISTORY("2024-01", "2024-07")',
      result: "7 months; 2024-07: usdjpy 150.38, japan_bond_buying_bn −9.88bn, term_premium_10y 0.22%, jgb_advantage 2.115% (FRED and MoF files of 2024-08)",
    },
    dateColumns: [0],
    live: chainHistoryLive,
  }),
  live({
    name: "JAPAN_FLOWS",
    description:
      "Japan's marginal bid week by week: Japanese investors' net purchases of foreign bonds (or another flow) from the Ministry of Finance's weekly securities transactions, with 4- and 13-week sums, in JPY bn.",
    source: "note §2 (Japan's marginal bid); Japan MoF, International Transactions in Securities, weekly, designated major investors (week.csv)",
    params: [
      {
        name: "weeks",
        kind: "count",
        optional: true,
        default: DEFAULT_FLOW_WEEKS,
        min: 1,
        max: MAX_FLOW_WEEKS,
        help: `how many weeks to show, 1 to ${MAX_FLOW_WEEKS} (the file starts in 2005). Default ${DEFAULT_FLOW_WEEKS}`,
      },
      { name: "end", kind: "date", optional: true, help: "a date: weeks that end after it are left out. Default: up to the latest week" },
      {
        name: "series",
        kind: "text",
        optional: true,
        default: "foreign_bonds",
        choices: Object.keys(FLOW_SERIES),
        help: 'which flow: "foreign_bonds" (residents\' net purchases of foreign long-term debt, the note\'s bid), "foreign_equity", "foreign_total" or "japan_bonds" (non-residents\' purchases of Japanese bonds)',
      },
    ],
    result: "table",
    returns:
      'header ["week_start", "week_end", series, "sum_4w", "sum_13w"], then one row per week (Sunday to Saturday), oldest first: dates as the host\'s dates, JPY bn (the file\'s 100 million yen ÷ 10; plus = net purchases); a sum is blank until the file holds enough weeks',
    example: { formula: "=JAPAN_FLOWS()", result: "13 weeks to 2026-09-12: foreign bonds +1,082.9bn in the last week, 815.8bn over the 13 weeks (week.csv of 2026-09-17)" },
    dateColumns: [0, 1],
    live: japanFlowsLive,
  }),
];
