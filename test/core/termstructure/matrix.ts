/**
 * Small dense-matrix helpers for the term-structure tests: products, transposes and square
 * solves that the tests need to build and check models, and the core does not.
 */
import { leastSquares } from "../../../src/core/termstructure/linalg";

/** Solve the square system A·X = B (by QR; throws RankDeficientError when A is singular). */
export function solve(a: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[]): number[][] {
  if (a.length > 0 && a[0].length !== a.length) throw new Error("solve: the matrix is not square");
  return leastSquares(a, b).coef;
}

/** A·B for small dense matrices. */
export function matMul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const k = b.length;
  const m = k === 0 ? 0 : b[0].length;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (a[i].length !== k) throw new Error("matMul: inner dimensions differ");
    const row = new Array<number>(m).fill(0);
    for (let l = 0; l < k; l++) {
      const ail = a[i][l];
      if (ail === 0) continue;
      const bl = b[l];
      for (let j = 0; j < m; j++) row[j] += ail * bl[j];
    }
    out.push(row);
  }
  return out;
}

/** The transpose of a dense matrix. */
export function transpose(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const m = n === 0 ? 0 : a[0].length;
  return Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => a[i][j]));
}
