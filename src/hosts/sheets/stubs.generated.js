// GENERATED from the function table in src/catalog by `npm run generate`. Do not edit by hand.
/*
 * marginal-bid for Google Sheets: one custom function per catalog entry (45), plus the menu.
 * Every function forwards to the core bundled below it (MarginalBid_, loaded on first call).
 */

/**
 * Annual cost for a JPY investor to hedge USD assets, the note's model: us_short − jp_short − basis.
 *
 * @param {number|number[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {number|number[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {number|number[][]} basis USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @return {number|number[][]} decimal rate a year
 * @customfunction
 */
function HEDGE_COST(us_short, jp_short, basis) {
  return MarginalBid_().call("HEDGE_COST", arguments);
}

/**
 * Exact money-market hedge cost from covered interest parity (USD ACT/360, JPY ACT/365): (1 − F/S)·year_days/days with F/S = (1 + (jp_short + basis)·days/365)/(1 + us_short·days/360).
 *
 * @param {number|number[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {number|number[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {number|number[][]} days actual days of the hedge (91 for a 3-month roll, 365 for a year).
 * @param {number|number[][]} basis USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @param {number|number[][]} year_days days in the year used to annualise the cost (360 money-market, 365 to compare with JGB yields). Default 360.
 * @return {number|number[][]} decimal rate a year
 * @customfunction
 */
function HEDGE_COST_CIP(us_short, jp_short, days, basis, year_days) {
  return MarginalBid_().call("HEDGE_COST_CIP", arguments);
}

/**
 * Hedge cost implied by a quoted USD/JPY outright forward: (1 − forward/spot)·year_days/days.
 *
 * @param {number|number[][]} spot USD/JPY spot, JPY per USD (e.g. 150.2).
 * @param {number|number[][]} forward USD/JPY outright forward for the same date, JPY per USD (spot plus forward points/100).
 * @param {number|number[][]} days actual days of the hedge (91 for a 3-month roll, 365 for a year).
 * @param {number|number[][]} year_days days in the year used to annualise the cost (360 money-market, 365 to compare with JGB yields). Default 360.
 * @return {number|number[][]} decimal rate a year
 * @customfunction
 */
function HEDGE_COST_FWD(spot, forward, days, year_days) {
  return MarginalBid_().call("HEDGE_COST_FWD", arguments);
}

/**
 * USD/JPY outright forward from covered interest parity: spot·(1 + (jp_short + basis)·days/365)/(1 + us_short·days/360).
 *
 * @param {number|number[][]} spot USD/JPY spot, JPY per USD (e.g. 150.2).
 * @param {number|number[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {number|number[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {number|number[][]} days actual days of the hedge (91 for a 3-month roll, 365 for a year).
 * @param {number|number[][]} basis USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @return {number|number[][]} JPY per USD
 * @customfunction
 */
function FX_FORWARD(spot, us_short, jp_short, days, basis) {
  return MarginalBid_().call("FX_FORWARD", arguments);
}

/**
 * Cross-currency basis implied by a quoted forward: ((forward/spot)·(1 + us_short·days/360) − 1)·365/days − jp_short. Negative = dollars are dear.
 *
 * @param {number|number[][]} spot USD/JPY spot, JPY per USD (e.g. 150.2).
 * @param {number|number[][]} forward USD/JPY outright forward for the same date, JPY per USD (spot plus forward points/100).
 * @param {number|number[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {number|number[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {number|number[][]} days actual days of the hedge (91 for a 3-month roll, 365 for a year).
 * @return {number|number[][]} decimal rate a year
 * @customfunction
 */
function IMPLIED_BASIS(spot, forward, us_short, jp_short, days) {
  return MarginalBid_().call("IMPLIED_BASIS", arguments);
}

/**
 * Expected JPY-based return of a US Treasury for a Japanese investor: ust_yield − hedge_ratio·HEDGE_COST + (1 − hedge_ratio)·fx_change.
 *
 * @param {number|number[][]} ust_yield US Treasury yield, decimal: 4.3% or 0.043.
 * @param {number|number[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {number|number[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {number|number[][]} basis USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @param {number|number[][]} hedge_ratio fraction of the position that is FX-hedged, 0 to 1 (Japanese lifers run about 0.5–0.7). Default 1.
 * @param {number|number[][]} fx_change expected annual change of USD/JPY as a decimal; negative = the yen strengthens (a loss on the unhedged part). Default 0.
 * @return {number|number[][]} decimal rate a year
 * @customfunction
 */
function HEDGED_UST(ust_yield, us_short, jp_short, basis, hedge_ratio, fx_change) {
  return MarginalBid_().call("HEDGED_UST", arguments);
}

/**
 * JGB yield minus the hedged UST return: positive means the JGB wins for a Japanese investor.
 *
 * @param {number|number[][]} jgb_yield JGB yield of the comparable maturity, decimal: 1.5% or 0.015.
 * @param {number|number[][]} ust_yield US Treasury yield, decimal: 4.3% or 0.043.
 * @param {number|number[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {number|number[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {number|number[][]} basis USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @param {number|number[][]} hedge_ratio fraction of the position that is FX-hedged, 0 to 1 (Japanese lifers run about 0.5–0.7). Default 1.
 * @param {number|number[][]} fx_change expected annual change of USD/JPY as a decimal; negative = the yen strengthens (a loss on the unhedged part). Default 0.
 * @return {number|number[][]} decimal rate a year
 * @customfunction
 */
function JGB_ADVANTAGE(jgb_yield, ust_yield, us_short, jp_short, basis, hedge_ratio, fx_change) {
  return MarginalBid_().call("JGB_ADVANTAGE", arguments);
}

/**
 * The expected USD/JPY change at which a partly hedged UST earns exactly the JGB yield: (jgb − ust + h·hedge_cost)/(1 − h).
 *
 * @param {number|number[][]} ust_yield US Treasury yield, decimal: 4.3% or 0.043.
 * @param {number|number[][]} jgb_yield JGB yield of the comparable maturity, decimal: 1.5% or 0.015.
 * @param {number|number[][]} hedge_ratio fraction of the position that is FX-hedged, 0 to 1; must be below 1. Default 0 (unhedged).
 * @param {number|number[][]} hedge_cost annual hedge cost of the hedged part, decimal (HEDGE_COST). Default 0.
 * @return {number|number[][]} decimal change of USD/JPY a year
 * @customfunction
 */
function FX_BREAKEVEN(ust_yield, jgb_yield, hedge_ratio, hedge_cost) {
  return MarginalBid_().call("FX_BREAKEVEN", arguments);
}

/**
 * Before/after table of a BOJ hike: the JPY short rate moves hike·short_passthrough, the JGB hike·jgb_passthrough, US rates stay. With equal pass-through the JGB advantage does not change.
 *
 * @param {number|number[][]} hike_bp size of the BOJ hike in basis points: 50 = 0.50%.
 * @param {number|number[][]} ust_yield US Treasury yield, decimal: 4.3% or 0.043.
 * @param {number|number[][]} us_short USD short rate for the hedge tenor (e.g. 3-month SOFR/T-bill), decimal: 4.5% or 0.045.
 * @param {number|number[][]} jp_short JPY short rate for the hedge tenor (BOJ policy rate / TONA / 3-month TIBOR), decimal: 0.5% or 0.005.
 * @param {number|number[][]} jgb_yield JGB yield of the comparable maturity, decimal: 1.5% or 0.015.
 * @param {number|number[][]} short_passthrough share of the hike that reaches the JPY hedge-tenor rate. Default 1.
 * @param {number|number[][]} jgb_passthrough share of the hike that reaches the JGB yield (the note assumes 1). Default 1.
 * @param {number|number[][]} basis USD/JPY cross-currency basis added to the JPY leg, decimal; usually negative, which adds to the hedge cost. Default 0.
 * @return {Array[][]} a 6×4 table: header, then jp_short, jgb_yield, hedge_cost, hedged_ust, jgb_advantage with before, after and change
 * @customfunction
 */
function BOJ_HIKE(hike_bp, ust_yield, us_short, jp_short, jgb_yield, short_passthrough, jgb_passthrough, basis) {
  return MarginalBid_().call("BOJ_HIKE", arguments);
}

/**
 * Change of the UST 10y term premium (decimal) when buyers of shortfall_bn a year must be replaced: shortfall_bn/100·bp_per_100bn/10000. Presets: "note" 80, "short_run" 50, "central" 20, "long_run" 5, "stress" 100.
 *
 * @param {number|number[][]} shortfall_bn annual buying (USD bn) that other buyers must replace, e.g. half of Japan's 75bn = 37.5.
 * @param {number|string|Array[][]} bp_per_100bn term-premium response in bp per USD 100bn a year, or a preset name: "note" (80), "short_run" (50), "central" (20), "long_run" (5), "stress" (100). Default 80 (the note).
 * @return {number|number[][]} decimal change of the term premium
 * @customfunction
 */
function TP_IMPACT(shortfall_bn, bp_per_100bn) {
  return MarginalBid_().call("TP_IMPACT", arguments);
}

/**
 * Every term-premium sensitivity preset side by side for one shortfall: the range of estimates at a glance.
 *
 * @param {number|number[][]} shortfall_bn annual buying (USD bn) that other buyers must replace, e.g. half of Japan's 75bn = 37.5.
 * @return {Array[][]} a table: preset, bp_per_100bn, tp_change, one row per preset
 * @customfunction
 */
function TP_IMPACT_TABLE(shortfall_bn) {
  return MarginalBid_().call("TP_IMPACT_TABLE", arguments);
}

/**
 * The note's decomposition: long yield minus the average of the expected short-rate path (blanks skipped).
 *
 * @param {number|number[][]} long_yield the long-bond yield, decimal (e.g. the US 10y).
 * @param {number[][]} expected_short_rates a range with the expected short-rate path over the bond's life, decimals; blanks are skipped.
 * @return {number|number[][]} decimal rate
 * @customfunction
 */
function TERM_PREMIUM(long_yield, expected_short_rates) {
  return MarginalBid_().call("TERM_PREMIUM", arguments);
}

/**
 * Mark-to-market change (USD bn) of a bond holding when yields move: holdings_bn·(−mod_duration·Δy + ½·convexity·Δy²).
 *
 * @param {number|number[][]} holdings_bn holdings in USD bn (Japan ≈ 1,130).
 * @param {number|number[][]} yield_change change of the yield, decimal: +0.30% is 0.003.
 * @param {number|number[][]} mod_duration modified duration in years (a 10y UST is about 8).
 * @param {number|number[][]} convexity convexity in years² (BOND_CONVEXITY). Default 0: duration only.
 * @return {number|number[][]} USD bn (negative = loss)
 * @customfunction
 */
function HOLDINGS_LOSS(holdings_bn, yield_change, mod_duration, convexity) {
  return MarginalBid_().call("HOLDINGS_LOSS", arguments);
}

/**
 * Price per 100 of a bullet bond on a coupon date; equals Excel's PRICE() there and also takes negative yields.
 *
 * @param {number|number[][]} yield yield to maturity, decimal, compounded at the coupon frequency (negative yields allowed).
 * @param {number|number[][]} coupon annual coupon rate, decimal: 4.25% or 0.0425.
 * @param {number|number[][]} years years to maturity from a coupon date; years·freq must be a whole number of periods.
 * @param {number|number[][]} freq coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @return {number|number[][]} price per 100
 * @customfunction
 */
function BOND_PRICE(yield, coupon, years, freq) {
  return MarginalBid_().call("BOND_PRICE", arguments);
}

/**
 * Modified duration in years of a bullet bond on a coupon date; equals Excel's MDURATION() there.
 *
 * @param {number|number[][]} yield yield to maturity, decimal, compounded at the coupon frequency (negative yields allowed).
 * @param {number|number[][]} coupon annual coupon rate, decimal: 4.25% or 0.0425.
 * @param {number|number[][]} years years to maturity from a coupon date; years·freq must be a whole number of periods.
 * @param {number|number[][]} freq coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @return {number|number[][]} years
 * @customfunction
 */
function BOND_DURATION(yield, coupon, years, freq) {
  return MarginalBid_().call("BOND_DURATION", arguments);
}

/**
 * Convexity in years² of a bullet bond on a coupon date (the second-order term of PRICE_CHANGE).
 *
 * @param {number|number[][]} yield yield to maturity, decimal, compounded at the coupon frequency (negative yields allowed).
 * @param {number|number[][]} coupon annual coupon rate, decimal: 4.25% or 0.0425.
 * @param {number|number[][]} years years to maturity from a coupon date; years·freq must be a whole number of periods.
 * @param {number|number[][]} freq coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @return {number|number[][]} years²
 * @customfunction
 */
function BOND_CONVEXITY(yield, coupon, years, freq) {
  return MarginalBid_().call("BOND_CONVEXITY", arguments);
}

/**
 * Fractional price change from duration and convexity: −D·Δy + ½·C·Δy².
 *
 * @param {number|number[][]} yield_change change of the yield, decimal: +0.30% is 0.003.
 * @param {number|number[][]} mod_duration modified duration in years (a 10y UST is about 8).
 * @param {number|number[][]} convexity convexity in years² (BOND_CONVEXITY). Default 0: duration only.
 * @return {number|number[][]} decimal price change
 * @customfunction
 */
function PRICE_CHANGE(yield_change, mod_duration, convexity) {
  return MarginalBid_().call("PRICE_CHANGE", arguments);
}

/**
 * Gordon forward P/E: payout/(discount_rate − growth). The discount rate must exceed growth.
 *
 * @param {number|number[][]} payout payout ratio of earnings, 0 to 1: 40% or 0.4.
 * @param {number|number[][]} discount_rate discount rate r (e.g. the US 10y plus an equity risk premium), decimal.
 * @param {number|number[][]} growth long-run growth g of the cash flows, decimal; must be below the discount rate.
 * @return {number|number[][]} multiple of forward earnings
 * @customfunction
 */
function PE_RATIO(payout, discount_rate, growth) {
  return MarginalBid_().call("PE_RATIO", arguments);
}

/**
 * Duration of a Gordon-growth equity, 1/(discount_rate − growth) years: why long-duration growth stocks react most to the discount rate.
 *
 * @param {number|number[][]} discount_rate discount rate r (e.g. the US 10y plus an equity risk premium), decimal.
 * @param {number|number[][]} growth long-run growth g of the cash flows, decimal; must be below the discount rate.
 * @return {number|number[][]} years
 * @customfunction
 */
function EQUITY_DURATION(discount_rate, growth) {
  return MarginalBid_().call("EQUITY_DURATION", arguments);
}

/**
 * Fractional P/E change when the discount rate moves by passthrough·rate_change: (r − g)/(r + passthrough·Δ − g) − 1. High growth is hit hardest.
 *
 * @param {number|number[][]} rate_change change of the discount rate, decimal: +0.30% is 0.003.
 * @param {number|number[][]} discount_rate discount rate r (e.g. the US 10y plus an equity risk premium), decimal.
 * @param {number|number[][]} growth long-run growth g of the cash flows, decimal; must be below the discount rate.
 * @param {number|number[][]} passthrough share of the rate change that reaches the equity discount rate. Default 1.
 * @return {number|number[][]} decimal change of the P/E
 * @customfunction
 */
function PE_CHANGE(rate_change, discount_rate, growth, passthrough) {
  return MarginalBid_().call("PE_CHANGE", arguments);
}

/**
 * Fractional change of the present value of a cash-flow schedule (annual compounding) when the discount rate moves: distant cash flows lose more.
 *
 * @param {number[][]} cashflows a range of cash flows (any currency unit).
 * @param {number[][]} times a range of the same length: when each cash flow arrives, in years.
 * @param {number|number[][]} discount_rate discount rate r (e.g. the US 10y plus an equity risk premium), decimal.
 * @param {number|number[][]} rate_change change of the discount rate, decimal: +0.30% is 0.003.
 * @return {number|number[][]} decimal change of the present value
 * @customfunction
 */
function PV_CHANGE(cashflows, times, discount_rate, rate_change) {
  return MarginalBid_().call("PV_CHANGE", arguments);
}

/**
 * The note's scenario for a US 10y level: "A" below 4.5%, "B" from 4.5% to below 5.0%, "C" from 5.0%.
 *
 * @param {number|number[][]} ust_10y US 10y yield, decimal: 4.6% or 0.046.
 * @param {number[][]} thresholds a range of two increasing levels replacing 4.5% and 5.0%. Default the note's. Unit: decimal: 4.30% is 0.043 (type 4.3% or 0.043).
 * @return {string|string[][]} text: "A", "B" or "C"
 * @customfunction
 */
function SCENARIO(ust_10y, thresholds) {
  return MarginalBid_().call("SCENARIO", arguments);
}

/**
 * The note's scenario table: scenario, description, the US 10y range and the read-across to Korean equities.
 *
 * @return {Array[][]} a 4×5 table with a header row
 * @customfunction
 */
function SCENARIO_TABLE() {
  return MarginalBid_().call("SCENARIO_TABLE", arguments);
}

/**
 * The chain's first link, the BOJ hike odds: the probability of a hike priced by an OIS or futures rate, (implied_rate − current_rate)/(hike_bp/10000·share_after_meeting). Not clamped: above 1 more than one hike is priced, below 0 a cut.
 *
 * @param {number|number[][]} implied_rate the market's average rate over a period that contains the meeting (OIS or futures), decimal: 0.6875% or 0.006875.
 * @param {number|number[][]} current_rate the policy rate now, decimal: 0.5% or 0.005.
 * @param {number|number[][]} hike_bp size of the move in basis points; negative for the odds of a cut. Default 25.
 * @param {number|number[][]} share_after_meeting fraction of the period that lies after the meeting, above 0 and at most 1. Default 1 (the period starts at the meeting).
 * @return {number|number[][]} probability as a plain number (0.75 = 75%), not clamped
 * @customfunction
 */
function HIKE_PROBABILITY(implied_rate, current_rate, hike_bp, share_after_meeting) {
  return MarginalBid_().call("HIKE_PROBABILITY", arguments);
}

/**
 * Every input of CHAIN with the note's illustrative value, as a two-column block to edit and feed to CHAIN.
 *
 * @return {Array[][]} a 22×2 block of names and values (bid_elasticity_bn blank: off)
 * @customfunction
 */
function CHAIN_INPUTS() {
  return MarginalBid_().call("CHAIN_INPUTS", arguments);
}

/**
 * The whole transmission of the note: BOJ hike → yen legs and FX view → hedged UST and JGB advantage → Japan's bid → term premium → US 10y → scenario → holdings, P/E of growth and value, Korean 10y. Spills step, before, after, change.
 *
 * @param {Array[][]} inputs a two-column range of input names and values (any subset, any order; see CHAIN_INPUTS). Missing names take the note's values. Optional.
 * @return {Array[][]} a 16×4 table: header, then one row per step of the chain
 * @customfunction
 */
function CHAIN(inputs) {
  return MarginalBid_().call("CHAIN", arguments);
}

/**
 * Named scenarios of CHAIN side by side: one column per scenario, one row per step, each the step's after value (its change for the change-only steps).
 *
 * @param {Array[][]} inputs a block whose first row is a label then one scenario name per column, and whose other rows are a CHAIN input name then its value in each scenario (blank: the note's value).
 * @return {Array[][]} a 16-row table: header (step, then the scenario names), then one row per step of CHAIN
 * @customfunction
 */
function CHAIN_COMPARE(inputs) {
  return MarginalBid_().call("CHAIN_COMPARE", arguments);
}

/**
 * CHAIN with one input swept from `from` to `to` in `points` even steps: per point the hedged UST, JGB advantage, bid cut, term premium, US 10y, scenario and P/E changes.
 *
 * @param {Array[][]} inputs a two-column range of CHAIN input names and values, as for CHAIN; blank: the note's values.
 * @param {string|string[][]} input_name the CHAIN input to sweep, e.g. "hike_bp".
 * @param {number|number[][]} from first value of the swept input, in its unit (50 for bp, 4.5% for a rate).
 * @param {number|number[][]} to last value of the swept input, in its unit.
 * @param {number|number[][]} points number of points, 2 to 1001. Default 11.
 * @return {Array[][]} a table: header (the input, hedged_ust, jgb_advantage, bid_cut, term_premium_change, us_10y, scenario, pe_change_growth, pe_change_value), then one row per point
 * @customfunction
 */
function CHAIN_SENSITIVITY(inputs, input_name, from, to, points) {
  return MarginalBid_().call("CHAIN_SENSITIVITY", arguments);
}

/**
 * Continuously compounded zero-coupon yield of a Svensson curve in the Gürkaynak–Sack–Wright form; betas as decimals (the Fed's BETA/100), taus in years.
 *
 * @param {number|number[][]} maturity_years maturity in years (0 or more; 10 for the 10-year zero); a range gives one yield per maturity.
 * @param {number|number[][]} beta0 β0, the long-run level, decimal (the Fed's BETA0/100).
 * @param {number|number[][]} beta1 β1, short end minus long end, decimal (the Fed's BETA1/100).
 * @param {number|number[][]} beta2 β2, first hump, decimal (the Fed's BETA2/100). Not limited to ±1: recent Fed fits pair β2 ≈ −4.5 with β3 ≈ +4.7 (−453% and +465% in their file), humps that nearly cancel.
 * @param {number|number[][]} beta3 β3, second hump, decimal (the Fed's BETA3/100); 0 gives the Nelson–Siegel curve.
 * @param {number|number[][]} tau1 τ1, decay of the slope and first hump, years (the Fed's TAU1).
 * @param {number|number[][]} tau2 τ2, decay of the second hump, years (the Fed's TAU2); must be above 0 unless beta3 = 0, when it is ignored (the Fed's file then holds −999.99).
 * @return {number|number[][]} decimal yield, continuously compounded
 * @customfunction
 */
function SVENSSON_YIELD(maturity_years, beta0, beta1, beta2, beta3, tau1, tau2) {
  return MarginalBid_().call("SVENSSON_YIELD", arguments);
}

/**
 * Par yields implied by a continuously compounded zero curve, compounded at the coupon frequency: spills one par yield per maturity.
 *
 * @param {number[][]} zero_yields the zero curve: continuously compounded zero-coupon yields, decimals; blanks are skipped.
 * @param {number[][]} maturities_years the maturity in years of each zero yield, increasing, up to 100; each must be a whole number of coupon periods to get its par yield (e.g. 0.5, 1, 2, 5, 10 with freq 2).
 * @param {number|number[][]} freq coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @return {Array[][]} a column of decimal par yields, one per maturity, compounded at freq
 * @customfunction
 */
function ZERO_TO_PAR(zero_yields, maturities_years, freq) {
  return MarginalBid_().call("ZERO_TO_PAR", arguments);
}

/**
 * Zero yields (continuously compounded) implied by a par curve: the exact inverse of ZERO_TO_PAR with its conventions, solved maturity by maturity. Spills one zero yield per maturity.
 *
 * @param {number[][]} par_yields the par curve: par (coupon) yields compounded at freq, decimals, e.g. the Fed's SVENPY or the MoF JGB curve; blanks are skipped.
 * @param {number[][]} maturities_years the maturity in years of each par yield, increasing, up to 100; each a whole number of coupon periods (e.g. 1, 2, …, 10 with freq 2).
 * @param {number|number[][]} freq coupons a year: 1 annual, 2 semi-annual (USTs, JGBs), 4 quarterly. Default 2.
 * @return {Array[][]} a column of continuously compounded decimal zero yields, one per maturity
 * @customfunction
 */
function PAR_TO_ZERO(par_yields, maturities_years, freq) {
  return MarginalBid_().call("PAR_TO_ZERO", arguments);
}

/**
 * The Adrian–Crump–Moench (2013) term premium estimated on your monthly panel of zero-coupon yields: spills fitted_yield, risk_neutral_yield and term_premium (fitted − risk-neutral) for target_months, one row per month.
 *
 * @param {number[][]} yields monthly panel of zero-coupon yields, continuously compounded decimals (4.3% or 0.043): rows = months, oldest first; columns = the maturities in maturities_months. No blanks.
 * @param {number[][]} maturities_months the maturity in months of each column of yields, increasing, starting at 1 (the short rate), e.g. 1, 3, 6, 12, 24, …, 120; at most 1200.
 * @param {number|number[][]} target_months maturity in months of the yield to decompose, up to the panel's longest. Default 120 (the 10-year).
 * @param {number|number[][]} factors number of principal components used as pricing factors (ACM use 5); K factors need at least 2K + 3 months (13 for 5) and K maturities from 3 months up. Default 5.
 * @return {Array[][]} a table: header fitted_yield, risk_neutral_yield, term_premium, then one row of decimals per month of the panel
 * @customfunction
 */
function ACM_TERM_PREMIUM(yields, maturities_months, target_months, factors) {
  return MarginalBid_().call("ACM_TERM_PREMIUM", arguments);
}

/**
 * The latest observation of a FRED series, or the last one on or before a date. Percent series come back as decimals (4.30 → 0.043); others as published (DEXJPUS 150.2). Missing values are skipped.
 *
 * @param {string} series_id FRED series id, e.g. "DGS10", "DGS3MO", "THREEFYTP10", "DEXJPUS".
 * @param {Date|string} date a date cell or text like 2026-03-31: the last observation on or before it. Default: the latest.
 * @param {string} api_key your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {number} the value: a decimal for percent series, else in FRED's units
 * @customfunction
 */
function FRED(series_id, date, api_key, refresh) {
  return MarginalBid_().call("FRED", arguments);
}

/**
 * Spills a FRED series between two dates, oldest first, with FRED's unit rule (percent → decimals). Missing values are left out.
 *
 * @param {string} series_id FRED series id, e.g. "DGS10".
 * @param {Date|string} start first date. Default: one year before end.
 * @param {Date|string} end last date. Default: the latest observation.
 * @param {string} api_key your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {Array[][]} header ["date", "value"], then one row per observation, dates as the host's dates
 * @customfunction
 */
function FRED_SERIES(series_id, start, end, api_key, refresh) {
  return MarginalBid_().call("FRED_SERIES", arguments);
}

/**
 * Holdings of US Treasuries in USD bn from the Treasury's Major Foreign Holders table (TIC), latest month by default.
 *
 * @param {string} country as written in the table, case-insensitive: "Japan", "China, Mainland", "Grand Total", "Of Which: Foreign Official".
 * @param {Date|string} month a month as text "2026-03", or any date in it. Default: the latest in the table.
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {number} USD bn
 * @customfunction
 */
function TIC_HOLDINGS(country, month, refresh) {
  return MarginalBid_().call("TIC_HOLDINGS", arguments);
}

/**
 * Change of a country's US Treasury holdings over the last months, USD bn: the "are they still buying" number.
 *
 * @param {string} country as written in the table, case-insensitive: "Japan", "China, Mainland", "Grand Total".
 * @param {number|string} months over how many months, 1 to 12 (the table holds 13 month-ends).
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {number} USD bn (negative = holdings fell)
 * @customfunction
 */
function TIC_CHANGE(country, months, refresh) {
  return MarginalBid_().call("TIC_CHANGE", arguments);
}

/**
 * JGB yield (decimal) for a tenor of the Ministry of Finance's daily benchmark curve: the latest, or the last on or before a date.
 *
 * @param {number|string} tenor_years a tenor on the MoF curve in years: 1 to 10, 15, 20, 25, 30 or 40 (10 or "10Y").
 * @param {Date|string} date a date cell or text like 2026-03-31. Default: the latest.
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {number} decimal yield
 * @customfunction
 */
function JGB_YIELD(tenor_years, date, refresh) {
  return MarginalBid_().call("JGB_YIELD", arguments);
}

/**
 * The note's 'what to watch' panel, live: US 10y, the 10y term premium, USD/JPY, the JGB 10y, the hedged UST yield, Japan's TIC holdings and their 12-month change, and the scenario.
 *
 * @param {string} api_key your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {Array[][]} header ["indicator", "latest", "as_of", "change_1m", "watch"], then 8 rows; as_of is text (YYYY-MM-DD, or YYYY-MM for TIC)
 * @customfunction
 */
function CHECKPOINTS(api_key, refresh) {
  return MarginalBid_().call("CHECKPOINTS", arguments);
}

/**
 * The note's comparison month by month: the US 10y, the 3-month hedge cost, the fully hedged UST against the JGB 10y, and Japan's Treasury holdings with their 12-month change. One row per month, oldest first.
 *
 * @param {Date|string} start the first month: text like "2022-01", or any date in it.
 * @param {Date|string} end the last month, as start. Default: the last complete calendar month.
 * @param {number|string} basis USD/JPY cross-currency basis added to the JPY leg, decimal: hedge_cost = us_3m − jp_short − basis, so a negative basis adds to the cost. Default 0.
 * @param {string} api_key your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {Array[][]} header ["month", "us_10y", "us_3m", "jp_short", "hedge_cost", "hedged_ust", "jgb_10y", "jgb_advantage", "japan_holdings_bn", "japan_change_12m_bn"], then one row per month: month is its last day (a date), rates are decimals (the last observation within the month; jp_short is the MoF 1-year JGB), holdings USD bn; "" where a month has no value, and in the cells computed from it
 * @customfunction
 */
function HEDGE_HISTORY(start, end, basis, api_key, refresh) {
  return MarginalBid_().call("HEDGE_HISTORY", arguments);
}

/**
 * The monthly panel the chain is calibrated on: HEDGE_HISTORY's rates, USD/JPY, Japan's net buying of foreign long-term bonds in USD bn and the Kim–Wright 10-year term premium. One row per month, oldest first; feed it to CALIBRATE_CHAIN.
 *
 * @param {Date|string} start the first month: text like "2005-01" (the MoF monthly file's start), or any date in it.
 * @param {Date|string} end the last month, as start. Default: the last complete calendar month.
 * @param {number|string} basis USD/JPY cross-currency basis added to the JPY leg, decimal, as in HEDGE_HISTORY. Default 0.
 * @param {string} api_key your FRED API key (free: https://fred.stlouisfed.org/docs/api/api_key.html). Default: in Sheets the key set with marginal-bid → Set FRED API key; Excel's proxy uses its own.
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {Array[][]} header ["month", "jp_short", "jgb_10y", "us_3m", "us_10y", "usdjpy", "hedged_ust", "jgb_advantage", "japan_bond_buying_bn", "term_premium_10y"], then one row per month: month is its last day (a date); rates and the term premium decimals, usdjpy JPY per USD (the last observation within the month), japan_bond_buying_bn USD bn (plus = net purchases); "" where a month has no value, and in the cells computed from it
 * @customfunction
 */
function CHAIN_HISTORY(start, end, basis, api_key, refresh) {
  return MarginalBid_().call("CHAIN_HISTORY", arguments);
}

/**
 * Japan's marginal bid week by week: Japanese investors' net purchases of foreign bonds (or another flow) from the Ministry of Finance's weekly securities transactions, with 4- and 13-week sums, in JPY bn.
 *
 * @param {number|string} weeks how many weeks to show, 1 to 2000 (the file starts in 2005). Default 13.
 * @param {Date|string} end a date: weeks that end after it are left out. Default: up to the latest week.
 * @param {string} series which flow: "foreign_bonds" (residents' net purchases of foreign long-term debt, the note's bid), "foreign_equity", "foreign_total" or "japan_bonds" (non-residents' purchases of Japanese bonds). Optional, default "foreign_bonds".
 * @param {*} refresh any value, not used in the result. Google Sheets keeps a result while the arguments stay the same: pass a cell that marginal-bid → Refresh live data sets to now (Excel refreshes from the task pane without it). Optional.
 * @return {Array[][]} header ["week_start", "week_end", series, "sum_4w", "sum_13w"], then one row per week (Sunday to Saturday), oldest first: dates as the host's dates, JPY bn (the file's 100 million yen ÷ 10; plus = net purchases); a sum is blank until the file holds enough weeks
 * @customfunction
 */
function JAPAN_FLOWS(weeks, end, series, refresh) {
  return MarginalBid_().call("JAPAN_FLOWS", arguments);
}

/**
 * Ordinary least squares of one column on 1 to 10 others, with Newey–West (HAC) standard errors, which Excel's LINEST lacks and overlapping sums need. Rows with a blank are dropped; a header row names the terms.
 *
 * @param {Array[][]} y the dependent variable: one column (a header cell on top is allowed).
 * @param {Array[][]} x the regressors: 1 to 10 columns, the same rows as y (header cells on top are allowed).
 * @param {number|number[][]} hac_lags Newey–West lags L, 0 (White's errors) to n − 1. Default ⌊4·(n/100)^(2/9)⌋; use 11 or more on overlapping 12-month sums.
 * @param {number|number[][]} intercept TRUE to add an intercept (default), FALSE for a regression through the origin. Optional.
 * @return {Array[][]} header ["term", "estimate", "std_error", "t_stat", "ci_low", "ci_high"], a row per term (intercept first), then r2, n and hac_lags
 * @customfunction
 */
function REGRESS(y, x, hac_lags, intercept) {
  return MarginalBid_().call("REGRESS", arguments);
}

/**
 * The chain's four decisive links estimated on a CHAIN_HISTORY table, each with Newey–West errors. They are the JGB 10y's pass-through of the short rate, the yen's response, the elasticity of Japan's bond buying to the JGB advantage, and the term premium per USD 100bn of buying lost.
 *
 * @param {Array[][]} history a CHAIN_HISTORY table with its header row (columns found by name, in any order).
 * @param {number|number[][]} hac_lags Newey–West lags for all four regressions. Default: REGRESS's for the two monthly ones, 12 for the two on 12-month sums.
 * @return {Array[][]} header ["parameter", "estimate", "std_error", "ci_low", "ci_high", "t_stat", "r2", "n", "from", "to", "chain_default"] and one row per link; from and to are dates
 * @customfunction
 */
function CALIBRATE_CHAIN(history, hac_lags) {
  return MarginalBid_().call("CALIBRATE_CHAIN", arguments);
}

/**
 * CHAIN's uncertainty from the calibration's: percentiles of the term premium, the US 10y and the growth P/E, and the share of each scenario. Each calibrated input is drawn as estimate + std_error·z; the draws are seeded, so the same in every host.
 *
 * @param {Array[][]} inputs a two-column range of CHAIN input names and values, as for CHAIN; blank: the note's values.
 * @param {Array[][]} calibration a table with parameter, estimate and std_error columns (CALIBRATE_CHAIN's, or typed by hand).
 * @param {number|number[][]} draws how many draws, 100 to 100,000. Default 2000.
 * @param {number|number[][]} seed the generator's seed, a whole number 0 to 2,147,483,647. Default 1.
 * @return {Array[][]} header ["statistic", "term_premium_change", "us_10y", "pe_change_growth"], rows p05 … p95, mean, scenario A/B/C shares (us_10y column) and failed_draws
 * @customfunction
 */
function CHAIN_FAN(inputs, calibration, draws, seed) {
  return MarginalBid_().call("CHAIN_FAN", arguments);
}

/**
 * The meeting-by-meeting policy path a set of OIS quotes prices (what Bloomberg's WIRP shows): the overnight rate after each meeting, the move in bp and the implied probability of a step, for the BOJ (TONA OIS, 365) or the Fed (SOFR OIS, 360).
 *
 * @param {number|number[][]} valuation_date the day the quotes start (a date, "2025-01-20" text or a serial).
 * @param {number|number[][]} overnight_rate the overnight rate in force until the first decision takes effect (TONA, SOFR), decimal: 0.227% or 0.00227.
 * @param {Array[][]} ois_end_dates the end date of each OIS quote: a row or a column of 1 to 60 dates after valuation_date.
 * @param {Array[][]} ois_rates the OIS rate of each quote, simple over calendar days on a year_days basis, decimal: the same length as ois_end_dates.
 * @param {Array[][]} meeting_dates the policy meetings after valuation_date, strictly increasing: a row or a column of 1 to 40.
 * @param {number|number[][]} step_bp the size of one policy move in bp; hike_probability = change_bp / step_bp. Default 25.
 * @param {number|number[][]} year_days the OIS day-count denominator: 365 for TONA (the BOJ), 360 for SOFR (the Fed). Default 365. Unit: days.
 * @param {number|number[][]} effective_lag_days calendar days from a meeting to the day its decision applies, 0 to 10. Default 1 (the next day).
 * @return {Array[][]} header ["meeting", "effective", "rate_after", "change_bp", "cumulative_bp", "hike_probability", "quotes"], one row per meeting: the meeting and its effective day (dates), the overnight rate after it (decimal), its change and the change since today (bp), change_bp / step_bp (negative = a cut) and the quotes used; a meeting no quote prices keeps the rate, its probability ""
 * @customfunction
 */
function POLICY_PATH(valuation_date, overnight_rate, ois_end_dates, ois_rates, meeting_dates, step_bp, year_days, effective_lag_days) {
  return MarginalBid_().call("POLICY_PATH", arguments);
}

/**
 * Adds the "marginal-bid" menu (Insert model sheet, Insert model sheet with live data, Refresh live data, Copy model as values, Set FRED API key, Function reference). A simple trigger: needs no authorization.
 * @param {Object} e the open event
 */
function onOpen(e) {
  MarginalBid_().onOpen(e);
}

/**
 * Insert the live scenario model (the note's chain on one sheet) as a new sheet and activate it.
 */
function insertModelSheet() {
  MarginalBid_().insertModelSheet();
}

/**
 * Insert the model with a second input block fed by FRED, the MoF JGB curve and TIC (us_short, ust_10y, jgb_10y, japan_holdings_bn), its own CHAIN and the CHECKPOINTS panel.
 */
function insertLiveModelSheet() {
  MarginalBid_().insertLiveModelSheet();
}

/**
 * Ask FRED, the MoF and TIC again: cached copies are not served, and every refresh cell (beside a cell reading "live data refreshed at") is set to now, so live formulas that pass it recalculate.
 */
function refreshLiveData() {
  MarginalBid_().refreshLiveData();
}

/**
 * Put a frozen copy of the active sheet next to it: values and formats, no formulas, stamped with the time and the version, for colleagues without the script.
 */
function copyModelAsValues() {
  MarginalBid_().copyModelAsValues();
}

/**
 * Store your FRED API key in this spreadsheet's document properties (every editor can read it) for FRED, FRED_SERIES and CHECKPOINTS.
 */
function setFredApiKey() {
  MarginalBid_().setFredApiKey();
}

/**
 * Open a sidebar listing every marginal-bid function with its arguments and units.
 */
function showFunctionReference() {
  MarginalBid_().showFunctionReference();
}
