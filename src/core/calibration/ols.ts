import { SheetError, invalid, show } from "../errors";

/** The most x columns REGRESS takes (the contract: 1 ≤ k ≤ 10). */
export const MAX_REGRESSORS = 10;

/**
 * A column counts as collinear when, after each column is scaled to unit length, the part of it
 * that the columns already chosen cannot explain is shorter than this: the sine of its angle to
 * their span. Ten significant digits, as the term-structure least squares (../termstructure/linalg.ts).
 */
const COLLINEAR_TOLERANCE = 1e-10;

const EPS = 2.220446049250313e-16;

export interface OlsOptions {
  /** Add a column of ones as the first term. */
  intercept: boolean;
  /** Newey–West lags L, a whole number 0..n − 1; omitted: ⌊4·(n/100)^(2/9)⌋. */
  hacLags?: number;
  /** Names of the x columns for messages (default x1…xk). */
  names?: readonly string[];
}

export interface OlsFit {
  /** Coefficients, the intercept first when there is one. */
  beta: number[];
  /** Newey–West standard errors, same order. */
  se: number[];
  /** 1 − SSR/SST (SST about the mean with an intercept, about 0 without); `#NUM!` when SST is 0. */
  r2: number | SheetError;
  /** Rows used. */
  n: number;
  /** Newey–West lags used. */
  lags: number;
  /** Number of coefficients (k, plus 1 with an intercept). */
  terms: number;
  /** y − Xβ, one per row (a residual below the rounding error of its fitted value is 0). */
  residuals: number[];
}

/**
 * The default Newey–West lag count ⌊4·(n/100)^(2/9)⌋ (Newey & West 1994's rule of thumb),
 * computed exactly in integers: L is the largest whole number with L⁹·100² ≤ 4⁹·n², so no
 * floating-point power (which differs between engines) decides a boundary such as n = 100 → 4.
 * Never above n − 1.
 */
export function defaultHacLags(n: number): number {
  if (!(n >= 1)) return 0;
  const right = bigTimes(bigTimes([262144], n), n); // 4⁹·n²
  let lags = 0;
  for (;;) {
    let left = [10000]; // 100²·(L+1)⁹
    for (let i = 0; i < 9; i++) left = bigTimes(left, lags + 1);
    if (bigCompare(left, right) > 0) break;
    lags++;
  }
  return Math.min(lags, n - 1);
}

/** A non-negative whole number as base-2¹⁶ digits, least significant first, times a whole number below 2³⁶ (so no product exceeds 2⁵³). */
function bigTimes(a: readonly number[], m: number): number[] {
  const out: number[] = [];
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] * m + carry;
    out.push(v % 65536);
    carry = Math.floor(v / 65536);
  }
  while (carry > 0) {
    out.push(carry % 65536);
    carry = Math.floor(carry / 65536);
  }
  return out;
}

function bigCompare(a: readonly number[], b: readonly number[]): number {
  const len = Math.max(a.length, b.length);
  for (let i = len - 1; i >= 0; i--) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Ordinary least squares of y on X with Newey–West (HAC) standard errors.
 *
 * β = (X′X)⁻¹X′y, computed by Householder QR with column pivoting of X with each column scaled
 * to unit length (the condition number is not squared as in the normal equations), followed by
 * one step of iterative refinement. Covariance, Bartlett weights, no small-sample correction:
 *
 *     S = Σₜ eₜ²xₜxₜ′ + Σ_{l=1..L} (1 − l/(L+1)) Σ_{t>l} eₜeₜ₋ₗ(xₜxₜ₋ₗ′ + xₜ₋ₗxₜ′)
 *     V = (X′X)⁻¹ S (X′X)⁻¹,   se = √diag(V)
 *
 * with lags counted over the rows in the order given (L = 0 is White's HC0). This is statsmodels'
 * `OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L})`. Only the diagonal of V is formed,
 * from the influence rows hₜ = (X′X)⁻¹xₜeₜ: Vⱼⱼ = Σₜ hₜⱼ² + 2Σₗ wₗ Σ_{t>l} hₜⱼhₜ₋ₗ,ⱼ.
 *
 * @param y the dependent variable, n values
 * @param X n rows of k regressors, WITHOUT the column of ones (`opts.intercept` adds it)
 * @throws `#VALUE!` for too few rows (n < terms + 1), a bad `hacLags` or a non-finite input;
 *   `#NUM!` for collinear columns or a result that is not finite
 */
export function ols(y: readonly number[], X: readonly (readonly number[])[], opts: OlsOptions): OlsFit {
  const n = y.length;
  if (X.length !== n) invalid(`REGRESS: y has ${n} rows and x has ${X.length}: give them the same number of rows`);
  const k = n === 0 ? (opts.names?.length ?? 0) : X[0].length;
  const p = k + (opts.intercept ? 1 : 0);
  if (p === 0) invalid("REGRESS: there is no term to estimate (no x column and no intercept)");
  const names = termNames(k, opts);
  if (n < p + 1) {
    invalid(`REGRESS: ${n} row${n === 1 ? "" : "s"} with a number in y and in every x ${n === 1 ? "was" : "were"} used; ${p} term${p === 1 ? "" : "s"} need at least ${p + 1}`);
  }
  let lags: number;
  if (opts.hacLags === undefined) lags = defaultHacLags(n);
  else {
    lags = opts.hacLags;
    if (!Number.isInteger(lags) || lags < 0 || lags > n - 1) {
      invalid(`hac_lags = ${show(lags)} must be a whole number from 0 to ${n - 1} (the rows used, ${n}, minus 1)`);
    }
  }

  // Column-major design with the intercept first: column j is A[j*n .. j*n + n).
  const A = new Float64Array(n * p);
  for (let t = 0; t < n; t++) {
    const row = X[t];
    if (row.length !== k) invalid(`REGRESS: row ${t + 1} of x has ${row.length} values, the first has ${k}`);
    if (!Number.isFinite(y[t])) invalid(`REGRESS: y in row ${t + 1} is ${show(y[t])}, not a finite number`);
    let j = 0;
    if (opts.intercept) A[j++ * n + t] = 1;
    for (let c = 0; c < k; c++, j++) {
      const v = row[c];
      if (!Number.isFinite(v)) invalid(`REGRESS: ${names[j]} in row ${t + 1} is ${show(v)}, not a finite number`);
      A[j * n + t] = v;
    }
  }
  const row = designRow(X, opts.intercept);
  const fit = factorise(A, n, p, names); // A is overwritten: the design is read from X from here on
  const beta = new Array<number>(p);
  for (let j = 0; j < p; j++) beta[j] = 0;
  fit.refine(y, beta);
  const residuals = residualsOf(row, n, p, y, beta);
  fit.refine(residuals, beta); // one step of iterative refinement: β += argmin ‖e − Xδ‖
  const e = residualsOf(row, n, p, y, beta);
  snapRoundingNoise(row, n, p, y, beta, e);

  const se = fit.hacStandardErrors(row, e, lags);
  let ssr = 0;
  for (let t = 0; t < n; t++) ssr += e[t] * e[t];
  let sst = 0;
  const centre = opts.intercept ? mean(y) : 0;
  for (let t = 0; t < n; t++) sst += (y[t] - centre) * (y[t] - centre);
  const r2: number | SheetError =
    sst > 0
      ? 1 - ssr / sst
      : new SheetError("num", `REGRESS: r2: y ${opts.intercept ? "does not vary" : "is 0 in every row"}, so R² = 1 − SSR/SST has SST = 0`);
  for (let j = 0; j < p; j++) {
    if (!Number.isFinite(beta[j]) || !Number.isFinite(se[j])) {
      throw new SheetError("num", `REGRESS: the estimate of ${names[j]} or its std_error is not a finite number (values too large)`);
    }
  }
  return { beta, se, r2, n, lags, terms: p, residuals: e };
}

function termNames(k: number, opts: OlsOptions): string[] {
  const x = opts.names && opts.names.length === k ? [...opts.names] : Array.from({ length: k }, (_, i) => `x${i + 1}`);
  return opts.intercept ? ["intercept", ...x] : x;
}

function mean(v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  let m = s / v.length;
  let c = 0; // a second pass removes the first pass's rounding
  for (let i = 0; i < v.length; i++) c += v[i] - m;
  m += c / v.length;
  return m;
}

/** Row t of the design (with the column of ones first when there is an intercept), written into `out`. */
type DesignRow = (t: number, out: Float64Array) => void;

function designRow(X: readonly (readonly number[])[], intercept: boolean): DesignRow {
  return (t, out) => {
    const r = X[t];
    let j = 0;
    if (intercept) out[j++] = 1;
    for (let c = 0; c < r.length; c++) out[j++] = r[c];
  };
}

function residualsOf(row: DesignRow, n: number, p: number, y: readonly number[], beta: readonly number[]): number[] {
  const e = new Array<number>(n);
  const x = new Float64Array(p);
  for (let t = 0; t < n; t++) {
    row(t, x);
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += x[j] * beta[j];
    e[t] = y[t] - fitted;
  }
  return e;
}

/**
 * A residual no larger than the rounding error of computing its fitted value is 0: an exact fit
 * then shows std_error 0 (and t_stat #NUM!) instead of 1e-17 noise. A bound of (p + 2) units of
 * rounding of |y| + Σ|xβ| is far below any residual a real data set has.
 */
function snapRoundingNoise(row: DesignRow, n: number, p: number, y: readonly number[], beta: readonly number[], e: number[]): void {
  const x = new Float64Array(p);
  for (let t = 0; t < n; t++) {
    row(t, x);
    let scale = Math.abs(y[t]);
    for (let j = 0; j < p; j++) scale += Math.abs(x[j] * beta[j]);
    if (Math.abs(e[t]) <= (p + 2) * EPS * scale) e[t] = 0;
  }
}

/** The QR factorisation of the scaled, pivoted design, and what is computed from it. */
interface Factorised {
  /** β += the least-squares coefficients of `rhs` on X. */
  refine(rhs: readonly number[], beta: number[]): void;
  hacStandardErrors(row: DesignRow, e: readonly number[], lags: number): number[];
}

/**
 * Householder QR with column pivoting of A·D⁻¹ (D the column norms): A·D⁻¹·P = Q·R. Stops with
 * `#NUM!` when the best remaining column's part outside the span of those chosen is below
 * COLLINEAR_TOLERANCE, naming the columns that are combinations of the others.
 */
function factorise(W: Float64Array, n: number, p: number, names: readonly string[]): Factorised {
  // W, the column-major design, becomes the Householder vectors below the diagonal and R above.
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const s = norm(W, j * n, n);
    if (s === 0) throw new SheetError("num", `REGRESS: collinear columns: ${names[j]} is 0 in every row used`);
    scale[j] = s;
    for (let t = 0; t < n; t++) W[j * n + t] /= s;
  }
  const perm = Array.from({ length: p }, (_, j) => j); // perm[position] = original column
  const rDiag = new Float64Array(p);
  const vNorm2 = new Float64Array(p);
  for (let kk = 0; kk < p; kk++) {
    // Pivot: the column with the largest part not yet explained (recomputed, p ≤ 11).
    let best = kk;
    let bestNorm = -1;
    for (let j = kk; j < p; j++) {
      const r = unitNorm(W, j * n + kk, n - kk);
      if (r > bestNorm) {
        bestNorm = r;
        best = j;
      }
    }
    if (!(bestNorm > COLLINEAR_TOLERANCE)) {
      const chosen = perm.slice(0, kk).sort((a, b) => a - b).map((j) => names[j]);
      const rest = perm.slice(kk).sort((a, b) => a - b).map((j) => names[j]);
      throw new SheetError(
        "num",
        `REGRESS: collinear columns: ${rest.join(", ")} ${rest.length === 1 ? "is" : "are"}, to 10 significant digits, a linear combination of ${chosen.join(", ")}; drop ${rest.length === 1 ? "it" : "them"} or another of the columns`,
      );
    }
    if (best !== kk) {
      for (let t = 0; t < n; t++) {
        const tmp = W[kk * n + t];
        W[kk * n + t] = W[best * n + t];
        W[best * n + t] = tmp;
      }
      const tp = perm[kk];
      perm[kk] = perm[best];
      perm[best] = tp;
      const ts = scale[kk];
      scale[kk] = scale[best];
      scale[best] = ts;
    }
    const ck = kk * n;
    const alpha = W[ck + kk] > 0 ? -bestNorm : bestNorm;
    W[ck + kk] -= alpha; // v = x − α·e₁ in place; H = I − 2vv′/v′v
    let vv = 0;
    for (let t = kk; t < n; t++) vv += W[ck + t] * W[ck + t];
    vNorm2[kk] = vv;
    for (let j = kk + 1; j < p; j++) reflect(W, ck, kk, n, vv, W, j * n);
    rDiag[kk] = alpha;
  }
  const R = (i: number, j: number) => (i === j ? rDiag[i] : W[j * n + i]); // i < j above the diagonal

  // R⁻¹, upper triangular, for the covariance.
  const Rinv: Float64Array[] = Array.from({ length: p }, () => new Float64Array(p));
  for (let j = 0; j < p; j++) {
    Rinv[j][j] = 1 / rDiag[j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let l = i + 1; l <= j; l++) s += R(i, l) * Rinv[l][j];
      Rinv[i][j] = -s / rDiag[i];
    }
  }

  return {
    refine(rhs, beta) {
      const b = Float64Array.from(rhs);
      for (let kk = 0; kk < p; kk++) reflect(W, kk * n, kk, n, vNorm2[kk], b, 0);
      const coef = new Float64Array(p);
      for (let i = p - 1; i >= 0; i--) {
        let s = b[i];
        for (let l = i + 1; l < p; l++) s -= R(i, l) * coef[l];
        coef[i] = s / rDiag[i];
      }
      for (let i = 0; i < p; i++) beta[perm[i]] += coef[i] / scale[i];
    },

    hacStandardErrors(row, e, lags) {
      // Influence rows in scaled, pivoted coordinates, hₜ = (R′R)⁻¹x̃ₜeₜ = R⁻¹(R⁻ᵀx̃ₜ)eₜ, one at a
      // time; the last L of them are kept in a ring for the lagged products, so memory is O(L·p).
      const x = new Float64Array(p);
      const xs = new Float64Array(p);
      const u = new Float64Array(p);
      const slots = lags + 1;
      const ring = new Float64Array(slots * p); // hₜ in slot t mod (L + 1)
      const gamma = new Float64Array(slots * p); // gamma[l·p + j] = Σₜ hₜⱼhₜ₋ₗ,ⱼ
      for (let t = 0; t < n; t++) {
        const slot = t % slots;
        const at = slot * p;
        if (e[t] === 0) ring.fill(0, at, at + p);
        else {
          row(t, x);
          for (let l = 0; l < p; l++) xs[l] = x[perm[l]] / scale[l]; // x̃ₜ: scaled, pivoted
          for (let i = 0; i < p; i++) {
            let s = 0;
            for (let l = 0; l <= i; l++) s += Rinv[l][i] * xs[l]; // (R⁻ᵀx̃)ᵢ
            u[i] = s;
          }
          for (let i = 0; i < p; i++) {
            let s = 0;
            for (let l = i; l < p; l++) s += Rinv[i][l] * u[l];
            ring[at + i] = s * e[t];
          }
        }
        const upTo = Math.min(lags, t);
        let past = slot;
        for (let l = 0; l <= upTo; l++) {
          const pastAt = past * p;
          const g = l * p;
          for (let i = 0; i < p; i++) gamma[g + i] += ring[at + i] * ring[pastAt + i];
          past = past === 0 ? slots - 1 : past - 1;
        }
      }
      const se = new Array<number>(p);
      for (let i = 0; i < p; i++) {
        let v = gamma[i];
        for (let l = 1; l <= lags; l++) v += 2 * (1 - l / (lags + 1)) * gamma[l * p + i];
        // Bartlett weights keep V positive semi-definite: a negative value is rounding.
        se[perm[i]] = Math.sqrt(Math.max(0, v)) / scale[i];
      }
      return se;
    },
  };
}

/** Apply the reflector stored in W[ck + kk .. ck + n) (squared norm vv) to buf[c + kk .. c + n). */
function reflect(W: Float64Array, ck: number, kk: number, n: number, vv: number, buf: Float64Array, c: number): void {
  let s = 0;
  for (let t = kk; t < n; t++) s += W[ck + t] * buf[c + t];
  s = (2 * s) / vv;
  for (let t = kk; t < n; t++) buf[c + t] -= s * W[ck + t];
}

/** Euclidean norm of part of a column already scaled to unit length (no overflow possible). */
function unitNorm(buf: Float64Array, start: number, len: number): number {
  let s = 0;
  for (let i = start; i < start + len; i++) s += buf[i] * buf[i];
  return Math.sqrt(s);
}

/** Euclidean norm of buf[start .. start + len), scaled against overflow and underflow. */
function norm(buf: Float64Array, start: number, len: number): number {
  let big = 0;
  for (let i = start; i < start + len; i++) big = Math.max(big, Math.abs(buf[i]));
  if (big === 0) return 0;
  let s = 0;
  for (let i = start; i < start + len; i++) {
    const t = buf[i] / big;
    s += t * t;
  }
  return big * Math.sqrt(s);
}
