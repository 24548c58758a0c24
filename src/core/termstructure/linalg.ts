/**
 * The little dense linear algebra the term-structure code needs, written here so that the
 * Apps Script bundle carries no numerical library:
 *
 * - `symmetricEigen`: eigenvalues and eigenvectors of a real symmetric matrix by Householder
 *   reduction to tridiagonal form followed by the implicit QL algorithm (the EISPACK routines
 *   tred2/tql2, in the form published in the public-domain JAMA package). O(n³), backward
 *   stable, about 20 ms for the 118 × 118 covariance of a yield panel.
 * - `leastSquares`: ordinary least squares for several right-hand sides at once by Householder
 *   QR of the design matrix (no normal equations, so the condition number is not squared),
 *   with a rank check that names the offending column.
 *
 * Plain numbers in, plain numbers out; nothing here knows about spreadsheets.
 */

/** A design matrix whose columns are (numerically) linearly dependent. */
export class RankDeficientError extends Error {
  constructor(readonly column: number) {
    super(`column ${column + 1} of the design matrix is a linear combination of the columns before it`);
    this.name = "RankDeficientError";
  }
}

export interface SymmetricEigen {
  /** Eigenvalues, largest first. */
  values: number[];
  /** Eigenvectors as columns: `vectors[i][j]` is component i of the eigenvector of `values[j]`; orthonormal. */
  vectors: number[][];
}

/**
 * Eigen-decomposition `A = V·diag(values)·V′` of a symmetric matrix (only the lower triangle is read).
 * Householder tridiagonalisation (tred2) then implicit QL with Wilkinson-style shifts (tql2).
 */
export function symmetricEigen(a: readonly (readonly number[])[]): SymmetricEigen {
  const n = a.length;
  if (n === 0) return { values: [], vectors: [] };
  for (const row of a) if (row.length !== n) throw new Error(`symmetricEigen: the matrix is not square (${n} rows, a row of ${row.length})`);
  const V: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    for (let j = 0; j < n; j++) row[j] = j <= i ? a[i][j] : a[j][i];
    V.push(row);
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tred2(V, d, e);
  tql2(V, d, e);
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y] - d[x]);
  return {
    values: order.map((k) => d[k]),
    vectors: Array.from({ length: n }, (_, i) => order.map((k) => V[i][k])),
  };
}

/** Householder reduction of the symmetric V to tridiagonal form; V becomes the accumulated transformation. */
function tred2(V: Float64Array[], d: Float64Array, e: Float64Array): void {
  const n = d.length;
  for (let j = 0; j < n; j++) d[j] = V[n - 1][j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[i - 1][j];
        V[i][j] = 0;
        V[j][i] = 0;
      }
    } else {
      // Generate the Householder vector.
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      // Apply the similarity transformation to the remaining columns.
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[j][i] = f;
        g = e[j] + V[j][j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k][j] * d[k];
          e[k] += V[k][j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[k][j] -= f * e[k] + g * d[k];
        d[j] = V[i - 1][j];
        V[i][j] = 0;
      }
    }
    d[i] = h;
  }
  // Accumulate the transformations.
  for (let i = 0; i < n - 1; i++) {
    V[n - 1][i] = V[i][i];
    V[i][i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[k][i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k][i + 1] * V[k][j];
        for (let k = 0; k <= i; k++) V[k][j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[k][i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[n - 1][j];
    V[n - 1][j] = 0;
  }
  V[n - 1][n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e), rotating V along: d becomes the eigenvalues, V the eigenvectors. */
function tql2(V: Float64Array[], d: Float64Array, e: Float64Array): void {
  const n = d.length;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    // Find a small subdiagonal element.
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 100) throw new Error("symmetricEigen: the QL iteration did not converge");
        // Compute the implicit shift.
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        // Implicit QL transformation.
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < n; k++) {
            const row = V[k];
            h = row[i + 1];
            row[i + 1] = s * row[i] + c * h;
            row[i] = c * row[i] - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}

export interface LeastSquares {
  /** Coefficients, one row per column of X and one column per column of Y (p × m). */
  coef: number[][];
  /** Y − X·coef (n × m). */
  residuals: number[][];
}

/**
 * Least squares `min ‖Y − X·B‖` for every column of Y, by Householder QR of X (n × p, n ≥ p).
 * Throws `RankDeficientError` when a column of X is, to about 10 significant digits, a linear
 * combination of the columns before it (or zero).
 */
export function leastSquares(x: readonly ArrayLike<number>[], y: readonly ArrayLike<number>[]): LeastSquares {
  const n = x.length;
  if (y.length !== n) throw new Error(`leastSquares: X has ${n} rows, Y has ${y.length}`);
  const p = n === 0 ? 0 : x[0].length;
  const m = n === 0 ? 0 : y[0].length;
  if (n < p) throw new Error(`leastSquares: ${n} observations cannot determine ${p} coefficients`);
  // Column-major copies: column j of A is A[j*n .. j*n+n).
  const A = new Float64Array(n * p);
  const Q = new Float64Array(n * m); // becomes Q′Y
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const yi = y[i];
    if (xi.length !== p || yi.length !== m) throw new Error(`leastSquares: row ${i + 1} has the wrong length`);
    for (let j = 0; j < p; j++) A[j * n + i] = xi[j];
    for (let j = 0; j < m; j++) Q[j * n + i] = yi[j];
  }
  const colNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) colNorm[j] = norm(A, j * n, n);
  const rDiag = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const ck = k * n;
    const alphaNorm = norm(A, ck + k, n - k);
    if (!(alphaNorm > 1e-10 * colNorm[k])) throw new RankDeficientError(k);
    const alpha = A[ck + k] > 0 ? -alphaNorm : alphaNorm;
    // v = x − alpha·e1 stored in place of column k (rows k..n−1); H = I − 2vv′/(v′v).
    A[ck + k] -= alpha;
    let vv = 0;
    for (let i = k; i < n; i++) vv += A[ck + i] * A[ck + i];
    const reflect = (buf: Float64Array, c: number): void => {
      let s = 0;
      for (let i = k; i < n; i++) s += A[ck + i] * buf[c + i];
      s = (2 * s) / vv;
      for (let i = k; i < n; i++) buf[c + i] -= s * A[ck + i];
    };
    for (let j = k + 1; j < p; j++) reflect(A, j * n);
    for (let j = 0; j < m; j++) reflect(Q, j * n);
    rDiag[k] = alpha;
  }
  // Back substitution R·B = (Q′Y)[0..p).
  const coef: number[][] = Array.from({ length: p }, () => new Array<number>(m).fill(0));
  for (let j = 0; j < m; j++) {
    for (let k = p - 1; k >= 0; k--) {
      let s = Q[j * n + k];
      for (let l = k + 1; l < p; l++) s -= A[l * n + k] * coef[l][j];
      coef[k][j] = s / rDiag[k];
    }
  }
  const residuals: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const row = new Array<number>(m);
    for (let j = 0; j < m; j++) {
      let fit = 0;
      for (let l = 0; l < p; l++) fit += xi[l] * coef[l][j];
      row[j] = y[i][j] - fit;
    }
    residuals[i] = row;
  }
  return { coef, residuals };
}

/** Euclidean norm of buf[start .. start+len), scaled to avoid overflow and underflow. */
function norm(buf: Float64Array, start: number, len: number): number {
  let scale = 0;
  for (let i = start; i < start + len; i++) scale = Math.max(scale, Math.abs(buf[i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = start; i < start + len; i++) {
    const t = buf[i] / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}
