import { SheetError, invalid } from "../errors";
import { hedgeCost } from "../hedging/hedgeCost";
import { hedgedUst, jgbAdvantage } from "../hedging/hedgedUst";
import { tpImpact } from "../demand/tpImpact";
import { holdingsLoss } from "../demand/holdingsLoss";
import { peChange } from "../equities/gordon";
import { type Table, movedRow, round15 } from "../table";
import { scenario } from "./scenario";

/** Every input of the transmission chain. Rates are decimals, money USD bn. */
export interface ChainInputs {
  hike_bp: number;
  us_short: number;
  jp_short: number;
  ust_10y: number;
  jgb_10y: number;
  basis: number;
  short_passthrough: number;
  jgb_passthrough: number;
  hedge_ratio: number;
  fx_change: number;
  japan_buying_bn: number;
  bid_cut: number;
  bp_per_100bn: number | string;
  japan_holdings_bn: number;
  ust_duration: number;
  erp: number;
  growth_growth: number;
  growth_value: number;
  kr_beta: number;
}

/** The note's illustrative numbers (§3.1–§3.3, §2.4), in the order `CHAIN_INPUTS()` spills them. */
export const CHAIN_DEFAULTS: Readonly<ChainInputs> = {
  hike_bp: 50, // §3.2: BOJ +50bp
  us_short: 0.045, // §3.1
  jp_short: 0.005, // §3.1
  ust_10y: 0.043, // §3.1
  jgb_10y: 0.015, // §3.1
  basis: 0, // §3.1 ignores the basis (see the disclaimer)
  short_passthrough: 1,
  jgb_passthrough: 1, // §3.2: "JGB 10-yr 1.50% → 2.00% (assumed)"
  hedge_ratio: 1,
  fx_change: 0,
  japan_buying_bn: 75, // §3.3: typical annual net buying USD 50–100bn
  bid_cut: 0.5, // §3.3: "If that drops by half"
  bp_per_100bn: 80, // §3.3: $25–50bn → 20–40bp
  japan_holdings_bn: 1130, // §2.4: ~USD 1.13 trillion
  ust_duration: 8,
  erp: 0.04,
  growth_growth: 0.065,
  growth_value: 0.03,
  kr_beta: 0.5,
};

export const CHAIN_STEPS = [
  "jp_short",
  "jgb_10y",
  "hedge_cost",
  "hedged_ust",
  "jgb_advantage",
  "japan_buying_bn",
  "term_premium_change",
  "us_10y",
  "scenario",
  "holdings_mtm_bn",
  "pe_change_growth",
  "pe_change_value",
  "kr_10y_change",
] as const;

/**
 * The whole transmission of the note (§1.2, §3, §4): a BOJ hike moves the JPY legs, the
 * hedged UST and the JGB advantage; Japan's buying falls by `bid_cut`; the shortfall
 * lifts the term premium and the US 10y one for one; the move marks Japan's holdings to
 * market and reprices equities through the discount rate `ust_10y + erp`.
 */
export function chain(partial: Partial<ChainInputs> = {}): Table {
  const x: ChainInputs = { ...CHAIN_DEFAULTS, ...partial };
  if (x.bid_cut < 0 || x.bid_cut > 1) invalid(`bid_cut = ${x.bid_cut} must be between 0 and 1 (the fraction of Japan's buying that stops)`);
  const hike = x.hike_bp / 10000;
  const jpAfter = x.jp_short + hike * x.short_passthrough;
  const jgbAfter = x.jgb_10y + hike * x.jgb_passthrough;
  const hedged = (jp: number) => hedgedUst(x.ust_10y, x.us_short, jp, x.basis, x.hedge_ratio, x.fx_change);
  const advantage = (jgb: number, jp: number) => jgbAdvantage(jgb, x.ust_10y, x.us_short, jp, x.basis, x.hedge_ratio, x.fx_change);

  const buyingAfter = x.japan_buying_bn * (1 - x.bid_cut);
  const tpChange = tpImpact(x.japan_buying_bn - buyingAfter, x.bp_per_100bn);
  const us10yAfter = x.ust_10y + tpChange;
  const discountRate = x.ust_10y + x.erp;

  // A P/E row names the CHAIN inputs behind it when the Gordon model refuses them.
  const pe = (growthName: "growth_growth" | "growth_value", growth: number) => {
    try {
      return peChange(tpChange, discountRate, growth);
    } catch (e) {
      if (e instanceof SheetError) invalid(`${growthName}: ${e.message}; the discount rate is ust_10y + erp`);
      throw e;
    }
  };
  // No scenario label next to a US 10y that overflowed.
  const scenarioOf = (level: number) => (Number.isFinite(level) ? scenario(level) : new SheetError("num", "CHAIN: us_10y is not a finite number, so it has no scenario"));

  const moved = movedRow;
  const changeOnly = (label: string, change: number) => [label, "", "", round15(change)];
  return [
    ["step", "before", "after", "change"],
    moved("jp_short", x.jp_short, jpAfter),
    moved("jgb_10y", x.jgb_10y, jgbAfter),
    moved("hedge_cost", hedgeCost(x.us_short, x.jp_short, x.basis), hedgeCost(x.us_short, jpAfter, x.basis)),
    moved("hedged_ust", hedged(x.jp_short), hedged(jpAfter)),
    moved("jgb_advantage", advantage(x.jgb_10y, x.jp_short), advantage(jgbAfter, jpAfter)),
    moved("japan_buying_bn", x.japan_buying_bn, buyingAfter),
    changeOnly("term_premium_change", tpChange),
    moved("us_10y", x.ust_10y, us10yAfter),
    ["scenario", scenarioOf(x.ust_10y), scenarioOf(us10yAfter), ""],
    changeOnly("holdings_mtm_bn", holdingsLoss(x.japan_holdings_bn, tpChange, x.ust_duration)),
    changeOnly("pe_change_growth", pe("growth_growth", x.growth_growth)),
    changeOnly("pe_change_value", pe("growth_value", x.growth_value)),
    changeOnly("kr_10y_change", x.kr_beta * tpChange),
  ];
}
