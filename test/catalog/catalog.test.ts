/**
 * The catalog against the published contract (docs/functions.md): names, argument order, optional
 * arguments and defaults are stored in users' workbooks and never change once shipped (README,
 * *Add a function*).
 */
import { describe, expect, it } from "vitest";
import { checkNumber } from "../../src/args/coerce";
import { CATALOG, findFunction } from "../../src/catalog";

/**
 * Every function's published signature: name → parameters in order, `[x=d]` optional with
 * default d. Users' workbooks store these; a change here breaks them.
 */
const PUBLISHED_SIGNATURES: Record<string, string> = {
  HEDGE_COST: "us_short, jp_short, [basis=0]",
  HEDGE_COST_CIP: "us_short, jp_short, days, [basis=0], [year_days=360]",
  HEDGE_COST_FWD: "spot, forward, days, [year_days=360]",
  FX_FORWARD: "spot, us_short, jp_short, days, [basis=0]",
  IMPLIED_BASIS: "spot, forward, us_short, jp_short, days",
  HEDGED_UST: "ust_yield, us_short, jp_short, [basis=0], [hedge_ratio=1], [fx_change=0]",
  JGB_ADVANTAGE: "jgb_yield, ust_yield, us_short, jp_short, [basis=0], [hedge_ratio=1], [fx_change=0]",
  FX_BREAKEVEN: "ust_yield, jgb_yield, [hedge_ratio=0], [hedge_cost=0]",
  BOJ_HIKE: "hike_bp, ust_yield, us_short, jp_short, jgb_yield, [short_passthrough=1], [jgb_passthrough=1], [basis=0]",
  TP_IMPACT: "shortfall_bn, [bp_per_100bn=80]",
  TP_IMPACT_TABLE: "shortfall_bn",
  TERM_PREMIUM: "long_yield, expected_short_rates",
  HOLDINGS_LOSS: "holdings_bn, yield_change, mod_duration, [convexity=0]",
  BOND_PRICE: "yield, coupon, years, [freq=2]",
  BOND_DURATION: "yield, coupon, years, [freq=2]",
  BOND_CONVEXITY: "yield, coupon, years, [freq=2]",
  PRICE_CHANGE: "yield_change, mod_duration, [convexity=0]",
  PE_RATIO: "payout, discount_rate, growth",
  EQUITY_DURATION: "discount_rate, growth",
  PE_CHANGE: "rate_change, discount_rate, growth, [passthrough=1]",
  PV_CHANGE: "cashflows, times, discount_rate, rate_change",
  SCENARIO: "ust_10y, [thresholds]",
  SCENARIO_TABLE: "",
  HIKE_PROBABILITY: "implied_rate, current_rate, [hike_bp=25], [share_after_meeting=1]",
  CHAIN_INPUTS: "",
  CHAIN: "inputs",
  CHAIN_COMPARE: "inputs",
  CHAIN_SENSITIVITY: "inputs, input_name, from, to, [points=11]",
  FRED: "series_id, [date], [api_key], [refresh]",
  FRED_SERIES: "series_id, [start], [end], [api_key], [refresh]",
  TIC_HOLDINGS: "country, [month], [refresh]",
  TIC_CHANGE: "country, months, [refresh]",
  JGB_YIELD: "tenor_years, [date], [refresh]",
  CHECKPOINTS: "[api_key], [refresh]",
  HEDGE_HISTORY: "start, [end], [basis=0], [api_key], [refresh]",
  JAPAN_FLOWS: '[weeks=13], [end], [series="foreign_bonds"], [refresh]',
  SVENSSON_YIELD: "maturity_years, beta0, beta1, beta2, beta3, tau1, tau2",
  ZERO_TO_PAR: "zero_yields, maturities_years, [freq=2]",
  PAR_TO_ZERO: "par_yields, maturities_years, [freq=2]",
  ACM_TERM_PREMIUM: "yields, maturities_months, [target_months=120], [factors=5]",
  CHAIN_HISTORY: "start, [end], [basis=0], [api_key], [refresh]",
  REGRESS: "y, x, [hac_lags], [intercept]",
  CALIBRATE_CHAIN: "history, [hac_lags]",
  CHAIN_FAN: "inputs, calibration, [draws=2000], [seed=1]",
  POLICY_PATH: "valuation_date, overnight_rate, ois_end_dates, ois_rates, meeting_dates, [step_bp=25], [year_days=365], [effective_lag_days=1]",
};

/**
 * Deliberate extensions of the first published signatures, each additive (a workbook written
 * against them still works):
 * CHAIN's `inputs` may be omitted and then every input takes the note's default.
 */
const OPTIONAL_EXTENSIONS = new Set(["CHAIN.inputs"]);

interface PublishedParam {
  name: string;
  optional: boolean;
  default?: number | string;
}

function parseSignature(sig: string): PublishedParam[] {
  if (sig.trim() === "") return [];
  return sig.split(",").map((s) => {
    const m = /^\s*\[(\w+)(?:=([^\]]+))?\]\s*$/.exec(s);
    if (m) return { name: m[1], optional: true, default: m[2] === undefined ? undefined : m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : Number(m[2]) };
    return { name: s.trim(), optional: false };
  });
}

function checkSignature(name: string, sig: string) {
  const f = findFunction(name);
  expect(f, `${name} is published but not in the catalog`).toBeDefined();
  const want = parseSignature(sig);
  expect(f!.params.map((p) => p.name), name).toEqual(want.map((p) => p.name));
  want.forEach((w, i) => {
    const p = f!.params[i];
    const extended = OPTIONAL_EXTENSIONS.has(`${name}.${w.name}`);
    expect(Boolean(p.optional), `${name}.${w.name} optional`).toBe(w.optional || extended);
    if (w.default !== undefined) expect(p.default, `${name}.${w.name} default`).toBe(w.default);
  });
}

describe("the catalog against the published signatures", () => {
  for (const [name, sig] of Object.entries(PUBLISHED_SIGNATURES)) {
    it(`${name}(${sig}) has the published arguments, order and defaults`, () => checkSignature(name, sig));
  }

  it("has no function the published list does not name", () => {
    const known = new Set(Object.keys(PUBLISHED_SIGNATURES));
    expect(CATALOG.map((f) => f.name).filter((n) => !known.has(n))).toEqual([]);
  });

  it("has each name once", () => {
    const names = CATALOG.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("reads rate arguments as decimals, by the names that carry rates", () => {
    // README "Units and conventions": rates, yields, spreads and changes of them are decimals; the names
    // that carry them: *_yield, *_short, *_rate, *_change, basis, coupon, growth, erp, hedge_cost
    const rateName = /(^|_)(yield|short|rate|change)$|^(basis|coupon|growth|erp|hedge_cost)$/;
    for (const f of CATALOG) {
      for (const p of f.params) if (rateName.test(p.name) && p.kind !== "text") expect(p.kind, `${f.name}.${p.name}`).toBe("rate");
    }
  });

  it("reads *_bp arguments as basis points and hedge_ratio as a fraction", () => {
    for (const f of CATALOG) {
      for (const p of f.params) {
        if (p.name.endsWith("_bp")) expect(p.kind, `${f.name}.${p.name}`).toBe("bp");
        if (p.name === "hedge_ratio") expect(p.kind, `${f.name}.${p.name}`).toBe("fraction");
      }
    }
  });

  it("gives each optional argument a default that obeys its own rules", () => {
    for (const f of CATALOG) {
      for (const p of f.params) {
        if (typeof p.default === "number") expect(checkNumber(p.default, p), `${f.name}.${p.name} default`).toBe(p.default);
      }
    }
  });

  it("names every allowed value in the argument's help, so autocomplete shows them", () => {
    for (const f of CATALOG) {
      for (const p of f.params) for (const v of p.allowed ?? []) expect(p.help, `${f.name}.${p.name}`).toMatch(new RegExp(`(^|\\D)${v}(\\D|$)`));
    }
  });

  it("puts optional arguments after the required ones, each with help", () => {
    for (const f of CATALOG) {
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional), f.name).toBe(true);
      for (const p of f.params) expect(p.help.trim().length, `${f.name}.${p.name}`).toBeGreaterThan(0);
      expect(f.description.trim().length, f.name).toBeGreaterThan(0);
    }
  });
});
