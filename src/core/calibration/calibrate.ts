import { SheetError, invalid, show } from "../errors";
import { type Cell, type Table, round15 } from "../table";
import { type OlsFit, ols } from "./ols";
import { Z95, tStat } from "./regress";
import { ln } from "./random";

/** The columns of a CHAIN_HISTORY table that CALIBRATE_CHAIN reads, by name. */
export const CALIBRATION_COLUMNS = ["month", "jp_short", "jgb_10y", "us_3m", "usdjpy", "jgb_advantage", "japan_bond_buying_bn", "term_premium_10y"] as const;
export type CalibrationColumn = (typeof CALIBRATION_COLUMNS)[number];

type Series = readonly (number | "")[];

/**
 * A CHAIN_HISTORY table's columns as CALIBRATE_CHAIN reads them, rows oldest first, all the
 * same length. `month` is the month's ISO date (`"2024-06-30"`) or `""`; each other cell a
 * number in CHAIN_HISTORY's unit (rates decimals, USD/JPY in yen, buying in USD bn) or `""`
 * for missing data.
 */
export interface CalibrationColumns {
  month: readonly (string | "")[];
  jp_short: Series;
  jgb_10y: Series;
  us_3m: Series;
  usdjpy: Series;
  jgb_advantage: Series;
  japan_bond_buying_bn: Series;
  term_premium_10y: Series;
}

export const CALIBRATE_HEADER = ["parameter", "estimate", "std_error", "ci_low", "ci_high", "t_stat", "r2", "n", "from", "to", "chain_default"] as const;

/** Newey–West lags for the regressions on overlapping 12-month sums (when hac_lags is not given). */
export const SUM_WINDOW_LAGS = 12;

/**
 * Where each CALIBRATE_CHAIN column sits in a header row: names compared trimmed and
 * case-insensitively, in any order, extra columns ignored. Missing columns → `#VALUE!` naming
 * them all; a needed name in two columns → `#VALUE!` (which one would be meant?).
 */
export function findCalibrationColumns(header: readonly unknown[]): Record<CalibrationColumn, number> {
  const at: Partial<Record<CalibrationColumn, number>> = {};
  for (let c = 0; c < header.length; c++) {
    const h = header[c];
    if (typeof h !== "string") continue;
    const name = h.trim().toLowerCase() as CalibrationColumn;
    if (!(CALIBRATION_COLUMNS as readonly string[]).includes(name)) continue;
    if (at[name] !== undefined) invalid(`history has two columns named "${name}" (columns ${at[name]! + 1} and ${c + 1}): keep one`);
    at[name] = c;
  }
  const missing = CALIBRATION_COLUMNS.filter((n) => at[n] === undefined);
  if (missing.length) {
    invalid(
      `history has no column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}: CALIBRATE_CHAIN reads a CHAIN_HISTORY table with its header row (${CALIBRATION_COLUMNS.join(", ")})`,
    );
  }
  return at as Record<CalibrationColumn, number>;
}

/** xₜ − xₜ₋₁, `""` where either is missing (and in the first row). */
export function differences(x: Series): (number | "")[] {
  const out: (number | "")[] = new Array(x.length);
  for (let t = 0; t < x.length; t++) {
    const a = x[t];
    const b = t > 0 ? x[t - 1] : "";
    out[t] = a === "" || b === "" ? "" : a - b;
  }
  return out;
}

/** The sum of the `window` rows ending at t, `""` unless all of them are numbers. */
export function trailingSums(x: Series, window: number): (number | "")[] {
  const out: (number | "")[] = new Array(x.length);
  for (let t = 0; t < x.length; t++) {
    if (t < window - 1) {
      out[t] = "";
      continue;
    }
    let s = 0;
    let ok = true;
    for (let i = t - window + 1; i <= t && ok; i++) {
      const v = x[i];
      if (v === "") ok = false;
      else s += v;
    }
    out[t] = ok ? s : "";
  }
  return out;
}

/** (xₜ − xₜ₋ₗₐ₉)·factor, `""` where either is missing. */
function lagged(x: Series, lag: number, factor: number): (number | "")[] {
  return x.map((v, t) => {
    const w = t >= lag ? x[t - lag] : "";
    return v === "" || w === "" ? "" : (v - w) * factor;
  });
}

/** One link of the chain: y on the x series, and how its slope becomes CHAIN's parameter. */
interface Link {
  parameter: "jgb_passthrough" | "fx_response" | "bid_elasticity_bn" | "bp_per_100bn";
  y: Series;
  x: Series[];
  /** The x series' names, for messages. */
  xNames: string[];
  /** Which x's slope is the parameter (0-based, after the intercept). */
  slopeOf: number;
  /** parameter = factor × slope; std_error scaled by |factor|. */
  factor: number;
  /** Default Newey–West lags when hac_lags is not given (undefined: REGRESS's default). */
  defaultLags?: number;
  /** What the rows need, for the too-few-rows message. */
  needs: string;
  /** CHAIN_INPUTS' default. */
  chainDefault: number | "";
  /** A problem with the link's data found before the regression (a non-positive USD/JPY). */
  error?: SheetError;
}

/**
 * CALIBRATE_CHAIN: the chain's four links estimated from a CHAIN_HISTORY table, each an OLS with
 * an intercept and Newey–West standard errors (see `ols`):
 *
 * - `jgb_passthrough` = b in ΔJGB10ₜ = a + b·ΔJPshortₜ + εₜ (factor 1);
 * - `fx_response` = 0.01·b in Δln USDJPYₜ = a + b·ΔJPshortₜ + c·ΔUS3Mₜ + εₜ (the yen's move per
 *   100bp of hike; negative = yen strength);
 * - `bid_elasticity_bn` = −0.01·b in B12ₜ = a + b·ADVₜ + εₜ, B12 the 12-month sum of Japan's
 *   foreign-bond buying (USD bn of annual buying lost per 100bp rise of the JGB advantage);
 * - `bp_per_100bn` = −100·b in ΔTP12ₜ = a + b·B12ₜ + εₜ, ΔTP12ₜ = (TPₜ − TPₜ₋₁₂)·10⁴ in bp
 *   (bp of term premium per USD 100bn less buying).
 *
 * std_error is the slope's times |factor|; ci = estimate ± 1.959963984540054·std_error;
 * t = estimate/std_error; from/to the months of the first and last rows used.
 *
 * Decisions where the contract is silent (docs/calibration.md):
 * - without `hacLags`, the two regressions on 12-month sums use 12 lags and so need at least
 *   13 rows; with fewer the link is "too few rows" (fewer lags than the sums' overlap would
 *   understate the uncertainty);
 * - a USD/JPY that is not positive has no logarithm: the fx_response link holds a `#VALUE!`
 *   naming its month (bad data is not missing data); the other links stand;
 * - months must increase down the table (a table sorted newest first would flip the sign of
 *   ΔTP12 and so of bp_per_100bn): otherwise the whole result is one `#VALUE!`.
 *
 * A link that cannot be estimated (too few rows, collinear, a bad hac_lags for its rows) holds
 * that error from estimate to r2, the rows it had in n, `""` in from/to, and its chain_default.
 */
export function calibrateChain(cols: CalibrationColumns, hacLags?: number): Table {
  const n = cols.month.length;
  for (const name of CALIBRATION_COLUMNS) {
    if (cols[name].length !== n) invalid(`history: the column ${name} has ${cols[name].length} rows, month has ${n}`);
  }
  checkTimeOrder(cols.month);
  if (hacLags !== undefined && (!Number.isInteger(hacLags) || hacLags < 0)) invalid(`hac_lags = ${show(hacLags)} must be a whole number, 0 or more`);

  const dJp = differences(cols.jp_short);
  const dJgb = differences(cols.jgb_10y);
  const dUs3m = differences(cols.us_3m);
  let fxError: SheetError | undefined;
  const logFx = cols.usdjpy.map((v, t): number | "" => {
    if (v === "") return "";
    if (!(v > 0)) {
      fxError ??= new SheetError("value", `fx_response: usdjpy = ${show(v)} in ${monthLabel(cols.month, t)} is not a positive exchange rate, so it has no logarithm`);
      return "";
    }
    return ln(v);
  });
  const dLogFx = differences(logFx);
  const b12 = trailingSums(cols.japan_bond_buying_bn, 12);
  const dTp12 = lagged(cols.term_premium_10y, 12, 10000);

  const links: Link[] = [
    { parameter: "jgb_passthrough", y: dJgb, x: [dJp], xNames: ["Δjp_short"], slopeOf: 0, factor: 1, needs: "Δjgb_10y and Δjp_short", chainDefault: 1 },
    { parameter: "fx_response", y: dLogFx, x: [dJp, dUs3m], xNames: ["Δjp_short", "Δus_3m"], slopeOf: 0, factor: 0.01, needs: "Δln(usdjpy), Δjp_short and Δus_3m", chainDefault: 0, error: fxError },
    {
      parameter: "bid_elasticity_bn",
      y: b12,
      x: [cols.jgb_advantage],
      xNames: ["jgb_advantage"],
      slopeOf: 0,
      factor: -0.01,
      defaultLags: SUM_WINDOW_LAGS,
      needs: "a 12-month sum of japan_bond_buying_bn and jgb_advantage",
      chainDefault: "",
    },
    {
      parameter: "bp_per_100bn",
      y: dTp12,
      x: [b12],
      xNames: ["B12"],
      slopeOf: 0,
      factor: -100,
      defaultLags: SUM_WINDOW_LAGS,
      needs: "a 12-month change of term_premium_10y and a 12-month sum of japan_bond_buying_bn",
      chainDefault: 80,
    },
  ];
  return [[...CALIBRATE_HEADER], ...links.map((l) => linkRow(l, cols.month, hacLags))];
}

function linkRow(link: Link, month: readonly (string | "")[], hacLags: number | undefined): Cell[] {
  const y: number[] = [];
  const X: number[][] = [];
  const rows: number[] = [];
  for (let t = 0; t < link.y.length; t++) {
    const yt = link.y[t];
    if (yt === "") continue;
    const xt: number[] = [];
    for (const s of link.x) {
      const v = s[t];
      if (v === "") break;
      xt.push(v);
    }
    if (xt.length !== link.x.length) continue;
    y.push(yt);
    X.push(xt);
    rows.push(t);
  }
  const failed = (e: SheetError): Cell[] => [link.parameter, e, e, e, e, e, e, rows.length, "", "", link.chainDefault];
  if (link.error) return failed(link.error);
  const lags = hacLags ?? link.defaultLags;
  const needed = Math.max(link.x.length + 2, hacLags === undefined && lags !== undefined ? lags + 1 : 0);
  if (rows.length < needed) {
    const why = needed > link.x.length + 2 ? ` (its 12-month windows overlap, so it uses ${lags} Newey–West lags)` : "";
    return failed(
      new SheetError(
        "value",
        `${link.parameter}: ${rows.length} month${rows.length === 1 ? " has" : "s have"} ${link.needs}; the regression needs at least ${needed}${why}`,
      ),
    );
  }
  let fit: OlsFit;
  try {
    fit = ols(y, X, { intercept: true, hacLags: lags, names: link.xNames });
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    return failed(new SheetError(e.kind, `${link.parameter}: ${e.message.replace(/^REGRESS: /, "")}`));
  }
  const slope = fit.beta[1 + link.slopeOf];
  const estimate = link.factor * slope;
  const se = Math.abs(link.factor) * fit.se[1 + link.slopeOf];
  return [
    link.parameter,
    round15(estimate),
    round15(se),
    round15(estimate - Z95 * se),
    round15(estimate + Z95 * se),
    tStat(link.parameter, estimate, se),
    typeof fit.r2 === "number" ? round15(fit.r2) : new SheetError(fit.r2.kind, `${link.parameter}: ${fit.r2.message.replace(/^REGRESS: /, "")}`),
    fit.n,
    month[rows[0]],
    month[rows[rows.length - 1]],
    link.chainDefault,
  ];
}

function monthLabel(month: readonly (string | "")[], t: number): string {
  return month[t] ? `${month[t]} (row ${t + 2} of history, the header being row 1)` : `row ${t + 2} of history (the header being row 1)`;
}

/** Months must increase down the table; blanks are not compared. */
function checkTimeOrder(month: readonly (string | "")[]): void {
  let last = "";
  let lastRow = -1;
  for (let t = 0; t < month.length; t++) {
    const m = month[t];
    if (m === "") continue;
    if (last !== "" && !(m > last)) {
      invalid(
        `history must be in time order, oldest first: ${m} in row ${t + 2} comes after ${last} in row ${lastRow + 2} (CALIBRATE_CHAIN takes differences and 12-month changes down the table)`,
      );
    }
    last = m;
    lastRow = t;
  }
}
