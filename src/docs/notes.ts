/**
 * Long-form notes for the reference pages (docs/functions.md and the Excel help pages),
 * keyed by function name. They live here, not in the function table, because the table is
 * bundled into every host and its descriptions are what autocomplete shows: keep those to a
 * sentence or two, and put conventions and derivations here.
 */
export const NOTES: Readonly<Record<string, string>> = {
  HIKE_PROBABILITY:
    "The implied rate is the market's average over a period that contains the meeting: the current rate before it and, after it, the current rate plus " +
    "p·hike. So implied = current + p·hike·share_after_meeting and p = (implied − current)/(hike_bp/10000·share_after_meeting). " +
    "Examples: current 0.50%, implied 0.6875% → 0.75; implied 0.59375% with half the period after the meeting → 0.75. " +
    "The result is not clamped: 1.6 means one 25bp hike for sure and 60% odds of a second; a negative value prices a cut (or give a negative hike_bp for the odds of a cut). " +
    "Feed it to CHAIN as hike_prob.",
  CHAIN:
    "The transmission model. The hike that happens is h = hike_bp·hike_prob (bp); jp_short and jgb_10y move by h/10000 times their pass-throughs. " +
    "fx_response is the expected USD/JPY change a year per 100bp of hike on the unhedged part (negative: yen strength): after the hike fx_change becomes fx_change + fx_response·h/100. " +
    "The hedged UST before and after is HEDGED_UST(ust_10y, us_short, jp_short, basis, hedge_ratio, fx_change) with jp_short and fx_change at their after values " +
    "(the US side moves only through the term premium); jgb_advantage = jgb_10y − hedged_ust. " +
    "bid_elasticity_bn is the USD bn of Japan's yearly buying lost per 100bp rise of the JGB advantage: when it is a non-zero number, " +
    "shortfall = bid_elasticity_bn·(advantage after − before)·100 and bid_cut = shortfall/japan_buying_bn (#DIV/0! in that cell only when japan_buying_bn is 0), not clamped: " +
    "a falling advantage gives a negative cut (Japan buys more, the term premium falls) and a cut above 1 makes Japan a net seller. " +
    "When bid_elasticity_bn is blank or 0 the bid cut is the input, as in the note (shortfall = japan_buying_bn·bid_cut); " +
    "giving both (neither blank nor 0) is a #VALUE! for the whole table, and since Excel desktop passes an empty cell as 0, 0 means \"not given\" beside an elasticity. " +
    "Then term_premium_change = TP_IMPACT(shortfall, bp_per_100bn), the US 10y moves one for one, holdings are marked with ust_duration, " +
    "P/E changes use the discount rate ust_10y + erp, the Korean 10y moves kr_beta times the US move. " +
    "A step that is impossible for the inputs (a P/E where growth reaches the discount rate) holds its error in its own cell; the other rows stand. " +
    "Worked example, a life insurer that hedges 60% (note §2.4): hedge_ratio 0.6, fx_response −4%, bid_elasticity_bn 50, bid_cut blank, the rest the note's: " +
    "fx_change 0 → −2.00%, hedged UST 1.90% → 1.40%, JGB advantage −0.40% → +0.60% (the hike flips the preference), bid_cut 0.6667, buying 75 → 25, " +
    "term premium +0.40%, US 10y 4.30% → 4.70% (A → B), holdings −36.16bn, P/E growth −18.18%, value −7.02%, Korean 10y +0.20%. " +
    "With hike_bp 0 nothing moves; hike_bp 100 with hike_prob 0.5 is the 50bp case. With the note's defaults the bid cut is an input, so the hike does not move the US 10y: that is the note's own model.",
  CHAIN_COMPARE:
    "The first row of the block is a header: any label, then one scenario name per column. Each further row is a CHAIN input name, then its value in each scenario " +
    "(blank: the note's value). The result has one column per scenario and one row per CHAIN step: the after value, or the change for the change-only steps " +
    "(bid_cut, term_premium_change, holdings_mtm_bn, pe_change_growth, pe_change_value, kr_10y_change). A blank scenario name shows as \"scenario k\", k its place among the scenarios. " +
    "An unknown or repeated input name makes the whole result one #VALUE!; a bad value, or both bid_cut and bid_elasticity_bn, spoils that scenario's column; a step that fails spoils its cell.",
  CHAIN_SENSITIVITY:
    "The swept values are from + (to − from)·k/(points − 1), k = 0 … points − 1, not rounded; from and to are read in the swept input's unit (a rate sweep refuses 4.5, a bp sweep 0.5). " +
    "The sweep replaces the input's value in the block; sweeping bid_elasticity_bn ignores a bid_cut in the block, sweeping bid_cut ignores bid_elasticity_bn. " +
    "Each row is the swept value, then the after values of hedged_ust, jgb_advantage, us_10y and scenario and the changes of bid_cut, term_premium_change and the P/Es. " +
    "A point whose value the unit refuses has that error in its row; a step that fails at a point holds its error in its cell only, so no US 10y point is lost to a P/E. " +
    "On the note's inputs the hike does not reach the US 10y (the bid cut is an input): sweep hike_bp on a partly hedged block with an fx_response and a bid_elasticity_bn.",
  SVENSSON_YIELD:
    "The curve: β0 + β1·(1−e^(−n/τ1))/(n/τ1) + β2·[(1−e^(−n/τ1))/(n/τ1) − e^(−n/τ1)] + β3·[(1−e^(−n/τ2))/(n/τ2) − e^(−n/τ2)]. " +
    "The Fed's feds200628.csv gives BETA0..BETA3 in percent: divide them by 100 (TAU1, TAU2 are years, use them as they are). " +
    "With the Fed's parameters it reproduces their SVENYnn columns (the example is their 2026-07-31 row: SVENY10 = 4.8348). " +
    "Maturity 0 gives the short-rate limit β0 + β1; very long maturities tend to β0.",
  ZERO_TO_PAR:
    "For each maturity T the par coupon is c = f·(1 − d(T))/Σ d(k/f) with d(t) = e^(−z(t)·t). " +
    "Zero yields are continuously compounded (as SVENSSON_YIELD returns them); par yields are compounded at the coupon frequency, like BOND_PRICE's yield " +
    "(f = 2 gives the Fed's coupon-equivalent SVENPYnn). Zeros at coupon dates between the given maturities are interpolated linearly in maturity " +
    "and held flat before the first. A maturity that is not a whole number of coupon periods shows #VALUE! in its own row.",
  ACM_TERM_PREMIUM:
    "Conventions, so that results are reproducible: yields are continuously compounded decimals, log prices p = −n·y/12 and the short rate is the 1-month yield/12; " +
    "the factors are the first principal components of the demeaned yields from 3 months up; a VAR(1) with intercept by OLS; " +
    "excess returns of bonds bought at 6, 12, 24, 36, …, 120 months and held one month, regressed on the factor innovations and the lagged factors; " +
    "prices of risk λ0, λ1 by cross-sectional regression on the return betas (with the convexity terms); the affine pricing recursion with and without them. " +
    "Maturities the estimator needs but the panel lacks are interpolated linearly. fitted = risk-neutral + term premium. " +
    "The risk-neutral yield rests on the VAR's forecast of the short rate, so on 40 years of data the term premium carries a sampling error of tens of bp; " +
    "with 5 factors on short panels the fifth component can be nearly degenerate and the estimated dynamics explosive: try 3 or 4 factors.",
  HEDGE_HISTORY:
    "Each rate is the last observation within the month, never carried from an earlier month: US 10y FRED DGS10, US 3-month FRED DGS3MO, jp_short the MoF 1-year JGB " +
    "(the JPY leg CHECKPOINTS uses too: the MoF curve has no 3-month rate), JGB 10y MoF (its history file up to last month, the current-month file for this month). " +
    "hedge_cost = us_3m − jp_short − basis, hedged_ust = us_10y − hedge_cost, jgb_advantage = jgb_10y − hedged_ust: HEDGED_UST and JGB_ADVANTAGE fully hedged (note §3.1); " +
    "a positive advantage is a month the JGB wins. A month without an observation is blank there and in the cells computed from it. " +
    "Japan's holdings are the Treasury's Major Foreign Holders history (mfhhis01.txt, from 2000), joined with slt_table5.txt for the latest months (slt_table5 wins where both have a month; " +
    "at a survey break, where the history has two June columns, the newer series); blank where a month is not published yet (TIC runs about two months behind). " +
    "A source that fails spoils only its own cells and those computed from them, with its #N/A; the other columns fill. " +
    "The thesis in one table: the first month jgb_advantage turns positive is when the hedged UST fell below the JGB (on the published data to 2024-07: 2022-07, and for good from 2022-10); " +
    "japan_change_12m_bn, and JAPAN_FLOWS week by week, show whether Japan's buying slowed after it.",
  JAPAN_FLOWS:
    "The Ministry of Finance's weekly International Transactions in Securities (designated major investors), one row per week from Sunday to Saturday, " +
    "published on Thursdays. The series: foreign_bonds, residents' net purchases of foreign long-term debt securities (the note's bid); " +
    "foreign_equity, of foreign equity and investment fund shares; foreign_total, of all foreign securities, short-term debt included; " +
    "japan_bonds, non-residents' net purchases of Japanese long-term debt securities. Values are the file's 100 million yen ÷ 10 (JPY bn), plus = net purchases. " +
    "sum_4w and sum_13w add the weeks ending at each row, reaching back before the first row shown; they are blank until the file holds enough weeks, " +
    "and #N/A when a week is missing from the file (a 13-week sum must cover 13 weeks). The file is published in cp932: Google Sheets reads it as Windows-31J, " +
    "Excel through the marginal-bid proxy, which converts it to UTF-8.",
};
