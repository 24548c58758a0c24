// GENERATED from the function table in src/catalog by `npm run generate`. Do not edit by hand.
// Generator: src/hosts/excel/generate.ts. custom-functions-metadata-plugin reads this file to write
// dist/functions.json and appends the CustomFunctions.associate calls; ids and names are those of docs/functions.md.
/* eslint-disable @typescript-eslint/no-explicit-any */
/// <reference types="custom-functions-runtime" />
import { excel } from "./adapter";
/**
 * Annual cost for a JPY investor to hedge USD assets, the note's model: us_short − jp_short − basis.
 * @customfunction HEDGE_COST HEDGE_COST
 * @param {any[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {any[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {any[][]} [basis] USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @returns {any[][]} decimal rate a year
 * @helpurl https://localhost:3000/help/hedge_cost.html
 */
function HEDGE_COST(us_short: any[][], jp_short: any[][], basis?: any[][]): any[][] {
  return excel("HEDGE_COST", [us_short, jp_short, basis]) as any[][];
}

/**
 * Exact money-market hedge cost from covered interest parity (USD ACT/360, JPY ACT/365): (1 − F/S)·year_days/days with F/S = (1 + (jp_short + basis)·days/365)/(1 + us_short·days/360).
 * @customfunction HEDGE_COST_CIP HEDGE_COST_CIP
 * @param {any[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {any[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {any[][]} days actual days of the hedge (91 for a 3-month roll, 365 for a year).
 * @param {any[][]} [basis] USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @param {any[][]} [year_days] days in the year used to annualise the cost (360 money-market, 365 to compare with JGB yields). Default 360.
 * @returns {any[][]} decimal rate a year
 * @helpurl https://localhost:3000/help/hedge_cost_cip.html
 */
function HEDGE_COST_CIP(us_short: any[][], jp_short: any[][], days: any[][], basis?: any[][], year_days?: any[][]): any[][] {
  return excel("HEDGE_COST_CIP", [us_short, jp_short, days, basis, year_days]) as any[][];
}

/**
 * Hedge cost implied by a quoted USD/JPY outright forward: (1 − forward/spot)·year_days/days.
 * @customfunction HEDGE_COST_FWD HEDGE_COST_FWD
 * @param {any[][]} spot USD/JPY spot, JPY per USD (e.g. 150.2).
 * @param {any[][]} forward USD/JPY outright forward for the same date, JPY per USD (spot plus forward points/100).
 * @param {any[][]} days actual days of the hedge (91 for a 3-month roll, 365 for a year).
 * @param {any[][]} [year_days] days in the year used to annualise the cost (360 money-market, 365 to compare with JGB yields). Default 360.
 * @returns {any[][]} decimal rate a year
 * @helpurl https://localhost:3000/help/hedge_cost_fwd.html
 */
function HEDGE_COST_FWD(spot: any[][], forward: any[][], days: any[][], year_days?: any[][]): any[][] {
  return excel("HEDGE_COST_FWD", [spot, forward, days, year_days]) as any[][];
}

/**
 * USD/JPY outright forward from covered interest parity: spot·(1 + (jp_short + basis)·days/365)/(1 + us_short·days/360).
 * @customfunction FX_FORWARD FX_FORWARD
 * @param {any[][]} spot USD/JPY spot, JPY per USD (e.g. 150.2).
 * @param {any[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {any[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {any[][]} days actual days of the hedge (91 for a 3-month roll, 365 for a year).
 * @param {any[][]} [basis] USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @returns {any[][]} JPY per USD
 * @helpurl https://localhost:3000/help/fx_forward.html
 */
function FX_FORWARD(spot: any[][], us_short: any[][], jp_short: any[][], days: any[][], basis?: any[][]): any[][] {
  return excel("FX_FORWARD", [spot, us_short, jp_short, days, basis]) as any[][];
}

/**
 * Cross-currency basis implied by a quoted forward: ((forward/spot)·(1 + us_short·days/360) − 1)·365/days − jp_short. Negative = dollars are dear.
 * @customfunction IMPLIED_BASIS IMPLIED_BASIS
 * @param {any[][]} spot USD/JPY spot, JPY per USD (e.g. 150.2).
 * @param {any[][]} forward USD/JPY outright forward for the same date, JPY per USD (spot plus forward points/100).
 * @param {any[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {any[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {any[][]} days actual days of the hedge (91 for a 3-month roll, 365 for a year).
 * @returns {any[][]} decimal rate a year
 * @helpurl https://localhost:3000/help/implied_basis.html
 */
function IMPLIED_BASIS(spot: any[][], forward: any[][], us_short: any[][], jp_short: any[][], days: any[][]): any[][] {
  return excel("IMPLIED_BASIS", [spot, forward, us_short, jp_short, days]) as any[][];
}

/**
 * Expected JPY-based return of a US Treasury for a Japanese investor: ust_yield − hedge_ratio·HEDGE_COST + (1 − hedge_ratio)·fx_change.
 * @customfunction HEDGED_UST HEDGED_UST
 * @param {any[][]} ust_yield US Treasury yield, decimal: 4.3% or 0.043.
 * @param {any[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {any[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {any[][]} [basis] USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @param {any[][]} [hedge_ratio] fraction of the position that is FX-hedged, 0 to 1 (Japanese lifers run about 0.5–0.7). Default 1.
 * @param {any[][]} [fx_change] expected annual change of USD/JPY as a decimal; negative = the yen strengthens (a loss on the unhedged part). Default 0.
 * @returns {any[][]} decimal rate a year
 * @helpurl https://localhost:3000/help/hedged_ust.html
 */
function HEDGED_UST(ust_yield: any[][], us_short: any[][], jp_short: any[][], basis?: any[][], hedge_ratio?: any[][], fx_change?: any[][]): any[][] {
  return excel("HEDGED_UST", [ust_yield, us_short, jp_short, basis, hedge_ratio, fx_change]) as any[][];
}

/**
 * JGB yield minus the hedged UST return: positive means the JGB wins for a Japanese investor.
 * @customfunction JGB_ADVANTAGE JGB_ADVANTAGE
 * @param {any[][]} jgb_yield JGB yield of the comparable maturity, decimal: 1.5% or 0.015.
 * @param {any[][]} ust_yield US Treasury yield, decimal: 4.3% or 0.043.
 * @param {any[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {any[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {any[][]} [basis] USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @param {any[][]} [hedge_ratio] fraction of the position that is FX-hedged, 0 to 1 (Japanese lifers run about 0.5–0.7). Default 1.
 * @param {any[][]} [fx_change] expected annual change of USD/JPY as a decimal; negative = the yen strengthens (a loss on the unhedged part). Default 0.
 * @returns {any[][]} decimal rate a year
 * @helpurl https://localhost:3000/help/jgb_advantage.html
 */
function JGB_ADVANTAGE(jgb_yield: any[][], ust_yield: any[][], us_short: any[][], jp_short: any[][], basis?: any[][], hedge_ratio?: any[][], fx_change?: any[][]): any[][] {
  return excel("JGB_ADVANTAGE", [jgb_yield, ust_yield, us_short, jp_short, basis, hedge_ratio, fx_change]) as any[][];
}

/**
 * The expected USD/JPY change at which a partly hedged UST earns exactly the JGB yield: (jgb − ust + h·hedge_cost)/(1 − h).
 * @customfunction FX_BREAKEVEN FX_BREAKEVEN
 * @param {any[][]} ust_yield US Treasury yield, decimal: 4.3% or 0.043.
 * @param {any[][]} jgb_yield JGB yield of the comparable maturity, decimal: 1.5% or 0.015.
 * @param {any[][]} [hedge_ratio] fraction of the position that is FX-hedged, 0 to 1; must be below 1. Default 0 (unhedged).
 * @param {any[][]} [hedge_cost] annual hedge cost of the hedged part, decimal (HEDGE_COST). Default 0.
 * @returns {any[][]} decimal change of USD/JPY a year
 * @helpurl https://localhost:3000/help/fx_breakeven.html
 */
function FX_BREAKEVEN(ust_yield: any[][], jgb_yield: any[][], hedge_ratio?: any[][], hedge_cost?: any[][]): any[][] {
  return excel("FX_BREAKEVEN", [ust_yield, jgb_yield, hedge_ratio, hedge_cost]) as any[][];
}

/**
 * Before/after table of a BOJ hike: the JPY short rate moves hike·short_passthrough, the JGB hike·jgb_passthrough, US rates stay. With equal pass-through the JGB advantage does not change.
 * @customfunction BOJ_HIKE BOJ_HIKE
 * @param {any[][]} hike_bp size of the BOJ hike in basis points: 50 = 0.50%.
 * @param {any[][]} ust_yield US Treasury yield, decimal: 4.3% or 0.043.
 * @param {any[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {any[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {any[][]} jgb_yield JGB yield of the comparable maturity, decimal: 1.5% or 0.015.
 * @param {any[][]} [short_passthrough] share of the hike that reaches the JPY hedge-tenor rate. Default 1.
 * @param {any[][]} [jgb_passthrough] share of the hike that reaches the JGB yield (the note assumes 1). Default 1.
 * @param {any[][]} [basis] USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @returns {any[][]} a 6×4 table: header, then jp_short, jgb_yield, hedge_cost, hedged_ust, jgb_advantage with before, after and change
 * @helpurl https://localhost:3000/help/boj_hike.html
 */
function BOJ_HIKE(hike_bp: any[][], ust_yield: any[][], us_short: any[][], jp_short: any[][], jgb_yield: any[][], short_passthrough?: any[][], jgb_passthrough?: any[][], basis?: any[][]): any[][] {
  return excel("BOJ_HIKE", [hike_bp, ust_yield, us_short, jp_short, jgb_yield, short_passthrough, jgb_passthrough, basis]) as any[][];
}

/**
 * Change of the UST 10y term premium (decimal) when buyers of shortfall_bn a year must be replaced: shortfall_bn/100·bp_per_100bn/10000. Presets: "note" 80, "short_run" 50, "central" 20, "long_run" 5, "stress" 100.
 * @customfunction TP_IMPACT TP_IMPACT
 * @param {any[][]} shortfall_bn annual buying (USD bn) that other buyers must replace, e.g. half of Japan's 75bn = 37.5.
 * @param {any[][]} [bp_per_100bn] term-premium response in bp per USD 100bn a year, or a preset name: "note" (80), "short_run" (50), "central" (20), "long_run" (5), "stress" (100). Default 80 (the note).
 * @returns {any[][]} decimal change of the term premium
 * @helpurl https://localhost:3000/help/tp_impact.html
 */
function TP_IMPACT(shortfall_bn: any[][], bp_per_100bn?: any[][]): any[][] {
  return excel("TP_IMPACT", [shortfall_bn, bp_per_100bn]) as any[][];
}

/**
 * Every term-premium sensitivity preset side by side for one shortfall: the range of estimates at a glance.
 * @customfunction TP_IMPACT_TABLE TP_IMPACT_TABLE
 * @param {any[][]} shortfall_bn annual buying (USD bn) that other buyers must replace, e.g. half of Japan's 75bn = 37.5.
 * @returns {any[][]} a table: preset, bp_per_100bn, tp_change, one row per preset
 * @helpurl https://localhost:3000/help/tp_impact_table.html
 */
function TP_IMPACT_TABLE(shortfall_bn: any[][]): any[][] {
  return excel("TP_IMPACT_TABLE", [shortfall_bn]) as any[][];
}

/**
 * The note's decomposition: long yield minus the average of the expected short-rate path (blanks skipped).
 * @customfunction TERM_PREMIUM TERM_PREMIUM
 * @param {any[][]} long_yield the long-bond yield, decimal (e.g. the US 10y).
 * @param {any[][]} expected_short_rates a range with the expected short-rate path over the bond's life, decimals; blanks are skipped.
 * @returns {any[][]} decimal rate
 * @helpurl https://localhost:3000/help/term_premium.html
 */
function TERM_PREMIUM(long_yield: any[][], expected_short_rates: any[][]): any[][] {
  return excel("TERM_PREMIUM", [long_yield, expected_short_rates]) as any[][];
}

/**
 * Mark-to-market change (USD bn) of a bond holding when yields move: holdings_bn·(−mod_duration·Δy + ½·convexity·Δy²).
 * @customfunction HOLDINGS_LOSS HOLDINGS_LOSS
 * @param {any[][]} holdings_bn holdings in USD bn (Japan ≈ 1,130).
 * @param {any[][]} yield_change change of the yield, decimal: +0.30% is 0.003.
 * @param {any[][]} mod_duration modified duration in years (a 10y UST is about 8).
 * @param {any[][]} [convexity] convexity in years² (BOND_CONVEXITY). Default 0: duration only.
 * @returns {any[][]} USD bn (negative = loss)
 * @helpurl https://localhost:3000/help/holdings_loss.html
 */
function HOLDINGS_LOSS(holdings_bn: any[][], yield_change: any[][], mod_duration: any[][], convexity?: any[][]): any[][] {
  return excel("HOLDINGS_LOSS", [holdings_bn, yield_change, mod_duration, convexity]) as any[][];
}

/**
 * Price per 100 of a bullet bond on a coupon date; equals Excel's PRICE() there and also takes negative yields.
 * @customfunction BOND_PRICE BOND_PRICE
 * @param {any[][]} yield_ yield to maturity, decimal, compounded at the coupon frequency (negative yields allowed).
 * @param {any[][]} coupon annual coupon rate, decimal: 4.25% or 0.0425.
 * @param {any[][]} years years to maturity from a coupon date; years·freq must be a whole number of periods.
 * @param {any[][]} [freq] coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @returns {any[][]} price per 100
 * @helpurl https://localhost:3000/help/bond_price.html
 */
function BOND_PRICE(yield_: any[][], coupon: any[][], years: any[][], freq?: any[][]): any[][] {
  return excel("BOND_PRICE", [yield_, coupon, years, freq]) as any[][];
}

/**
 * Modified duration in years of a bullet bond on a coupon date; equals Excel's MDURATION() there.
 * @customfunction BOND_DURATION BOND_DURATION
 * @param {any[][]} yield_ yield to maturity, decimal, compounded at the coupon frequency (negative yields allowed).
 * @param {any[][]} coupon annual coupon rate, decimal: 4.25% or 0.0425.
 * @param {any[][]} years years to maturity from a coupon date; years·freq must be a whole number of periods.
 * @param {any[][]} [freq] coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @returns {any[][]} years
 * @helpurl https://localhost:3000/help/bond_duration.html
 */
function BOND_DURATION(yield_: any[][], coupon: any[][], years: any[][], freq?: any[][]): any[][] {
  return excel("BOND_DURATION", [yield_, coupon, years, freq]) as any[][];
}

/**
 * Convexity in years² of a bullet bond on a coupon date (the second-order term of PRICE_CHANGE).
 * @customfunction BOND_CONVEXITY BOND_CONVEXITY
 * @param {any[][]} yield_ yield to maturity, decimal, compounded at the coupon frequency (negative yields allowed).
 * @param {any[][]} coupon annual coupon rate, decimal: 4.25% or 0.0425.
 * @param {any[][]} years years to maturity from a coupon date; years·freq must be a whole number of periods.
 * @param {any[][]} [freq] coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @returns {any[][]} years²
 * @helpurl https://localhost:3000/help/bond_convexity.html
 */
function BOND_CONVEXITY(yield_: any[][], coupon: any[][], years: any[][], freq?: any[][]): any[][] {
  return excel("BOND_CONVEXITY", [yield_, coupon, years, freq]) as any[][];
}

/**
 * Fractional price change from duration and convexity: −D·Δy + ½·C·Δy².
 * @customfunction PRICE_CHANGE PRICE_CHANGE
 * @param {any[][]} yield_change change of the yield, decimal: +0.30% is 0.003.
 * @param {any[][]} mod_duration modified duration in years (a 10y UST is about 8).
 * @param {any[][]} [convexity] convexity in years² (BOND_CONVEXITY). Default 0: duration only.
 * @returns {any[][]} decimal price change
 * @helpurl https://localhost:3000/help/price_change.html
 */
function PRICE_CHANGE(yield_change: any[][], mod_duration: any[][], convexity?: any[][]): any[][] {
  return excel("PRICE_CHANGE", [yield_change, mod_duration, convexity]) as any[][];
}

/**
 * Gordon forward P/E: payout/(discount_rate − growth). The discount rate must exceed growth.
 * @customfunction PE_RATIO PE_RATIO
 * @param {any[][]} payout payout ratio of earnings, 0 to 1: 40% or 0.4.
 * @param {any[][]} discount_rate discount rate r (e.g. the US 10y plus an equity risk premium), decimal.
 * @param {any[][]} growth long-run growth g of the cash flows, decimal; must be below the discount rate.
 * @returns {any[][]} multiple of forward earnings
 * @helpurl https://localhost:3000/help/pe_ratio.html
 */
function PE_RATIO(payout: any[][], discount_rate: any[][], growth: any[][]): any[][] {
  return excel("PE_RATIO", [payout, discount_rate, growth]) as any[][];
}

/**
 * Duration of a Gordon-growth equity, 1/(discount_rate − growth) years: why long-duration growth stocks react most to the discount rate.
 * @customfunction EQUITY_DURATION EQUITY_DURATION
 * @param {any[][]} discount_rate discount rate r (e.g. the US 10y plus an equity risk premium), decimal.
 * @param {any[][]} growth long-run growth g of the cash flows, decimal; must be below the discount rate.
 * @returns {any[][]} years
 * @helpurl https://localhost:3000/help/equity_duration.html
 */
function EQUITY_DURATION(discount_rate: any[][], growth: any[][]): any[][] {
  return excel("EQUITY_DURATION", [discount_rate, growth]) as any[][];
}

/**
 * Fractional P/E change when the discount rate moves by passthrough·rate_change: (r − g)/(r + passthrough·Δ − g) − 1. High growth is hit hardest.
 * @customfunction PE_CHANGE PE_CHANGE
 * @param {any[][]} rate_change change of the discount rate, decimal: +0.30% is 0.003.
 * @param {any[][]} discount_rate discount rate r (e.g. the US 10y plus an equity risk premium), decimal.
 * @param {any[][]} growth long-run growth g of the cash flows, decimal; must be below the discount rate.
 * @param {any[][]} [passthrough] share of the rate change that reaches the equity discount rate. Default 1.
 * @returns {any[][]} decimal change of the P/E
 * @helpurl https://localhost:3000/help/pe_change.html
 */
function PE_CHANGE(rate_change: any[][], discount_rate: any[][], growth: any[][], passthrough?: any[][]): any[][] {
  return excel("PE_CHANGE", [rate_change, discount_rate, growth, passthrough]) as any[][];
}

/**
 * Fractional change of the present value of a cash-flow schedule (annual compounding) when the discount rate moves: distant cash flows lose more.
 * @customfunction PV_CHANGE PV_CHANGE
 * @param {any[][]} cashflows a range of cash flows (any currency unit).
 * @param {any[][]} times a range of the same length: when each cash flow arrives, in years.
 * @param {any[][]} discount_rate discount rate r (e.g. the US 10y plus an equity risk premium), decimal.
 * @param {any[][]} rate_change change of the discount rate, decimal: +0.30% is 0.003.
 * @returns {any[][]} decimal change of the present value
 * @helpurl https://localhost:3000/help/pv_change.html
 */
function PV_CHANGE(cashflows: any[][], times: any[][], discount_rate: any[][], rate_change: any[][]): any[][] {
  return excel("PV_CHANGE", [cashflows, times, discount_rate, rate_change]) as any[][];
}

/**
 * The note's scenario for a US 10y level: "A" below 4.5%, "B" from 4.5% to below 5.0%, "C" from 5.0%.
 * @customfunction SCENARIO SCENARIO
 * @param {any[][]} ust_10y US 10y yield, decimal: 4.6% or 0.046.
 * @param {any[][]} [thresholds] a range of two increasing levels replacing 4.5% and 5.0%. Default the note's. Unit: decimal: 4.30% is 0.043 (type 4.3% or 0.043).
 * @returns {any[][]} text: "A", "B" or "C"
 * @helpurl https://localhost:3000/help/scenario.html
 */
function SCENARIO(ust_10y: any[][], thresholds?: any[][]): any[][] {
  return excel("SCENARIO", [ust_10y, thresholds]) as any[][];
}

/**
 * The note's scenario table: scenario, description, the US 10y range and the read-across to Korean equities.
 * @customfunction SCENARIO_TABLE SCENARIO_TABLE
 * @returns {any[][]} a 4×5 table with a header row
 * @helpurl https://localhost:3000/help/scenario_table.html
 */
function SCENARIO_TABLE(): any[][] {
  return excel("SCENARIO_TABLE", []) as any[][];
}

/**
 * The chain's first link, the BOJ hike odds: the probability of a hike priced by an OIS or futures rate, (implied_rate − current_rate)/(hike_bp/10000·share_after_meeting). Not clamped: above 1 more than one hike is priced, below 0 a cut.
 * @customfunction HIKE_PROBABILITY HIKE_PROBABILITY
 * @param {any[][]} implied_rate the market's average rate over a period that contains the meeting (OIS or futures), decimal: 0.6875% or 0.006875.
 * @param {any[][]} current_rate the policy rate now, decimal: 0.5% or 0.005.
 * @param {any[][]} [hike_bp] size of the move in basis points; negative for the odds of a cut. Default 25.
 * @param {any[][]} [share_after_meeting] fraction of the period that lies after the meeting, above 0 and at most 1. Default 1 (the period starts at the meeting).
 * @returns {any[][]} probability as a plain number (0.75 = 75%), not clamped
 * @helpurl https://localhost:3000/help/hike_probability.html
 */
function HIKE_PROBABILITY(implied_rate: any[][], current_rate: any[][], hike_bp?: any[][], share_after_meeting?: any[][]): any[][] {
  return excel("HIKE_PROBABILITY", [implied_rate, current_rate, hike_bp, share_after_meeting]) as any[][];
}

/**
 * Every input of CHAIN with the note's illustrative value, as a two-column block to edit and feed to CHAIN.
 * @customfunction CHAIN_INPUTS CHAIN_INPUTS
 * @returns {any[][]} a 22×2 block of names and values (bid_elasticity_bn blank: off)
 * @helpurl https://localhost:3000/help/chain_inputs.html
 */
function CHAIN_INPUTS(): any[][] {
  return excel("CHAIN_INPUTS", []) as any[][];
}

/**
 * The whole transmission of the note: BOJ hike → yen legs and FX view → hedged UST and JGB advantage → Japan's bid → term premium → US 10y → scenario → holdings, P/E of growth and value, Korean 10y. Spills step, before, after, change.
 * @customfunction CHAIN CHAIN
 * @param {any[][]} [inputs] a two-column range of input names and values (any subset, any order; see CHAIN_INPUTS). Missing names take the note's values. Optional.
 * @returns {any[][]} a 16×4 table: header, then one row per step of the chain
 * @helpurl https://localhost:3000/help/chain.html
 */
function CHAIN(inputs?: any[][]): any[][] {
  return excel("CHAIN", [inputs]) as any[][];
}

/**
 * Named scenarios of CHAIN side by side: one column per scenario, one row per step, each the step's after value (its change for the change-only steps).
 * @customfunction CHAIN_COMPARE CHAIN_COMPARE
 * @param {any[][]} inputs a block whose first row is a label then one scenario name per column, and whose other rows are a CHAIN input name then its value in each scenario (blank: the note's value).
 * @returns {any[][]} a 16-row table: header (step, then the scenario names), then one row per step of CHAIN
 * @helpurl https://localhost:3000/help/chain_compare.html
 */
function CHAIN_COMPARE(inputs: any[][]): any[][] {
  return excel("CHAIN_COMPARE", [inputs]) as any[][];
}

/**
 * CHAIN with one input swept from `from` to `to` in `points` even steps: per point the hedged UST, JGB advantage, bid cut, term premium, US 10y, scenario and P/E changes.
 * @customfunction CHAIN_SENSITIVITY CHAIN_SENSITIVITY
 * @param {any[][]} inputs a two-column range of CHAIN input names and values, as for CHAIN; blank: the note's values.
 * @param {any[][]} input_name the CHAIN input to sweep, e.g. "hike_bp".
 * @param {any[][]} from first value of the swept input, in its unit (50 for bp, 4.5% for a rate).
 * @param {any[][]} to last value of the swept input, in its unit.
 * @param {any[][]} [points] number of points, 2 to 1001. Default 11.
 * @returns {any[][]} a table: header (the input, hedged_ust, jgb_advantage, bid_cut, term_premium_change, us_10y, scenario, pe_change_growth, pe_change_value), then one row per point
 * @helpurl https://localhost:3000/help/chain_sensitivity.html
 */
function CHAIN_SENSITIVITY(inputs: any[][], input_name: any[][], from: any[][], to: any[][], points?: any[][]): any[][] {
  return excel("CHAIN_SENSITIVITY", [inputs, input_name, from, to, points]) as any[][];
}

/**
 * Continuously compounded zero-coupon yield of a Svensson curve in the Gürkaynak–Sack–Wright form; betas as decimals (the Fed's BETA/100), taus in years.
 * @customfunction SVENSSON_YIELD SVENSSON_YIELD
 * @param {any[][]} maturity_years maturity in years (0 or more; 10 for the 10-year zero); a range gives one yield per maturity.
 * @param {any[][]} beta0 β0, the long-run level, decimal (the Fed's BETA0/100).
 * @param {any[][]} beta1 β1, short end minus long end, decimal (the Fed's BETA1/100).
 * @param {any[][]} beta2 β2, first hump, decimal (the Fed's BETA2/100). Not limited to ±1: recent Fed fits pair β2 ≈ −4.5 with β3 ≈ +4.7 (−453% and +465% in their file), humps that nearly cancel.
 * @param {any[][]} beta3 β3, second hump, decimal (the Fed's BETA3/100); 0 gives the Nelson–Siegel curve.
 * @param {any[][]} tau1 τ1, decay of the slope and first hump, years (the Fed's TAU1).
 * @param {any[][]} tau2 τ2, decay of the second hump, years (the Fed's TAU2); must be above 0 unless beta3 = 0, when it is ignored (the Fed's file then holds −999.99).
 * @returns {any[][]} decimal yield, continuously compounded
 * @helpurl https://localhost:3000/help/svensson_yield.html
 */
function SVENSSON_YIELD(maturity_years: any[][], beta0: any[][], beta1: any[][], beta2: any[][], beta3: any[][], tau1: any[][], tau2: any[][]): any[][] {
  return excel("SVENSSON_YIELD", [maturity_years, beta0, beta1, beta2, beta3, tau1, tau2]) as any[][];
}

/**
 * Par yields implied by a continuously compounded zero curve, compounded at the coupon frequency: spills one par yield per maturity.
 * @customfunction ZERO_TO_PAR ZERO_TO_PAR
 * @param {any[][]} zero_yields the zero curve: continuously compounded zero-coupon yields, decimals; blanks are skipped.
 * @param {any[][]} maturities_years the maturity in years of each zero yield, increasing, up to 100; each must be a whole number of coupon periods to get its par yield (e.g. 0.5, 1, 2, 5, 10 with freq 2).
 * @param {any[][]} [freq] coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @returns {any[][]} a column of decimal par yields, one per maturity, compounded at freq
 * @helpurl https://localhost:3000/help/zero_to_par.html
 */
function ZERO_TO_PAR(zero_yields: any[][], maturities_years: any[][], freq?: any[][]): any[][] {
  return excel("ZERO_TO_PAR", [zero_yields, maturities_years, freq]) as any[][];
}

/**
 * Zero yields (continuously compounded) implied by a par curve: the exact inverse of ZERO_TO_PAR with its conventions, solved maturity by maturity. Spills one zero yield per maturity.
 * @customfunction PAR_TO_ZERO PAR_TO_ZERO
 * @param {any[][]} par_yields the par curve: par (coupon) yields compounded at freq, decimals, e.g. the Fed's SVENPY or the MoF JGB curve; blanks are skipped.
 * @param {any[][]} maturities_years the maturity in years of each par yield, increasing, up to 100; each a whole number of coupon periods (e.g. 1, 2, …, 10 with freq 2).
 * @param {any[][]} [freq] coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @returns {any[][]} a column of continuously compounded decimal zero yields, one per maturity
 * @helpurl https://localhost:3000/help/par_to_zero.html
 */
function PAR_TO_ZERO(par_yields: any[][], maturities_years: any[][], freq?: any[][]): any[][] {
  return excel("PAR_TO_ZERO", [par_yields, maturities_years, freq]) as any[][];
}

/**
 * The Adrian–Crump–Moench (2013) term premium estimated on your monthly panel of zero-coupon yields: spills fitted_yield, risk_neutral_yield and term_premium (fitted − risk-neutral) for target_months, one row per month.
 * @customfunction ACM_TERM_PREMIUM ACM_TERM_PREMIUM
 * @param {any[][]} yields monthly panel of zero-coupon yields, continuously compounded decimals (4.3% or 0.043): rows = months, oldest first; columns = the maturities in maturities_months. No blanks.
 * @param {any[][]} maturities_months the maturity in months of each column of yields, increasing, starting at 1 (the short rate), e.g. 1, 3, 6, 12, 24, …, 120; at most 1200.
 * @param {any[][]} [target_months] maturity in months of the yield to decompose, up to the panel's longest. Default 120 (the 10-year).
 * @param {any[][]} [factors] number of principal components used as pricing factors (ACM use 5); K factors need at least 2K + 3 months (13 for 5) and K maturities from 3 months up. Default 5.
 * @returns {any[][]} a table: header fitted_yield, risk_neutral_yield, term_premium, then one row of decimals per month of the panel
 * @helpurl https://localhost:3000/help/acm_term_premium.html
 */
function ACM_TERM_PREMIUM(yields: any[][], maturities_months: any[][], target_months?: any[][], factors?: any[][]): any[][] {
  return excel("ACM_TERM_PREMIUM", [yields, maturities_months, target_months, factors]) as any[][];
}

/**
 * The latest observation of a FRED series, or the last one on or before a date. Percent series come back as decimals (4.30 → 0.043); others as published (DEXJPUS 150.2). Missing values are skipped.
 * @customfunction FRED FRED
 * @param {any[][]} series_id FRED series id, e.g. "DGS10", "DGS3MO", "THREEFYTP10", "DEXJPUS".
 * @param {any[][]} [date] a date cell or text like 2026-03-31: the last observation on or before it. Default: the latest.
 * @param {any[][]} [api_key] your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} the value: a decimal for percent series, else in FRED's units
 * @helpurl https://localhost:3000/help/fred.html
 * @cancelable
 */
function FRED(series_id: any[][], date: any[][], api_key: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("FRED", [series_id, date, api_key, refresh], invocation) as Promise<any[][]>;
}

/**
 * Spills a FRED series between two dates, oldest first, with FRED's unit rule (percent → decimals). Missing values are left out.
 * @customfunction FRED_SERIES FRED_SERIES
 * @param {any[][]} series_id FRED series id, e.g. "DGS10".
 * @param {any[][]} [start] first date. Default: one year before end.
 * @param {any[][]} [end] last date. Default: the latest observation.
 * @param {any[][]} [api_key] your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} header ["date", "value"], then one row per observation, dates as the host's dates
 * @helpurl https://localhost:3000/help/fred_series.html
 * @cancelable
 */
function FRED_SERIES(series_id: any[][], start: any[][], end: any[][], api_key: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("FRED_SERIES", [series_id, start, end, api_key, refresh], invocation) as Promise<any[][]>;
}

/**
 * Holdings of US Treasuries in USD bn from the Treasury's Major Foreign Holders table (TIC), latest month by default.
 * @customfunction TIC_HOLDINGS TIC_HOLDINGS
 * @param {any[][]} country as written in the table, case-insensitive: "Japan", "China, Mainland", "Grand Total", "Of Which: Foreign Official".
 * @param {any[][]} [month] a month as text "2026-03", or any date in it. Default: the latest in the table.
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} USD bn
 * @helpurl https://localhost:3000/help/tic_holdings.html
 * @cancelable
 */
function TIC_HOLDINGS(country: any[][], month: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("TIC_HOLDINGS", [country, month, refresh], invocation) as Promise<any[][]>;
}

/**
 * Change of a country's US Treasury holdings over the last months, USD bn: the "are they still buying" number.
 * @customfunction TIC_CHANGE TIC_CHANGE
 * @param {any[][]} country as written in the table, case-insensitive: "Japan", "China, Mainland", "Grand Total".
 * @param {any[][]} months over how many months, 1 to 12 (the table holds 13 month-ends).
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} USD bn (negative = holdings fell)
 * @helpurl https://localhost:3000/help/tic_change.html
 * @cancelable
 */
function TIC_CHANGE(country: any[][], months: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("TIC_CHANGE", [country, months, refresh], invocation) as Promise<any[][]>;
}

/**
 * JGB yield (decimal) for a tenor of the Ministry of Finance's daily benchmark curve: the latest, or the last on or before a date.
 * @customfunction JGB_YIELD JGB_YIELD
 * @param {any[][]} tenor_years a tenor on the MoF curve in years: 1 to 10, 15, 20, 25, 30 or 40 (10 or "10Y").
 * @param {any[][]} [date] a date cell or text like 2026-03-31. Default: the latest.
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} decimal yield
 * @helpurl https://localhost:3000/help/jgb_yield.html
 * @cancelable
 */
function JGB_YIELD(tenor_years: any[][], date: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("JGB_YIELD", [tenor_years, date, refresh], invocation) as Promise<any[][]>;
}

/**
 * The note's 'what to watch' panel, live: US 10y, the 10y term premium, USD/JPY, the JGB 10y, the hedged UST yield, Japan's TIC holdings and their 12-month change, and the scenario.
 * @customfunction CHECKPOINTS CHECKPOINTS
 * @param {any[][]} [api_key] your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} header ["indicator", "latest", "as_of", "change_1m", "watch"], then 8 rows; as_of is text (YYYY-MM-DD, or YYYY-MM for TIC)
 * @helpurl https://localhost:3000/help/checkpoints.html
 * @cancelable
 */
function CHECKPOINTS(api_key: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("CHECKPOINTS", [api_key, refresh], invocation) as Promise<any[][]>;
}

/**
 * The note's comparison month by month: the US 10y, the 3-month hedge cost, the fully hedged UST against the JGB 10y, and Japan's Treasury holdings with their 12-month change. One row per month, oldest first.
 * @customfunction HEDGE_HISTORY HEDGE_HISTORY
 * @param {any[][]} start the first month: text like "2022-01", or any date in it.
 * @param {any[][]} [end] the last month, as start. Default: the last complete calendar month.
 * @param {any[][]} [basis] USD/JPY cross-currency basis added to the JPY leg, decimal: hedge_cost = us_3m − jp_short − basis, so a negative basis adds to the cost. Default 0.
 * @param {any[][]} [api_key] your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} header ["month", "us_10y", "us_3m", "jp_short", "hedge_cost", "hedged_ust", "jgb_10y", "jgb_advantage", "japan_holdings_bn", "japan_change_12m_bn"], then one row per month: month is its last day (a date), rates are decimals (the last observation within the month; jp_short is the MoF 1-year JGB), holdings USD bn; "" where a month has no value, and in the cells computed from it
 * @helpurl https://localhost:3000/help/hedge_history.html
 * @cancelable
 */
function HEDGE_HISTORY(start: any[][], end: any[][], basis: any[][], api_key: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("HEDGE_HISTORY", [start, end, basis, api_key, refresh], invocation) as Promise<any[][]>;
}

/**
 * The monthly panel the chain is calibrated on: HEDGE_HISTORY's rates, USD/JPY, Japan's net buying of foreign long-term bonds in USD bn and the Kim–Wright 10-year term premium. One row per month, oldest first; feed it to CALIBRATE_CHAIN.
 * @customfunction CHAIN_HISTORY CHAIN_HISTORY
 * @param {any[][]} start the first month: text like "2005-01" (the MoF monthly file's start), or any date in it.
 * @param {any[][]} [end] the last month, as start. Default: the last complete calendar month.
 * @param {any[][]} [basis] USD/JPY cross-currency basis added to the JPY leg, decimal, as in HEDGE_HISTORY. Default 0.
 * @param {any[][]} [api_key] your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} header ["month", "jp_short", "jgb_10y", "us_3m", "us_10y", "usdjpy", "hedged_ust", "jgb_advantage", "japan_bond_buying_bn", "term_premium_10y"], then one row per month: month is its last day (a date); rates and the term premium decimals, usdjpy JPY per USD (the last observation within the month), japan_bond_buying_bn USD bn (plus = net purchases); "" where a month has no value, and in the cells computed from it
 * @helpurl https://localhost:3000/help/chain_history.html
 * @cancelable
 */
function CHAIN_HISTORY(start: any[][], end: any[][], basis: any[][], api_key: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("CHAIN_HISTORY", [start, end, basis, api_key, refresh], invocation) as Promise<any[][]>;
}

/**
 * Japan's marginal bid week by week: Japanese investors' net purchases of foreign bonds (or another flow) from the Ministry of Finance's weekly securities transactions, with 4- and 13-week sums, in JPY bn.
 * @customfunction JAPAN_FLOWS JAPAN_FLOWS
 * @param {any[][]} [weeks] how many weeks to show, 1 to 2000 (the file starts in 2005). Default 13.
 * @param {any[][]} [end] a date: weeks that end after it are left out. Default: up to the latest week.
 * @param {any[][]} [series] which flow: "foreign_bonds" (residents' net purchases of foreign long-term debt, the note's bid), "foreign_equity", "foreign_total" or "japan_bonds" (non-residents' purchases of Japanese bonds). Optional, default "foreign_bonds".
 * @param {any[][]} [refresh] any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @param {CustomFunctions.CancelableInvocation} invocation Excel's handle on this call: canceling it aborts the request
 * @returns {Promise<any[][]>} header ["week_start", "week_end", series, "sum_4w", "sum_13w"], then one row per week (Sunday to Saturday), oldest first: dates as the host's dates, JPY bn (the file's 100 million yen ÷ 10; plus = net purchases); a sum is blank until the file holds enough weeks
 * @helpurl https://localhost:3000/help/japan_flows.html
 * @cancelable
 */
function JAPAN_FLOWS(weeks: any[][], end: any[][], series: any[][], refresh: any[][], invocation?: CustomFunctions.CancelableInvocation): Promise<any[][]> {
  return excel("JAPAN_FLOWS", [weeks, end, series, refresh], invocation) as Promise<any[][]>;
}

/**
 * Ordinary least squares of one column on 1 to 10 others, with Newey–West (HAC) standard errors, which Excel's LINEST lacks and overlapping sums need. Rows with a blank are dropped; a header row names the terms.
 * @customfunction REGRESS REGRESS
 * @param {any[][]} y the dependent variable: one column (a header cell on top is allowed).
 * @param {any[][]} x the regressors: 1 to 10 columns, the same rows as y (header cells on top are allowed).
 * @param {any[][]} [hac_lags] Newey–West lags L, 0 (White's errors) to n − 1. Default ⌊4·(n/100)^(2/9)⌋; use 11 or more on overlapping 12-month sums.
 * @param {any[][]} [intercept] TRUE to add an intercept (default), FALSE for a regression through the origin. Optional.
 * @returns {any[][]} header ["term", "estimate", "std_error", "t_stat", "ci_low", "ci_high"], a row per term (intercept first), then r2, n and hac_lags
 * @helpurl https://localhost:3000/help/regress.html
 */
function REGRESS(y: any[][], x: any[][], hac_lags?: any[][], intercept?: any[][]): any[][] {
  return excel("REGRESS", [y, x, hac_lags, intercept]) as any[][];
}

/**
 * The chain's four decisive links estimated on a CHAIN_HISTORY table, each with Newey–West errors. (more: Help on this function)
 * @customfunction CALIBRATE_CHAIN CALIBRATE_CHAIN
 * @param {any[][]} history a CHAIN_HISTORY table with its header row (columns found by name, in any order).
 * @param {any[][]} [hac_lags] Newey–West lags for all four regressions. Default: REGRESS's for the two monthly ones, 12 for the two on 12-month sums.
 * @returns {any[][]} header ["parameter", "estimate", "std_error", "ci_low", "ci_high", "t_stat", "r2", "n", "from", "to", "chain_default"] and one row per link; from and to are dates
 * @helpurl https://localhost:3000/help/calibrate_chain.html
 */
function CALIBRATE_CHAIN(history: any[][], hac_lags?: any[][]): any[][] {
  return excel("CALIBRATE_CHAIN", [history, hac_lags]) as any[][];
}

/**
 * CHAIN's uncertainty from the calibration's: percentiles of the term premium, the US 10y and the growth P/E, and the share of each scenario. Each calibrated input is drawn as estimate + std_error·z; the draws are seeded, so the same in every host.
 * @customfunction CHAIN_FAN CHAIN_FAN
 * @param {any[][]} inputs a two-column range of CHAIN input names and values, as for CHAIN; blank: the note's values.
 * @param {any[][]} calibration a table with parameter, estimate and std_error columns (CALIBRATE_CHAIN's, or typed by hand).
 * @param {any[][]} [draws] how many draws, 100 to 100,000. Default 2000.
 * @param {any[][]} [seed] the generator's seed, a whole number 0 to 2,147,483,647. Default 1.
 * @returns {any[][]} header ["statistic", "term_premium_change", "us_10y", "pe_change_growth"], rows p05 … p95, mean, scenario A/B/C shares (us_10y column) and failed_draws
 * @helpurl https://localhost:3000/help/chain_fan.html
 */
function CHAIN_FAN(inputs: any[][], calibration: any[][], draws?: any[][], seed?: any[][]): any[][] {
  return excel("CHAIN_FAN", [inputs, calibration, draws, seed]) as any[][];
}

/**
 * The meeting-by-meeting policy path a set of OIS quotes prices (what Bloomberg's WIRP shows): the overnight rate after each meeting, the move in bp and the implied probability of a step, for the BOJ (TONA OIS, 365) or the Fed (SOFR OIS, 360).
 * @customfunction POLICY_PATH POLICY_PATH
 * @param {any[][]} valuation_date the day the quotes start (a date, "2025-01-20" text or a serial).
 * @param {any[][]} overnight_rate the overnight rate in force until the first decision takes effect (TONA, SOFR), decimal: 0.227% or 0.00227.
 * @param {any[][]} ois_end_dates the end date of each OIS quote: a row or a column of 1 to 60 dates after valuation_date.
 * @param {any[][]} ois_rates the OIS rate of each quote, simple over calendar days on a year_days basis, decimal: the same length as ois_end_dates.
 * @param {any[][]} meeting_dates the policy meetings after valuation_date, strictly increasing: a row or a column of 1 to 40.
 * @param {any[][]} [step_bp] the size of one policy move in bp; hike_probability = change_bp / step_bp. Default 25.
 * @param {any[][]} [year_days] the OIS day-count denominator: 365 for TONA (the BOJ), 360 for SOFR (the Fed). Default 365. Unit: days.
 * @param {any[][]} [effective_lag_days] calendar days from a meeting to the day its decision applies, 0 to 10. Default 1 (the next day).
 * @returns {any[][]} header ["meeting", "effective", "rate_after", "change_bp", "cumulative_bp", "hike_probability", "quotes"], one row per meeting: the meeting and its effective day (dates), the overnight rate after it (decimal), its change and the change since today (bp), change_bp / step_bp (negative = a cut) and the quotes used; a meeting no quote prices keeps the rate, its probability ""
 * @helpurl https://localhost:3000/help/policy_path.html
 */
function POLICY_PATH(valuation_date: any[][], overnight_rate: any[][], ois_end_dates: any[][], ois_rates: any[][], meeting_dates: any[][], step_bp?: any[][], year_days?: any[][], effective_lag_days?: any[][]): any[][] {
  return excel("POLICY_PATH", [valuation_date, overnight_rate, ois_end_dates, ois_rates, meeting_dates, step_bp, year_days, effective_lag_days]) as any[][];
}
