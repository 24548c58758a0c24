/**
 * The chain on history (docs/calibration.md): REGRESS, a general least-squares tool with
 * Newey–West errors; CALIBRATE_CHAIN, the chain's four links estimated from a CHAIN_HISTORY
 * table; CHAIN_FAN, their uncertainty carried through CHAIN to the US 10y. The argument layer
 * reads the blocks (src/args/data.ts, blocks.ts); the core estimates (src/core/calibration).
 */
import type { NamedInputs } from "../args/blocks";
import type { DataBlock } from "../args/data";
import { serialToIso } from "../args/dates";
import { SheetError, invalid } from "../core/errors";
import type { ChainInputs } from "../core/scenarios/chain";
import { CALIBRATION_COLUMNS, type CalibrationColumns, calibrateChain, findCalibrationColumns } from "../core/calibration/calibrate";
import { FAN_DEFAULT_DRAWS, FAN_DEFAULT_SEED, FAN_MAX_DRAWS, FAN_MIN_DRAWS, type CalibrationRow, chainFan } from "../core/calibration/fan";
import { MAX_REGRESSORS } from "../core/calibration/ols";
import { MAX_SEED } from "../core/calibration/random";
import { regressRows } from "../core/calibration/regress";
import { defineFunctions } from "./define";
import { CHAIN_INPUTS_ARG } from "./scenarios";

/** REGRESS: the header rule spans both arguments, the rest is the core's. */
function regress(y: DataBlock, x: DataBlock, hacLags?: number, intercept = true) {
  if (y.cols !== 1) invalid(`y has ${y.cols} columns: give one column of the dependent variable`);
  if (x.rows !== y.rows) invalid(`y has ${y.rows} rows and x has ${x.rows}: give them the same rows`);
  if (x.cols > MAX_REGRESSORS) invalid(`x has ${x.cols} columns: REGRESS takes 1 to ${MAX_REGRESSORS}`);
  // A header when every first-row cell of y and of x is text that does not read as a number.
  const header = y.header[0] !== null && x.header.every((h) => h !== null);
  const from = header ? 1 : 0;
  const yCells = y.cells.slice(from).map((r) => r[0]);
  const xCells = x.cells.slice(from);
  return regressRows(yCells, xCells, { intercept, hacLags, names: header ? (x.header as string[]) : undefined });
}

/** A cell of the history's month column as ISO text (a date arrives as its serial; missing as ""). */
function monthCell(v: number | "" | SheetError): string | "" {
  if (v === "") return "";
  if (v instanceof SheetError) throw v;
  return serialToIso(v);
}

/** CALIBRATE_CHAIN: the history's columns found by name in its header row. */
function calibrate(history: DataBlock, hacLags?: number) {
  const at = findCalibrationColumns(history.header.map((h) => h ?? ""));
  const rows = history.cells.slice(1);
  const series = (c: number) =>
    rows.map((r) => {
      const v = r[c];
      if (v instanceof SheetError) throw v;
      return v;
    });
  const cols = {} as Record<(typeof CALIBRATION_COLUMNS)[number], unknown>;
  for (const name of CALIBRATION_COLUMNS) cols[name] = name === "month" ? rows.map((r) => monthCell(r[at.month])) : series(at[name]);
  return calibrateChain(cols as unknown as CalibrationColumns, hacLags);
}

/** CHAIN_FAN's calibration table: the parameter, estimate and std_error columns found by name in its header. */
function calibrationRows(t: DataBlock): CalibrationRow[] {
  const names = t.header.map((h) => (h ?? "").toLowerCase());
  const at = (name: string) => {
    const c = names.indexOf(name);
    if (c < 0) invalid(`calibration has no "${name}" column in its header row: give a table with parameter, estimate and std_error (CALIBRATE_CHAIN's)`);
    return c;
  };
  const [p, e, s] = [at("parameter"), at("estimate"), at("std_error")];
  const out: CalibrationRow[] = [];
  for (let r = 1; r < t.rows; r++) {
    const parameter = t.text(r, p) ?? "";
    if (parameter === "" && t.cells[r][e] === "" && t.cells[r][s] === "") continue;
    out.push({ parameter, estimate: t.cells[r][e], std_error: t.cells[r][s] });
  }
  return out;
}

export const CALIBRATION = defineFunctions([
  {
    name: "REGRESS",
    domain: "calibration",
    description:
      "Ordinary least squares of one column on 1 to 10 others, with Newey–West (HAC) standard errors, which Excel's LINEST lacks and overlapping sums need. Rows with a blank are dropped; a header row names the terms.",
    source: "Newey & West (1987), Bartlett weights, no small-sample correction (statsmodels' HAC covariance)",
    params: [
      { name: "y", kind: "factor", shape: "data", help: "the dependent variable: one column (a header cell on top is allowed)" },
      { name: "x", kind: "factor", shape: "data", help: "the regressors: 1 to 10 columns, the same rows as y (header cells on top are allowed)" },
      {
        name: "hac_lags",
        kind: "count",
        optional: true,
        min: 0,
        help: "Newey–West lags L, 0 (White's errors) to n − 1. Default ⌊4·(n/100)^(2/9)⌋; use 11 or more on overlapping 12-month sums",
      },
      { name: "intercept", kind: "boolean", optional: true, help: "TRUE to add an intercept (default), FALSE for a regression through the origin" },
    ],
    result: "table",
    returns: 'header ["term", "estimate", "std_error", "t_stat", "ci_low", "ci_high"], a row per term (intercept first), then r2, n and hac_lags',
    example: { formula: "=REGRESS({1;3;2;5;4}, {1;2;3;4;5}, 0)", result: "intercept 0.6, x1 0.8, n 5" },
    impl: regress,
  },
  {
    name: "CALIBRATE_CHAIN",
    domain: "calibration",
    description:
      "The chain's four decisive links estimated on a CHAIN_HISTORY table, each with Newey–West errors. They are the JGB 10y's pass-through of the short rate, the yen's response, the elasticity of Japan's bond buying to the JGB advantage, and the term premium per USD 100bn of buying lost.",
    source: "note §3.2, §3.3 (the links it assumes); simple regressions on the public data, docs/calibration.md",
    params: [
      { name: "history", kind: "factor", shape: "data", help: "a CHAIN_HISTORY table with its header row (columns found by name, in any order)" },
      {
        name: "hac_lags",
        kind: "count",
        optional: true,
        min: 0,
        help: "Newey–West lags for all four regressions. Default: REGRESS's for the two monthly ones, 12 for the two on 12-month sums",
      },
    ],
    result: "table",
    returns: 'header ["parameter", "estimate", "std_error", "ci_low", "ci_high", "t_stat", "r2", "n", "from", "to", "chain_default"] and one row per link; from and to are dates',
    example: { formula: "=CALIBRATE_CHAIN(CHAIN_HISTORY(\"2005-01\"))", result: "jgb_passthrough, fx_response, bid_elasticity_bn, bp_per_100bn (docs/calibration.md: the estimates on the real files)" },
    dateColumns: [8, 9],
    impl: calibrate,
  },
  {
    name: "CHAIN_FAN",
    domain: "calibration",
    description:
      "CHAIN's uncertainty from the calibration's: percentiles of the term premium, the US 10y and the growth P/E, and the share of each scenario. Each calibrated input is drawn as estimate + std_error·z; the draws are seeded, so the same in every host.",
    source: "the transmission of CHAIN; note §6.3 (scenarios); docs/calibration.md",
    params: [
      CHAIN_INPUTS_ARG,
      { name: "calibration", kind: "factor", shape: "data", help: "a table with parameter, estimate and std_error columns (CALIBRATE_CHAIN's, or typed by hand)" },
      {
        name: "draws",
        kind: "count",
        optional: true,
        default: FAN_DEFAULT_DRAWS,
        min: FAN_MIN_DRAWS,
        max: FAN_MAX_DRAWS,
        help: `how many draws, ${FAN_MIN_DRAWS} to ${FAN_MAX_DRAWS.toLocaleString("en-US")}. Default ${FAN_DEFAULT_DRAWS}`,
      },
      { name: "seed", kind: "count", optional: true, default: FAN_DEFAULT_SEED, min: 0, max: MAX_SEED, help: "the generator's seed, a whole number 0 to 2,147,483,647. Default 1" },
    ],
    result: "table",
    returns: 'header ["statistic", "term_premium_change", "us_10y", "pe_change_growth"], rows p05 … p95, mean, scenario A/B/C shares (us_10y column) and failed_draws',
    example: {
      formula: '=CHAIN_FAN({"hedge_ratio",60%;"fx_response",-4%;"bid_elasticity_bn",50}, {"parameter","estimate","std_error";"bid_elasticity_bn",50,0;"bp_per_100bn",80,0})',
      result: "p50 0.40% 4.70%",
    },
    impl: (inputs: NamedInputs, calibration: DataBlock, draws?: number, seed?: number) => chainFan(inputs as Partial<ChainInputs>, calibrationRows(calibration), draws, seed),
  },
]);
