/**
 * Independent implementations for the calibration tests, written from the formulas (the contract
 * in docs/functions.md, REGRESS and CHAIN_FAN) with different algorithms from src/core/calibration:
 * OLS by the normal equations and Gauss–Jordan elimination with the Newey–West sandwich as an
 * explicit double loop; a different random generator (L'Ecuyer's combined LCG) with Box–Muller
 * normals built on Math.log and Math.cos; the normal CDF by its power series.
 */

/** L'Ecuyer (1988, Comm. ACM 31, "Efficient and portable combined random number generators"): two Park–Miller-style LCGs combined, exact in doubles. */
export class LEcuyer {
  private a: number;
  private b: number;
  constructor(seed: number) {
    this.a = (seed % 2147483562) + 1;
    this.b = ((seed * 7 + 12345) % 2147483398) + 1;
  }
  uniform(): number {
    this.a = (40014 * this.a) % 2147483563;
    this.b = (40692 * this.b) % 2147483399;
    let z = this.a - this.b;
    if (z < 1) z += 2147483562;
    return z / 2147483563; // in (0, 1)
  }
  /** A standard normal by Box–Muller (one of the pair; the other is thrown away, for simplicity). */
  normal(): number {
    const u1 = this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/** Φ(z) = ½ + φ(z)·Σₖ z^(2k+1)/(1·3·5⋯(2k+1)) (Abramowitz & Stegun 26.2.11): all terms positive, no cancellation. */
export function normalCdf(z: number): number {
  if (z < -9) return 0;
  if (z > 9) return 1;
  let term = z;
  let sum = z;
  for (let k = 1; k < 400; k++) {
    term *= (z * z) / (2 * k + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 + (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)) * sum;
}

export const normalPdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Inverse of a square matrix by Gauss–Jordan elimination with partial pivoting. */
export function inverse(m: readonly (readonly number[])[]): number[][] {
  const p = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * p; j++) a[c][j] /= d;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * p; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(p));
}

export const matmul = (a: number[][], b: number[][]) => a.map((row) => b[0].map((_, j) => row.reduce((s, v, l) => s + v * b[l][j], 0)));
export const transpose = (a: number[][]) => a[0].map((_, j) => a.map((row) => row[j]));

export interface ReferenceFit {
  beta: number[];
  se: number[];
  r2: number;
}

/** The design with a column of ones first when `intercept`. */
export const design = (X: number[][], intercept: boolean) => X.map((row) => (intercept ? [1, ...row] : [...row]));

/**
 * The contract's formulas as written: β = (X′X)⁻¹X′y;
 * S = Σₜ eₜ²xₜxₜ′ + Σ_{l=1..L}(1 − l/(L+1)) Σ_{t>l} eₜeₜ₋ₗ(xₜxₜ₋ₗ′ + xₜ₋ₗxₜ′); V = (X′X)⁻¹S(X′X)⁻¹;
 * R² = 1 − SSR/SST (about the mean with an intercept, about 0 without).
 */
export function referenceOls(y: number[], X: number[][], intercept: boolean, lags: number): ReferenceFit {
  const Z = design(X, intercept);
  const n = Z.length;
  const p = Z[0].length;
  const Zt = transpose(Z);
  const inv = inverse(matmul(Zt, Z));
  const beta = matmul(inv, matmul(Zt, y.map((v) => [v]))).map((r) => r[0]);
  const e = y.map((v, t) => v - Z[t].reduce((s, z, j) => s + z * beta[j], 0));
  const S = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let t = 0; t < n; t++) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) S[i][j] += e[t] * e[t] * Z[t][i] * Z[t][j];
  for (let l = 1; l <= lags; l++) {
    const w = 1 - l / (lags + 1);
    for (let t = l; t < n; t++) {
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < p; j++) S[i][j] += w * e[t] * e[t - l] * (Z[t][i] * Z[t - l][j] + Z[t - l][i] * Z[t][j]);
      }
    }
  }
  const V = matmul(matmul(inv, S), inv);
  const ybar = intercept ? y.reduce((s, v) => s + v, 0) / n : 0;
  const ssr = e.reduce((s, v) => s + v * v, 0);
  const sst = y.reduce((s, v) => s + (v - ybar) ** 2, 0);
  return { beta, se: V.map((row, i) => Math.sqrt(row[i])), r2: 1 - ssr / sst };
}

/** White's HC0 written as matrices: (X′X)⁻¹ · X′ diag(e²) X · (X′X)⁻¹. */
export function whiteHc0(y: number[], X: number[][], intercept: boolean): number[] {
  const Z = design(X, intercept);
  const Zt = transpose(Z);
  const inv = inverse(matmul(Zt, Z));
  const beta = matmul(inv, matmul(Zt, y.map((v) => [v]))).map((r) => r[0]);
  const e2 = y.map((v, t) => (v - Z[t].reduce((s, z, j) => s + z * beta[j], 0)) ** 2);
  const meat = matmul(
    Zt.map((row) => row.map((v, t) => v * e2[t])),
    Z,
  );
  const V = matmul(matmul(inv, meat), inv);
  return V.map((row, i) => Math.sqrt(row[i]));
}

/** A seeded stream of uniforms for making test data (not the code under test). */
export function dataGenerator(seed: number): { uniform: () => number; normal: () => number } {
  const g = new LEcuyer(seed);
  return { uniform: () => g.uniform(), normal: () => g.normal() };
}

/** Relative difference, with an absolute floor for values near 0. */
export const relDiff = (a: number, b: number, floor = 1e-300) => Math.abs(a - b) / Math.max(Math.abs(b), floor);
