/**
 * A known 3-factor Gaussian affine term-structure model, simulated month by month, with its
 * true fitted yields, risk-neutral yields and term premia computed from the model's own
 * recursion. Written independently of src/core/termstructure/acm.ts (no shared code), so that
 * the estimator is checked against a truth it did not produce.
 *
 * Model (monthly, the same form as ACM 2013 §2):
 *   X_{t+1} = μ + Φ X_t + L ε_{t+1},  ε ~ N(0, I)         physical (P) dynamics
 *   r_t = δ0 + δ1′X_t                                       one-month short rate (monthly log)
 *   λ_t = Σ^(−1/2)(λ0 + λ1 X_t), Σ = LL′                    prices of risk
 * so that under the pricing measure Q: X_{t+1} = (μ − λ0) + (Φ − λ1) X_t + L ε.
 * Exact (noise-free) log bond prices: p_t(n) = A_n + B_n′X_t with
 *   A_{n} = A_{n−1} + B_{n−1}′(μ − λ0) + ½ B_{n−1}′ΣB_{n−1} − δ0,  B_n′ = B_{n−1}′(Φ − λ1) − δ1′,  A_0 = 0, B_0 = 0
 * (the standard no-arbitrage recursion of a Gaussian affine model; ACM §2 without their return error σ²).
 */

/** Seeded PRNG: xoshiro128** (Blackman & Vigna), seeded through splitmix32. */
export class Rng {
  private s = new Uint32Array(4);
  private spare: number | null = null;

  constructor(seed: number) {
    let z = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      z = (z + 0x9e3779b9) >>> 0;
      let x = z;
      x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
      x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (x ^ (x >>> 16)) >>> 0;
    }
  }

  /** 32 random bits. */
  nextU32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform on the open interval (0, 1), 53 random bits. */
  uniform(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo + 0.5) / 9007199254740992;
  }

  /** Standard normal by the Box–Muller transform (both draws used). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    const u1 = this.uniform();
    const u2 = this.uniform();
    const rad = Math.sqrt(-2 * Math.log(u1));
    this.spare = rad * Math.sin(2 * Math.PI * u2);
    return rad * Math.cos(2 * Math.PI * u2);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export interface AffineModel {
  mu: number[];
  phi: number[][];
  /** Lower-triangular L with Σ = LL′. */
  chol: number[][];
  lambda0: number[];
  lambda1: number[][];
  delta0: number;
  delta1: number[];
}

/**
 * The test model. Factors are in units of an annual rate (decimal); the annual short rate is
 * 4% + x1 + x2 (so δ1 = (1, 1, 0)/12); x3 moves the curve's hump through x2 under Q. P is less
 * persistent than Q (that difference, λ1, is what makes the term premium move), and λ0 gives a
 * 10-year term premium of about +1%. `volScale` multiplies every shock (1: shocks of 25–35bp a
 * month, the order of the US curve's). Without prices of risk, Q = P: the true term premium is 0.
 */
export function testModel(volScale: number, withPricesOfRisk = true): AffineModel {
  const phiQ = [
    [0.997, 0, 0],
    [0, 0.95, 0.04],
    [0, 0, 0.9],
  ];
  const phiP = [
    [0.97, 0.01, 0],
    [0.02, 0.9, 0.03],
    [0, 0.02, 0.8],
  ];
  const muQ = [0.0002, -0.00004, 0.00002];
  const s = [0.0025, 0.003, 0.0035].map((x) => x * volScale); // monthly shocks, annual-rate units
  const rho = [
    [1, -0.3, 0.1],
    [-0.3, 1, -0.2],
    [0.1, -0.2, 1],
  ];
  const cov = rho.map((row, i) => row.map((c, j) => c * s[i] * s[j]));
  const mu = [0, 0, 0];
  return {
    mu,
    phi: phiP,
    chol: cholesky(cov),
    lambda0: withPricesOfRisk ? mu.map((m, k) => m - muQ[k]) : [0, 0, 0],
    lambda1: withPricesOfRisk ? phiP.map((row, i) => row.map((p, j) => p - phiQ[i][j])) : phiP.map((row) => row.map(() => 0)),
    delta0: 0.04 / 12,
    delta1: [1 / 12, 1 / 12, 0],
  };
}

function cholesky(a: number[][]): number[][] {
  const n = a.length;
  const L = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = i === j ? Math.sqrt(s) : s / L[j][j];
    }
  }
  return L;
}

export function sigmaOf(model: AffineModel): number[][] {
  const L = model.chol;
  return L.map((_, i) => L.map((__, j) => L[i].reduce((s, lik, k) => s + lik * L[j][k], 0)));
}

/** True loadings A_n, B_n (n = 0..nMax) from the model's own recursion; riskNeutral sets λ0 = λ1 = 0. */
export function trueLoadings(model: AffineModel, nMax: number, riskNeutral: boolean): { A: number[]; B: number[][] } {
  const S = sigmaOf(model);
  const drift = model.mu.map((m, k) => m - (riskNeutral ? 0 : model.lambda0[k]));
  const pers = model.phi.map((row, i) => row.map((p, j) => p - (riskNeutral ? 0 : model.lambda1[i][j])));
  const A = [0];
  const B = [[0, 0, 0]];
  for (let n = 1; n <= nMax; n++) {
    const b = B[n - 1];
    let bSb = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) bSb += b[i] * S[i][j] * b[j];
    A.push(A[n - 1] + b[0] * drift[0] + b[1] * drift[1] + b[2] * drift[2] + 0.5 * bSb - model.delta0);
    B.push([0, 1, 2].map((j) => b[0] * pers[0][j] + b[1] * pers[1][j] + b[2] * pers[2][j] - model.delta1[j]));
  }
  return { A, B };
}

export interface SimulatedPanel {
  /** Yields (decimal, annual, continuously compounded), T × 120, maturities 1..120 months. */
  yields: number[][];
  maturities: number[];
  /** The true factors X_t. */
  states: number[][];
  /** True fitted, risk-neutral yields and term premium at `target` months, one per month. */
  fitted: number[];
  riskNeutral: number[];
  termPremium: number[];
}

/**
 * Simulate T months (after a 240-month burn-in from the unconditional mean) of the noise-free
 * panel y_t(n) = −(12/n)(A_n + B_n′X_t), n = 1..120, and the truth at `target` months.
 */
export function simulatePanel(model: AffineModel, T: number, seed: number, target = 120): SimulatedPanel {
  const nMax = 120;
  const maturities = Array.from({ length: nMax }, (_, i) => i + 1);
  const fit = trueLoadings(model, nMax, false);
  const rn = trueLoadings(model, nMax, true);
  const rng = new Rng(seed);
  let x = [0, 0, 0]; // μ = 0: the unconditional mean
  const L = model.chol;
  const step = () => {
    const e = [rng.normal(), rng.normal(), rng.normal()];
    x = [0, 1, 2].map((i) => model.mu[i] + model.phi[i][0] * x[0] + model.phi[i][1] * x[1] + model.phi[i][2] * x[2] + L[i][0] * e[0] + L[i][1] * e[1] + L[i][2] * e[2]);
  };
  for (let b = 0; b < 240; b++) step();
  const yields: number[][] = [];
  const states: number[][] = [];
  const fitted: number[] = [];
  const riskNeutral: number[] = [];
  const termPremium: number[] = [];
  const y = (ld: { A: number[]; B: number[][] }, n: number) => (-12 * (ld.A[n] + ld.B[n][0] * x[0] + ld.B[n][1] * x[1] + ld.B[n][2] * x[2])) / n;
  for (let t = 0; t < T; t++) {
    if (t > 0) step();
    states.push(x.slice());
    yields.push(maturities.map((n) => y(fit, n)));
    const f = y(fit, target);
    const r = y(rn, target);
    fitted.push(f);
    riskNeutral.push(r);
    termPremium.push(f - r);
  }
  return { yields, maturities, states, fitted, riskNeutral, termPremium };
}

/** Root mean square of a − b, in basis points. */
export function rmseBp(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s / a.length) * 1e4;
}

export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, std };
}
