import { invalid } from "../errors";

/**
 * `(1 − e^(−x))/x`, the Nelson–Siegel slope loading, accurate for small x (`−expm1(−x)/x`)
 * and equal to its limit 1 at x = 0.
 */
function slopeLoading(x: number): number {
  return x === 0 ? 1 : -Math.expm1(-x) / x;
}

/**
 * Continuously compounded zero-coupon yield of the Svensson curve in the Gürkaynak–Sack–Wright
 * parameterisation (GSW 2006, FEDS 2006-28, eq. 22; JME 2007):
 *
 *     y(n) = β0 + β1·(1 − e^(−n/τ1))/(n/τ1)
 *               + β2·[(1 − e^(−n/τ1))/(n/τ1) − e^(−n/τ1)]
 *               + β3·[(1 − e^(−n/τ2))/(n/τ2) − e^(−n/τ2)]
 *
 * n in years; betas in the unit of the result (decimals here; the Fed's file is in percent).
 * Limits: n → 0 gives β0 + β1 (the instantaneous short rate), n → ∞ gives β0.
 * When β3 = 0 the curve is Nelson–Siegel and τ2 is ignored: the Fed's file then holds the
 * sentinel τ2 = −999.99, which is accepted.
 */
export function svenssonYield(maturityYears: number, beta0: number, beta1: number, beta2: number, beta3: number, tau1: number, tau2: number): number {
  if (!(maturityYears >= 0)) invalid(`maturity_years = ${maturityYears} must be 0 or more`);
  if (!(tau1 > 0)) invalid(`tau1 = ${tau1} must be above 0 (years)`);
  if (beta3 !== 0 && !(tau2 > 0)) invalid(`tau2 = ${tau2} must be above 0 (years) when beta3 is not 0`);
  const x1 = maturityYears / tau1;
  const f1 = slopeLoading(x1);
  let y = beta0 + beta1 * f1 + beta2 * (f1 - Math.exp(-x1));
  if (beta3 !== 0) {
    const x2 = maturityYears / tau2;
    y += beta3 * (slopeLoading(x2) - Math.exp(-x2));
  }
  return y;
}
