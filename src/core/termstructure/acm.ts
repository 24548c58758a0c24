/**
 * The Adrian–Crump–Moench term premium: Adrian, T., Crump, R. K. and Moench, E. (2013),
 * "Pricing the term structure with linear regressions", Journal of Financial Economics 110(1),
 * 110–138 (also FRBNY Staff Report 340). Below, "ACM" is that paper; the equations are written out
 * next to the code in the paper's notation (K factors, N test maturities, T months of returns).
 *
 * The model (ACM §2): factors follow a VAR(1), X_{t+1} = μ + ΦX_t + v_{t+1} (eq. 1); the pricing
 * kernel has prices of risk λ_t = Σ^(−1/2)(λ0 + λ1X_t) (eq. 4); with one-month excess log returns
 * rx_{t+1}(n−1) = ln P_{t+1}(n−1) − ln P_t(n) − r_t (eq. 5), no arbitrage and joint normality give
 *
 *     rx_{t+1}(n−1) = β(n−1)′(λ0 + λ1X_t) − ½(β(n−1)′Σβ(n−1) + σ²) + β(n−1)′v_{t+1} + e_{t+1}(n−1),
 *
 * stacked over N maturities and T months: rx = β′(λ0ι′_T + λ1X_−) − ½(B*vec(Σ) + σ²ι_N)ι′_T + β′V + E.
 * Estimation (ACM §3) is three regressions, steps 1–3 below, then the short-rate regression and
 * the bond-pricing recursion (`affineLoadings`).
 *
 * Conventions (as docs/functions.md states them for ACM_TERM_PREMIUM, chosen so that results are reproducible):
 * - yields are monthly zero-coupon yields, decimals, continuously compounded; maturities n in months;
 *   log prices p_t(n) = −n·y_t(n)/12 and the one-month short rate r_t = y_t(1)/12.
 * - factors X_t = the first K principal components of the column-demeaned yields at the panel's
 *   maturities from 3 months up (scale and sign are irrelevant: everything below is equivariant).
 * - test assets: excess log returns of bonds bought at n = 6, 12, 24, 36, …, 120 months (those up
 *   to the panel's longest) and sold a month later; maturities the panel lacks (n − 1 = 5, 11, …,
 *   or n itself) are interpolated linearly in maturity between the panel's columns.
 */
import { invalid } from "../errors";
import type { Table } from "../table";
import { RankDeficientError, leastSquares, symmetricEigen } from "./linalg";

/** Purchase maturities n (months) of the excess-return test assets, before trimming to the panel. */
export const PURCHASE_MATURITIES: readonly number[] = [6, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120];

/** Shortest maturity (months) that enters the principal components. */
export const PC_MIN_MATURITY = 3;

/** Months needed for K factors: the excess-return regression has 2K + 1 coefficients on T − 1 returns. */
export const minMonths = (factors: number): number => 2 * factors + 3;

/** Longest maturity accepted (months): 100 years; the pricing recursion runs once per month of maturity. */
export const MAX_MATURITY_MONTHS = 1200;

/** Eigenvalues below this fraction of the first are numerically zero: no factor lives there. */
const PC_RANK_TOL = 1e-12;

/** The estimated model, in the notation of ACM. Matrices are row-major: `phi[i][j]` = Φ_ij. */
export interface AcmModel {
  /** X_t, one row of K pricing factors per month (T × K). */
  factors: number[][];
  /** VAR(1) X_{t+1} = μ + Φ·X_t + v_{t+1} (ACM eq. 1). */
  mu: number[];
  phi: number[][];
  /** Σ = V̂V̂′/(T−1), covariance of the VAR innovations. */
  sigma: number[][];
  /** σ² = tr(ÊÊ′)/(N(T−1)), variance of the return pricing errors. */
  sigma2: number;
  /** β (K × N): exposures of the N excess returns to the factor innovations. */
  beta: number[][];
  /** Market prices of risk λ_t = Σ^(−1/2)(λ0 + λ1·X_t) (ACM eq. 4). */
  lambda0: number[];
  lambda1: number[][];
  /** Short rate r_t = δ0 + δ1′X_t (monthly, = y_t(1)/12). */
  delta0: number;
  delta1: number[];
  /** Purchase maturities n used (months). */
  purchase: number[];
}

/** Where maturity m (months) sits in the panel: columns lo, hi and the weight on hi. */
interface Interp {
  lo: number;
  hi: number;
  w: number;
}

function locate(maturities: readonly number[], m: number): Interp {
  let hi = 0;
  while (maturities[hi] < m) hi++;
  if (maturities[hi] === m) return { lo: hi, hi, w: 0 };
  return { lo: hi - 1, hi, w: (m - maturities[hi - 1]) / (maturities[hi] - maturities[hi - 1]) };
}

/** y_t(m), linear in maturity between the panel's columns. */
function yieldAt(row: readonly number[], at: Interp): number {
  return at.w === 0 ? row[at.lo] : row[at.lo] + at.w * (row[at.hi] - row[at.lo]);
}

/**
 * Check a panel for ACM_TERM_PREMIUM and return the purchase maturities it supports.
 * Every failure is a `#VALUE!` that says what is wrong with which argument.
 */
export function checkAcmInputs(yields: readonly (readonly number[])[], maturities: readonly number[], target: number, factors: number): number[] {
  if (!Number.isInteger(factors) || factors < 1) invalid(`factors = ${factors} must be a whole number of at least 1`);
  const M = maturities.length;
  if (M === 0) invalid("maturities_months is empty: give the maturity in months of every column of yields");
  for (let j = 0; j < M; j++) {
    const m = maturities[j];
    if (typeof m !== "number" || !Number.isInteger(m) || m < 1) invalid(`maturities_months item ${j + 1} = ${m} must be a whole number of months, at least 1`);
    if (m > MAX_MATURITY_MONTHS) invalid(`maturities_months item ${j + 1} = ${m} is beyond ${MAX_MATURITY_MONTHS} months (100 years)`);
    if (j > 0 && !(m > maturities[j - 1])) {
      invalid(`maturities_months must increase from left to right: item ${j + 1} (${m} months) comes after item ${j} (${maturities[j - 1]} months)`);
    }
  }
  if (maturities[0] !== 1) invalid(`maturities_months must include 1 month (the short rate is the 1-month yield); the shortest given is ${maturities[0]} months`);
  const T = yields.length;
  if (T === 0) invalid("yields is empty: give a panel with one row per month");
  for (let t = 0; t < T; t++) {
    const row = yields[t];
    if (!Array.isArray(row) || row.length !== M) {
      invalid(
        `yields row ${t + 1} has ${Array.isArray(row) ? row.length : 0} values but maturities_months has ${M}: the panel must be rectangular, one column per maturity (rows = months, oldest first)`,
      );
    }
    for (let j = 0; j < M; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) invalid(`yields row ${t + 1}, column ${j + 1} = ${String(v)} is not a number`);
    }
  }
  const longest = maturities[M - 1];
  if (!Number.isInteger(target) || target < 1) invalid(`target_months = ${target} must be a whole number of months, at least 1`);
  if (target > longest) invalid(`target_months = ${target} is beyond the panel: its longest maturity is ${longest} months`);
  const purchase = PURCHASE_MATURITIES.filter((n) => n <= longest);
  if (purchase.length === 0) invalid(`maturities_months reach only ${longest} months: the excess returns need maturities of at least 6 months`);
  const pcColumns = maturities.filter((m) => m >= PC_MIN_MATURITY).length;
  if (factors > pcColumns) {
    invalid(`factors = ${factors} but the panel has only ${pcColumns} maturities from ${PC_MIN_MATURITY} months up to take principal components of`);
  }
  if (factors > purchase.length) {
    invalid(
      `factors = ${factors} needs at least ${factors} excess-return maturities; a panel reaching ${longest} months gives ${purchase.length} (${purchase.join(", ")}): use fewer factors or longer maturities`,
    );
  }
  if (T < minMonths(factors)) {
    invalid(`yields has ${T} months: ${factors} factors need at least ${minMonths(factors)} (the excess-return regression has ${2 * factors + 1} coefficients)`);
  }
  return purchase;
}

/**
 * X_t: the first K principal components of the column-demeaned yields at maturities ≥ 3 months,
 * i.e. (y_t − ȳ)·W with W the eigenvectors of the sample covariance for the K largest eigenvalues.
 */
export function principalComponents(yields: readonly (readonly number[])[], maturities: readonly number[], factors: number): number[][] {
  const cols: number[] = [];
  maturities.forEach((m, j) => {
    if (m >= PC_MIN_MATURITY) cols.push(j);
  });
  const T = yields.length;
  const m = cols.length;
  // Demeaned columns, each contiguous in memory: the covariance is then m(m+1)/2 dot products.
  const Z: Float64Array[] = cols.map((c) => {
    const z = new Float64Array(T);
    let mean = 0;
    for (let t = 0; t < T; t++) mean += yields[t][c];
    mean /= T;
    for (let t = 0; t < T; t++) z[t] = yields[t][c] - mean;
    return z;
  });
  const cov: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < m; i++) {
    const zi = Z[i];
    for (let j = 0; j <= i; j++) {
      const zj = Z[j];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t = 0;
      for (; t + 3 < T; t += 4) {
        s0 += zi[t] * zj[t];
        s1 += zi[t + 1] * zj[t + 1];
        s2 += zi[t + 2] * zj[t + 2];
        s3 += zi[t + 3] * zj[t + 3];
      }
      for (; t < T; t++) s0 += zi[t] * zj[t];
      cov[i][j] = (s0 + s1 + s2 + s3) / (T - 1);
    }
  }
  const { values, vectors } = symmetricEigen(cov);
  // A first component with a standard deviation below 1e-12 (1e-8 bp) is rounding, not movement.
  if (!(values[0] > 1e-24)) invalid(`yields do not move over the ${T} months: there is no principal component to estimate a model from`);
  const rank = values.filter((v) => v > PC_RANK_TOL * values[0]).length;
  if (rank < factors) {
    invalid(
      `yields: the panel moves in only ${rank} independent direction${rank === 1 ? "" : "s"} (principal components), so factors = ${factors} cannot be estimated: use factors = ${rank} or fewer`,
    );
  }
  const X: number[][] = Array.from({ length: T }, () => new Array<number>(factors).fill(0));
  for (let i = 0; i < m; i++) {
    const zi = Z[i];
    const w = vectors[i];
    for (let k = 0; k < factors; k++) {
      const wk = w[k];
      for (let t = 0; t < T; t++) X[t][k] += zi[t] * wk;
    }
  }
  return X;
}

/** Least squares that turns collinearity into a `#VALUE!` the user can act on. */
function ols(x: number[][], y: number[][], what: string) {
  try {
    return leastSquares(x, y);
  } catch (e) {
    if (e instanceof RankDeficientError) invalid(`yields: ${what} is not identified (collinear regressors over this sample): use fewer factors or more months`);
    throw e;
  }
}

/**
 * Estimate the ACM model on a checked panel (see `checkAcmInputs`). `factors` may be given to
 * price with other factors than the principal components (the tests use this to show that the
 * results do not depend on their sign or scale); by default they are `principalComponents`.
 */
export function estimateAcm(
  yields: readonly (readonly number[])[],
  maturities: readonly number[],
  nFactors: number,
  purchase: readonly number[],
  factors: number[][] = principalComponents(yields, maturities, nFactors),
): AcmModel {
  const T = yields.length;
  const K = nFactors;
  const X = factors;
  const r = yields.map((row) => row[0] / 12); // r_t = y_t(1)/12, maturities[0] = 1

  // Step 1 — VAR(1) by OLS with an intercept (ACM eq. 1): X_{t+1} = μ + Φ·X_t + v_{t+1}, t = 1..T−1.
  const lagged = X.slice(0, T - 1).map((x) => [1, ...x]);
  const step1 = ols(lagged, X.slice(1), "the VAR(1) of the factors");
  const mu = step1.coef[0];
  const phi = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => step1.coef[1 + j][i]));
  const V = step1.residuals; // V̂, (T−1) × K, row t = v̂_{t+1}
  const sigma = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => V.reduce((s, v) => s + v[i] * v[j], 0) / (T - 1)));

  // Excess log returns (ACM eq. 5): rx_{t+1}(n−1) = p_{t+1}(n−1) − p_t(n) − r_t, p_t(n) = −n·y_t(n)/12.
  const N = purchase.length;
  const buy = purchase.map((n) => locate(maturities, n));
  const sell = purchase.map((n) => locate(maturities, n - 1));
  const rx: number[][] = new Array(T - 1);
  for (let t = 0; t < T - 1; t++) {
    const row = new Array<number>(N);
    for (let i = 0; i < N; i++) {
      const n = purchase[i];
      const pNext = (-(n - 1) * yieldAt(yields[t + 1], sell[i])) / 12;
      const pNow = (-n * yieldAt(yields[t], buy[i])) / 12;
      row[i] = pNext - pNow - r[t];
    }
    rx[t] = row;
  }

  // Step 2 — the excess-return regression (ACM §3, stacked form of their pricing equation):
  //   rx = a·ι′_T + β′V̂ + c·X_− + E, regressors: a constant, the contemporaneous innovations v̂_{t+1}
  //   and the lagged factors X_t. σ² = tr(ÊÊ′)/(N(T−1)).
  const design2 = V.map((v, t) => [1, ...v, ...X[t]]);
  const step2 = ols(design2, rx, "the excess-return regression on the factor innovations and lagged factors");
  const a = step2.coef[0];
  const beta = Array.from({ length: K }, (_, k) => step2.coef[1 + k].slice()); // K × N
  const c = Array.from({ length: N }, (_, i) => Array.from({ length: K }, (_, k) => step2.coef[1 + K + k][i])); // N × K
  let sse = 0;
  for (const e of step2.residuals) for (const x of e) sse += x * x;
  const sigma2 = sse / (N * (T - 1));

  // Step 3 — prices of risk by cross-sectional regressions of a and c on β′ (ACM §3):
  //   λ0 = (ββ′)⁻¹β·(a + ½(B*·vec(Σ) + σ²·ι_N)),   λ1 = (ββ′)⁻¹β·c,
  //   where row i of B* is vec(β_i β_i′)′, so (B*·vec(Σ))_i = β_i′Σβ_i.
  const betaT = Array.from({ length: N }, (_, i) => beta.map((b) => b[i])); // N × K, row i = β_i′
  const rhs3 = betaT.map((bi, i) => [a[i] + 0.5 * (quadForm(bi, sigma) + sigma2), ...c[i]]);
  let step3;
  try {
    step3 = leastSquares(betaT, rhs3);
  } catch (e) {
    if (e instanceof RankDeficientError) {
      invalid(`yields: the ${N} excess returns do not load on all ${K} factors (β has rank below ${K}), so the prices of risk are not identified: use fewer factors`);
    }
    throw e;
  }
  const lambda0 = step3.coef.map((row) => row[0]);
  const lambda1 = step3.coef.map((row) => row.slice(1));

  // Short-rate equation by OLS on all months: r_t = δ0 + δ1′X_t.
  const step4 = ols(
    X.map((x) => [1, ...x]),
    r.map((v) => [v]),
    "the short-rate equation",
  );
  const delta0 = step4.coef[0][0];
  const delta1 = step4.coef.slice(1).map((row) => row[0]);

  return { factors: X, mu, phi, sigma, sigma2, beta, lambda0, lambda1, delta0, delta1, purchase: [...purchase] };
}

function quadForm(b: readonly number[], S: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < b.length; i++) for (let j = 0; j < b.length; j++) s += b[i] * S[i][j] * b[j];
  return s;
}

/**
 * Affine bond-pricing recursion of ACM (§2): log P_t(n) = A_n + B_n′X_t with
 *
 *     A_n  = A_{n−1} + B_{n−1}′(μ − λ0) + ½(B_{n−1}′ Σ B_{n−1} + σ²) − δ0
 *     B_n′ = B_{n−1}′(Φ − λ1) − δ1′
 *
 * started at A_1 = −δ0, B_1 = −δ1 (the one-month bond is the short rate: it carries no return
 * pricing error, so σ² enters from n = 2 on). Pass `drift` = μ − λ0 and `persistence` = Φ − λ1
 * for fitted yields, `drift` = μ and `persistence` = Φ (λ0 = λ1 = 0) for risk-neutral ones.
 * Returns A_n and B_n for n = 0..nMax (A_0 = 0, B_0 = 0).
 */
export function affineLoadings(
  drift: readonly number[],
  persistence: readonly (readonly number[])[],
  sigma: readonly (readonly number[])[],
  sigma2: number,
  delta0: number,
  delta1: readonly number[],
  nMax: number,
): { A: number[]; B: number[][] } {
  const K = delta1.length;
  const A = [0];
  const B = [new Array<number>(K).fill(0)];
  for (let n = 1; n <= nMax; n++) {
    const b = B[n - 1];
    if (n === 1) {
      A.push(-delta0);
      B.push(delta1.map((d) => -d));
      continue;
    }
    let drifted = 0;
    for (let k = 0; k < K; k++) drifted += b[k] * drift[k];
    A.push(A[n - 1] + drifted + 0.5 * (quadForm(b, sigma) + sigma2) - delta0);
    const next = new Array<number>(K);
    for (let j = 0; j < K; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += b[k] * persistence[k][j];
      next[j] = s - delta1[j];
    }
    B.push(next);
  }
  return { A, B };
}

/** Fitted and risk-neutral loadings of the target maturity for an estimated model. */
export function acmLoadings(model: AcmModel, target: number): { fitted: { A: number; B: number[] }; riskNeutral: { A: number; B: number[] } } {
  const { mu, phi, sigma, sigma2, lambda0, lambda1, delta0, delta1 } = model;
  const muQ = mu.map((m, k) => m - lambda0[k]);
  const phiQ = phi.map((row, i) => row.map((p, j) => p - lambda1[i][j]));
  const fit = affineLoadings(muQ, phiQ, sigma, sigma2, delta0, delta1, target);
  const rn = affineLoadings(mu, phi, sigma, sigma2, delta0, delta1, target);
  return { fitted: { A: fit.A[target], B: fit.B[target] }, riskNeutral: { A: rn.A[target], B: rn.B[target] } };
}

/** y_t(n) = −(12/n)(A_n + B_n′X_t): an annual, continuously compounded yield (decimal). */
export function affineYield(loading: { A: number; B: readonly number[] }, n: number, x: readonly number[]): number {
  let s = loading.A;
  for (let k = 0; k < x.length; k++) s += loading.B[k] * x[k];
  return (-12 * s) / n;
}

/**
 * ACM_TERM_PREMIUM: for every month of the panel, the fitted yield at `target` months, the
 * risk-neutral yield (the same recursion with λ0 = λ1 = 0: the yield if investors were risk
 * neutral, i.e. the average expected short rate plus convexity) and the term premium
 * = fitted − risk-neutral. All decimals, continuously compounded, annual.
 */
export function acmTermPremium(yields: readonly (readonly number[])[], maturitiesMonths: readonly number[], target = 120, factors = 5): Table {
  const purchase = checkAcmInputs(yields, maturitiesMonths, target, factors);
  const model = estimateAcm(yields, maturitiesMonths, factors, purchase);
  const { fitted, riskNeutral } = acmLoadings(model, target);
  const out: Table = [["fitted_yield", "risk_neutral_yield", "term_premium"]];
  for (const x of model.factors) {
    const fy = affineYield(fitted, target, x);
    const rn = affineYield(riskNeutral, target, x);
    out.push([fy, rn, fy - rn]);
  }
  return out;
}
