/**
 * The term-premium recipes of docs/term-premium.md, built from the real files with the
 * spreadsheet functions' cores (SVENSSON_YIELD, PAR_TO_ZERO, ACM_TERM_PREMIUM), step by step as
 * a strategist builds them in a sheet. Not a test file itself.
 */
import { parseDelimited } from "../../../src/sources/csv";
import { parseMofJgb } from "../../../src/sources/mofCurve";
import { leastSquares } from "../../../src/core/termstructure/linalg";
import { parToZero } from "../../../src/core/termstructure/parToZero";
import { svenssonYield } from "../../../src/core/termstructure/svensson";
import { readRealFixture } from "./fixtures";

/** A monthly panel of zero yields (decimals, continuously compounded), oldest month first. */
export interface Panel {
  months: string[];
  maturities: number[];
  yields: number[][];
}

/** `YYYY-MM` → value of a two-column CSV (`month,FEDFUNDS` or `date,IRSTCI01JPM156N`), percent → decimal. */
function monthly(name: string): Map<string, number> {
  const text = readRealFixture(name);
  const [, ...rows] = parseDelimited(text);
  return new Map(rows.map(([date, value]) => [date.slice(0, 7), Number(value) / 100]));
}

/** Months 1..120, the NY Fed's maturities. */
export const GSW_MATURITIES = Array.from({ length: 120 }, (_, i) => i + 1);

/** Month-end Svensson parameters by date (Fed units: betas in percent, taus in years), from one of the GSW files. */
export function gswParameters(name: string): Map<string, number[]> {
  const text = readRealFixture(name);
  const [header, ...rows] = parseDelimited(text.trim());
  const cols = ["BETA0", "BETA1", "BETA2", "BETA3", "TAU1", "TAU2"].map((k) => header.indexOf(k));
  return new Map(rows.map((r) => [r[header.indexOf("date")], cols.map((k) => Number(r[k]))]));
}

/** A zero yield (decimal) at `months` from Fed-unit Svensson parameters, as SVENSSON_YIELD(months/12, β/100…, τ1, τ2). */
export function gswZero(p: readonly number[], months: number): number {
  return svenssonYield(months / 12, p[0] / 100, p[1] / 100, p[2] / 100, p[3] / 100, p[4], p[5]);
}

/**
 * Step 1 of the NY Fed recipe: zero yields at 1..120 months for every month-end from the
 * Gürkaynak–Sack–Wright parameters (`gsw_monthend_svensson_params_1961-06_2025-06.csv`), with
 * SVENSSON_YIELD. `replace`: another parameter file whose months take the place of the same months.
 */
export function gswPanel(replace?: string): Panel {
  const base = gswParameters("gsw_monthend_svensson_params_1961-06_2025-06.csv");
  const other = replace === undefined ? new Map<string, number[]>() : gswParameters(replace);
  const dates = [...base.keys()];
  return {
    months: dates.map((d) => d.slice(0, 7)),
    maturities: GSW_MATURITIES,
    yields: dates.map((d) => {
      const p = other.get(d) ?? base.get(d)!;
      return GSW_MATURITIES.map((n) => gswZero(p, n));
    }),
  };
}

/**
 * Step 2: before `before` the 1-month yield is replaced by its fitted value from an OLS of the
 * 1-month yield on the month's average fed funds rate (`fred_FEDFUNDS_monthly_1954-07_2025-06.csv`)
 * over `before` .. the panel's end. Returns a new panel and the regression's coefficients.
 */
export function withFedFundsShortRate(panel: Panel, before = "1982-01"): { panel: Panel; intercept: number; slope: number } {
  const ff = monthly("fred_FEDFUNDS_monthly_1954-07_2025-06.csv");
  const fit = panel.months.map((m, t) => ({ m, t })).filter(({ m }) => m >= before);
  const { coef } = leastSquares(
    fit.map(({ m }) => [1, ff.get(m)!]),
    fit.map(({ t }) => [panel.yields[t][0]]),
  );
  const [intercept, slope] = [coef[0][0], coef[1][0]];
  const yields = panel.yields.map((row, t) => (panel.months[t] < before ? [intercept + slope * ff.get(panel.months[t])!, ...row.slice(1)] : row));
  return { panel: { ...panel, yields }, intercept, slope };
}

/** The NY Fed's published ACMTP10 by month (`nyfed_acm_monthly_csv_export_1961-2025.csv`, percent → decimal). */
export function publishedAcmTp10(): Map<string, number> {
  const text = readRealFixture("nyfed_acm_monthly_csv_export_1961-2025.csv");
  const [header, ...rows] = parseDelimited(text.trim());
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return new Map(
    rows.map((r) => {
      const [, mon, year] = r[header.indexOf("DATE")].split("-"); // "30-Jun-1961"
      return [`${year}-${String(MONTHS.indexOf(mon) + 1).padStart(2, "0")}`, Number(r[header.indexOf("ACMTP10")]) / 100];
    }),
  );
}

/** The JGB tenors of the recipe: the MoF's 1..10 years, one par yield each. */
export const JGB_YEARS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The JGB recipe: for every month both files cover, the MoF par curve on the month's last day
 * with all of 1..10 years (`mof_jgbcme_all_1974-2024.csv`) → PAR_TO_ZERO (semi-annual coupons) →
 * zeros at 12..120 months, and as the 1-month yield Japan's call rate (FRED IRSTCI01JPM156N,
 * `fred_IRSTCI01JPM156N_monthly_1992-10_2024-01.csv`, a monthly average, simple interest) as a
 * continuously compounded rate, 12·ln(1 + r/12).
 */
export function jgbPanel(): Panel {
  const text = readRealFixture("mof_jgbcme_all_1974-2024.csv");
  const call = monthly("fred_IRSTCI01JPM156N_monthly_1992-10_2024-01.csv");
  const curve = parseMofJgb(text);
  const cols = JGB_YEARS.map((y) => curve.tenors.indexOf(y));
  const monthEnd = new Map<string, number[]>();
  for (const row of curve.rows) {
    const par = cols.map((k) => row.yields[k]);
    if (par.every((p) => p !== null)) monthEnd.set(row.date.slice(0, 7), par as number[]);
  }
  const months = [...call.keys()].filter((m) => monthEnd.has(m)).sort();
  return {
    months,
    maturities: [1, ...JGB_YEARS.map((y) => 12 * y)],
    yields: months.map((m) => [12 * Math.log1p(call.get(m)! / 12), ...parToZero(monthEnd.get(m)!, JGB_YEARS, 2).map((r) => r[0] as number)]),
  };
}

/** RMSE and largest absolute difference in basis points, and where it is. */
export function compareBp(ours: readonly number[], theirs: readonly number[], months: readonly string[]): { rmse: number; max: number; at: string } {
  let ss = 0;
  let max = 0;
  let at = "";
  for (let t = 0; t < ours.length; t++) {
    const d = (ours[t] - theirs[t]) * 1e4;
    ss += d * d;
    if (Math.abs(d) > max) [max, at] = [Math.abs(d), months[t]];
  }
  return { rmse: Math.sqrt(ss / ours.length), max, at };
}
