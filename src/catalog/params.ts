import type { ParamSpec } from "../args/kinds";

/**
 * Longest maturity accepted, in years: a century bond, the longest ever issued. It also bounds
 * the work of one cell (BOND_DURATION and ZERO_TO_PAR visit every coupon date).
 */
export const MAX_YEARS = 100;

/** Parameters that recur across functions, described once. */
export const P = {
  usShort: { name: "us_short", kind: "rate", help: "USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045" },
  jpShort: { name: "jp_short", kind: "rate", help: "JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005" },
  basis: {
    name: "basis",
    kind: "rate",
    help: "USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0",
    optional: true,
    default: 0,
  },
  ustYield: { name: "ust_yield", kind: "rate", help: "US Treasury yield, decimal: 4.3% or 0.043" },
  jgbYield: { name: "jgb_yield", kind: "rate", help: "JGB yield of the comparable maturity, decimal: 1.5% or 0.015" },
  hedgeRatio: (dflt: number) =>
    ({
      name: "hedge_ratio",
      kind: "fraction",
      help: `fraction of the position that is FX-hedged, 0 to 1 (Japanese lifers run about 0.5–0.7). Default ${dflt}`,
      optional: true,
      default: dflt,
    }) as const,
  fxChange: {
    name: "fx_change",
    kind: "rate",
    help: "expected annual change of USD/JPY as a decimal; negative = the yen strengthens (a loss on the unhedged part). Default 0",
    optional: true,
    default: 0,
  },
  days: { name: "days", kind: "days", help: "actual days of the hedge (91 for a 3-month roll, 365 for a year)", min: 0, minExclusive: true },
  yearDays: {
    name: "year_days",
    kind: "days",
    help: "days in the year used to annualise the cost (360 money-market, 365 to compare with JGB yields). Default 360",
    optional: true,
    default: 360,
    min: 0,
    minExclusive: true,
  },
  spot: { name: "spot", kind: "fx", help: "USD/JPY spot, JPY per USD (e.g. 150.2)", min: 0, minExclusive: true },
  forward: { name: "forward", kind: "fx", help: "USD/JPY outright forward for the same date, JPY per USD (spot plus forward points/100)", min: 0, minExclusive: true },
  freq: {
    name: "freq",
    kind: "count",
    help: "coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2",
    optional: true,
    default: 2,
    // The frequencies of Excel's PRICE and MDURATION.
    allowed: [1, 2, 4],
  },
  bondYield: { name: "yield", kind: "rate", help: "yield to maturity, decimal, compounded at the coupon frequency (negative yields allowed)" },
  coupon: { name: "coupon", kind: "rate", help: "annual coupon rate, decimal: 4.25% or 0.0425", min: 0 },
  years: {
    name: "years",
    kind: "years",
    help: "years to maturity from a coupon date; years·freq must be a whole number of periods",
    min: 0,
    minExclusive: true,
    max: MAX_YEARS,
  },
  modDuration: { name: "mod_duration", kind: "factor", help: "modified duration in years (a 10y UST is about 8)", min: 0 },
  convexity: { name: "convexity", kind: "factor", help: "convexity in years² (BOND_CONVEXITY). Default 0: duration only", optional: true, default: 0, min: 0 },
  yieldChange: { name: "yield_change", kind: "rate", help: "change of the yield, decimal: +0.30% is 0.003" },
  discountRate: { name: "discount_rate", kind: "rate", help: "discount rate r (e.g. the US 10y plus an equity risk premium), decimal" },
  growth: { name: "growth", kind: "rate", help: "long-run growth g of the cash flows, decimal; must be below the discount rate" },
  rateChange: { name: "rate_change", kind: "rate", help: "change of the discount rate, decimal: +0.30% is 0.003" },
} satisfies Record<string, ParamSpec | ((d: number) => ParamSpec)>;
