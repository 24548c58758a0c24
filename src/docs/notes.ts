/**
 * Long-form notes for the reference pages (docs/functions.md and the Excel help pages),
 * keyed by function name. They live here, not in the function table, because the table is
 * bundled into every host and its descriptions are what autocomplete shows: keep those to a
 * sentence or two, and put conventions and derivations here.
 */
export const NOTES: Readonly<Record<string, string>> = {
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
};
