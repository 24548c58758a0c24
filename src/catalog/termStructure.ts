import { MAX_MATURITY_MONTHS, acmTermPremium, minMonths } from "../core/termstructure/acm";
import { parToZero } from "../core/termstructure/parToZero";
import { svenssonYield } from "../core/termstructure/svensson";
import { zeroToPar } from "../core/termstructure/zeroToPar";
import { MAX_YEARS, P } from "./params";
import { defineFunctions } from "./define";

/** Zero curves and the ACM term premium (docs/functions.md, "Term-structure analytics"; the method in docs/term-premium.md). */
export const TERM_STRUCTURE = defineFunctions([
  {
    name: "SVENSSON_YIELD",
    domain: "term-structure",
    description:
      "Continuously compounded zero-coupon yield of a Svensson curve in the Gürkaynak–Sack–Wright form; betas as decimals (the Fed's BETA/100), taus in years.",
    source: "Gürkaynak, Sack & Wright (2006), FEDS 2006-28, eq. 22 (JME 2007); Svensson (1994)",
    params: [
      { name: "maturity_years", kind: "years", help: "maturity in years (0 or more; 10 for the 10-year zero); a range gives one yield per maturity", min: 0 },
      { name: "beta0", kind: "rate", help: "β0, the long-run level, decimal (the Fed's BETA0/100)" },
      { name: "beta1", kind: "rate", help: "β1, short end minus long end, decimal (the Fed's BETA1/100)" },
      {
        name: "beta2",
        kind: "factor",
        help: "β2, first hump, decimal (the Fed's BETA2/100). Not limited to ±1: recent Fed fits pair β2 ≈ −4.5 with β3 ≈ +4.7 (−453% and +465% in their file), humps that nearly cancel",
      },
      { name: "beta3", kind: "factor", help: "β3, second hump, decimal (the Fed's BETA3/100); 0 gives the Nelson–Siegel curve" },
      { name: "tau1", kind: "years", help: "τ1, decay of the slope and first hump, years (the Fed's TAU1)", min: 0, minExclusive: true },
      {
        name: "tau2",
        kind: "years",
        help: "τ2, decay of the second hump, years (the Fed's TAU2); must be above 0 unless beta3 = 0, when it is ignored (the Fed's file then holds −999.99)",
      },
    ],
    result: "cell",
    returns: "decimal yield, continuously compounded",
    example: {
      formula: "=SVENSSON_YIELD(10, 0.0000333568845488353, 0.0407984987183707, -4.53541782211023, 4.65498100569302, 13.5322235142735, 13.7200141026744)",
      result: "4.83%",
    },
    impl: svenssonYield,
  },
  {
    name: "ZERO_TO_PAR",
    domain: "term-structure",
    description:
      "Par yields implied by a continuously compounded zero curve, compounded at the coupon frequency: spills one par yield per maturity.",
    source: "par-yield identity Σ (c/f)·d(k/f) + d(T) = 1; Gürkaynak, Sack & Wright (2006) for the convention",
    params: [
      { name: "zero_yields", kind: "rate", shape: "list", help: "the zero curve: continuously compounded zero-coupon yields, decimals; blanks are skipped" },
      {
        name: "maturities_years",
        kind: "years",
        shape: "list",
        help: `the maturity in years of each zero yield, increasing, up to ${MAX_YEARS}; each must be a whole number of coupon periods to get its par yield (e.g. 0.5, 1, 2, 5, 10 with freq 2)`,
        min: 0,
        minExclusive: true,
        max: MAX_YEARS,
      },
      P.freq,
    ],
    result: "table",
    returns: "a column of decimal par yields, one per maturity, compounded at freq",
    example: { formula: "=ZERO_TO_PAR({4%, 4.2%, 4.5%}, {1, 2, 5})", result: "4.04%, 4.24%, 4.53%" },
    impl: zeroToPar,
  },
  {
    name: "PAR_TO_ZERO",
    domain: "term-structure",
    description:
      "Zero yields (continuously compounded) implied by a par curve: the exact inverse of ZERO_TO_PAR with its conventions, solved maturity by maturity. Spills one zero yield per maturity.",
    source: "par-yield identity Σ (c/f)·d(k/f) + d(T) = 1 solved for the zero curve (bootstrapping), zeros linear in maturity as in ZERO_TO_PAR",
    params: [
      {
        name: "par_yields",
        kind: "rate",
        shape: "list",
        help: "the par curve: par (coupon) yields compounded at freq, decimals, e.g. the Fed's SVENPY or the MoF JGB curve; blanks are skipped",
      },
      {
        name: "maturities_years",
        kind: "years",
        shape: "list",
        help: `the maturity in years of each par yield, increasing, up to ${MAX_YEARS}; each a whole number of coupon periods (e.g. 1, 2, …, 10 with freq 2)`,
        min: 0,
        minExclusive: true,
        max: MAX_YEARS,
      },
      P.freq,
    ],
    result: "table",
    returns: "a column of continuously compounded decimal zero yields, one per maturity",
    example: { formula: "=PAR_TO_ZERO({4.04%, 4.24%, 4.53%}, {1, 2, 5})", result: "4.00%, 4.20%, 4.50%" },
    impl: parToZero,
  },
  {
    name: "ACM_TERM_PREMIUM",
    domain: "term-structure",
    description:
      "The Adrian–Crump–Moench (2013) term premium estimated on your monthly panel of zero-coupon yields: spills fitted_yield, risk_neutral_yield and term_premium (fitted − risk-neutral) for target_months, one row per month.",
    source: "Adrian, Crump & Moench (2013), JFE 110(1), 110–138, 'Pricing the term structure with linear regressions'",
    params: [
      {
        name: "yields",
        kind: "rate",
        shape: "matrix",
        help: "monthly panel of zero-coupon yields, continuously compounded decimals (4.3% or 0.043): rows = months, oldest first; columns = the maturities in maturities_months. No blanks",
      },
      {
        name: "maturities_months",
        kind: "count",
        shape: "list",
        help: `the maturity in months of each column of yields, increasing, starting at 1 (the short rate), e.g. 1, 3, 6, 12, 24, …, 120; at most ${MAX_MATURITY_MONTHS}`,
        min: 1,
        max: MAX_MATURITY_MONTHS,
      },
      {
        name: "target_months",
        kind: "count",
        help: "maturity in months of the yield to decompose, up to the panel's longest. Default 120 (the 10-year)",
        optional: true,
        default: 120,
        min: 1,
        max: MAX_MATURITY_MONTHS,
      },
      {
        name: "factors",
        kind: "count",
        help: `number of principal components used as pricing factors (ACM use 5); K factors need at least 2K + 3 months (${minMonths(5)} for 5) and K maturities from 3 months up. Default 5`,
        optional: true,
        default: 5,
        min: 1,
      },
    ],
    result: "table",
    returns: "a table: header fitted_yield, risk_neutral_yield, term_premium, then one row of decimals per month of the panel",
    example: {
      formula: "=ACM_TERM_PREMIUM(B2:M481, B1:M1)",
      result: "with maturities 1, 3, 6, 12, 24, …, 120 in B1:M1 and 480 months of yields below: a 481 × 3 block, the header then the fitted 10y yield, its risk-neutral part and the term premium for each month",
    },
    impl: acmTermPremium,
  },
]);
