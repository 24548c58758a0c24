import { describe, expect, it } from "vitest";
import { RankDeficientError, leastSquares, symmetricEigen } from "../../../src/core/termstructure/linalg";
import { matMul, solve, transpose } from "./matrix";
import { Rng } from "./affineModel";

/** A random symmetric matrix with entries N(0,1) (seeded). */
function randomSymmetric(n: number, seed: number): number[][] {
  const rng = new Rng(seed);
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i][j] = a[j][i] = rng.normal();
  return a;
}

const maxAbs = (m: number[][]): number => Math.max(...m.flat().map(Math.abs));

describe("symmetricEigen (Householder tridiagonalisation + implicit QL)", () => {
  it("solves the 2×2 case in closed form", () => {
    // [[2,1],[1,2]]: eigenvalues 2 ± 1, eigenvectors (1,1)/√2 and (1,−1)/√2 (closed form).
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0][0] * vectors[1][0]).toBeGreaterThan(0);
    expect(vectors[0][1] * vectors[1][1]).toBeLessThan(0);
  });

  it("matches the closed-form spectrum of the second-difference matrix", () => {
    // tridiag(−1, 2, −1) of size n has eigenvalues 2 − 2·cos(kπ/(n+1)), k = 1..n (closed form).
    const n = 12;
    const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? -1 : 0)));
    const { values } = symmetricEigen(a);
    const expected = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort((x, y) => y - x);
    values.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 13));
  });

  it("handles 0×0, 1×1, diagonal and repeated eigenvalues", () => {
    expect(symmetricEigen([])).toEqual({ values: [], vectors: [] });
    expect(symmetricEigen([[-4]]).values).toEqual([-4]);
    expect(
      symmetricEigen([
        [1, 0, 0],
        [0, 5, 0],
        [0, 0, 3],
      ]).values,
    ).toEqual([5, 3, 1]);
    // 2·I + u u′ with |u|² = 3: eigenvalues 5, 2, 2 (closed form).
    const u = [1, 1, 1];
    const a = u.map((ui, i) => u.map((uj, j) => ui * uj + (i === j ? 2 : 0)));
    const { values, vectors } = symmetricEigen(a);
    expect(values[0]).toBeCloseTo(5, 14);
    expect(values[1]).toBeCloseTo(2, 14);
    expect(values[2]).toBeCloseTo(2, 14);
    expect(maxAbs(matMul(transpose(vectors), vectors).map((r, i) => r.map((x, j) => x - (i === j ? 1 : 0))))).toBeLessThan(1e-14);
  });

  it.each([5, 30, 120])("decomposes a random symmetric matrix of order %i: A·V = V·Λ, V′V = I, trace preserved", (n) => {
    const a = randomSymmetric(n, 1000 + n);
    const { values, vectors } = symmetricEigen(a);
    const av = matMul(a, vectors);
    const vl = vectors.map((row) => row.map((x, j) => x * values[j]));
    const scale = Math.max(...values.map(Math.abs));
    expect(maxAbs(av.map((r, i) => r.map((x, j) => x - vl[i][j])))).toBeLessThan(1e-12 * scale * n);
    expect(maxAbs(matMul(transpose(vectors), vectors).map((r, i) => r.map((x, j) => x - (i === j ? 1 : 0))))).toBeLessThan(1e-12 * n);
    const trace = a.reduce((s, r, i) => s + r[i], 0);
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 9);
    for (let k = 1; k < n; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
  });

  it("finds the zero eigenvalues of a rank-3 covariance matrix", () => {
    // Y = F·G′ with 3 factors in 10 dimensions: rank 3, so 7 eigenvalues are 0 (to rounding).
    const rng = new Rng(7);
    const G = Array.from({ length: 10 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const Y = Array.from({ length: 200 }, () => {
      const f = [rng.normal(), rng.normal(), rng.normal()];
      return G.map((g) => g[0] * f[0] + g[1] * f[1] + g[2] * f[2]);
    });
    const cov = matMul(transpose(Y), Y);
    const { values } = symmetricEigen(cov);
    expect(values[2]).toBeGreaterThan(1);
    for (let k = 3; k < 10; k++) expect(Math.abs(values[k])).toBeLessThan(1e-12 * values[0]);
  });
});

describe("leastSquares (Householder QR)", () => {
  it("recovers an exact line and a quadratic", () => {
    // y = 1 + 2x exactly, and y = 3 − x + 0.5x² exactly: coefficients by construction.
    const xs = [0, 1, 2, 3, 4, 5];
    const { coef, residuals } = leastSquares(
      xs.map((x) => [1, x, x * x]),
      xs.map((x) => [1 + 2 * x, 3 - x + 0.5 * x * x]),
    );
    expect(coef[0][0]).toBeCloseTo(1, 13);
    expect(coef[1][0]).toBeCloseTo(2, 13);
    expect(coef[2][0]).toBeCloseTo(0, 13);
    expect(coef[0][1]).toBeCloseTo(3, 13);
    expect(coef[1][1]).toBeCloseTo(-1, 13);
    expect(coef[2][1]).toBeCloseTo(0.5, 13);
    expect(maxAbs(residuals)).toBeLessThan(1e-13);
  });

  it("matches the closed-form simple regression and leaves residuals orthogonal to X", () => {
    // slope = cov(x, y)/var(x), intercept = ȳ − slope·x̄ (closed form).
    const rng = new Rng(11);
    const x = Array.from({ length: 500 }, () => rng.normal());
    const y = x.map((xi) => 0.3 - 1.7 * xi + 0.5 * rng.normal());
    const xm = x.reduce((s, v) => s + v, 0) / x.length;
    const ym = y.reduce((s, v) => s + v, 0) / y.length;
    const slope = x.reduce((s, xi, i) => s + (xi - xm) * (y[i] - ym), 0) / x.reduce((s, xi) => s + (xi - xm) ** 2, 0);
    const { coef, residuals } = leastSquares(
      x.map((xi) => [1, xi]),
      y.map((yi) => [yi]),
    );
    expect(coef[1][0]).toBeCloseTo(slope, 12);
    expect(coef[0][0]).toBeCloseTo(ym - slope * xm, 12);
    const xe = residuals.reduce((s, e, i) => s + e[0] * x[i], 0);
    expect(Math.abs(xe)).toBeLessThan(1e-10);
    expect(Math.abs(residuals.reduce((s, e) => s + e[0], 0))).toBeLessThan(1e-10);
  });

  it("stays accurate on an ill-conditioned Vandermonde design", () => {
    // Degree-7 polynomial on [1, 2]: cond(X) ~ 1e9; normal equations would lose ~18 digits, QR ~9.
    const xs = Array.from({ length: 40 }, (_, i) => 1 + i / 39);
    const truth = [1, -2, 3, -1, 0.5, 0.25, -0.125, 0.0625];
    const { coef } = leastSquares(
      xs.map((x) => truth.map((_, k) => x ** k)),
      xs.map((x) => [truth.reduce((s, c, k) => s + c * x ** k, 0)]),
    );
    coef.forEach((c, k) => expect(Math.abs(c[0] - truth[k])).toBeLessThan(1e-5));
  });

  it("names the collinear column", () => {
    // Column 3 = column 1 + column 2.
    const x = [
      [1, 0, 1],
      [1, 1, 2],
      [1, 2, 3],
      [1, 5, 6],
    ];
    expect(() => leastSquares(x, [[1], [2], [3], [4]])).toThrow(RankDeficientError);
    try {
      leastSquares(x, [[1], [2], [3], [4]]);
    } catch (e) {
      expect((e as RankDeficientError).column).toBe(2);
    }
    expect(() => leastSquares([[1], [1]], [[0], [1], [2]])).toThrow(/rows/);
    expect(() => leastSquares([[1, 2]], [[0]])).toThrow(/cannot determine/);
  });

  it("solves a square system", () => {
    // A·x = b with x = (1, −2, 3) by construction.
    const a = [
      [4, -2, 1],
      [-2, 4, -2],
      [1, -2, 4],
    ];
    const x = [1, -2, 3];
    const b = a.map((row) => [row.reduce((s, v, j) => s + v * x[j], 0)]);
    solve(a, b).forEach((r, i) => expect(r[0]).toBeCloseTo(x[i], 13));
  });
});
