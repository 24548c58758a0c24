import { SheetError, type ErrorKind } from "../errors";
import type { Cell, Table } from "../table";
import { checkCurve, couponCount, notOnCouponDate } from "./zeroToPar";

/** Newton steps per maturity; a real curve needs 3–5. */
const MAX_STEPS = 100;

/** Zero yields searched within ±1000% (continuously compounded): beyond that no bond is priced. */
const Z_LIMIT = 10;

/**
 * PAR_TO_ZERO: the exact inverse of ZERO_TO_PAR, with its conventions (see zeroToPar.ts): zero
 * yields continuously compounded, par yields compounded at the coupon frequency f, zeros read
 * linearly in maturity between the given points and flat before the first. Solved maturity by
 * maturity (bootstrapping): with the zeros up to the previous maturity T′ known, the zero z at T
 * is the root of
 *
 *     g(z) = (c/f)·Σ_{k=1..T·f} d(k/f) + d(T) − 1,   d(t) = e^(−z(t)·t),
 *     z(t) = z′ + (t − T′)/(T − T′)·(z − z′) for T′ < t ≤ T   (z(t) = z for every t ≤ T at the first maturity),
 *
 * found by Newton's method inside a bracket that keeps it safe. With every coupon date among the
 * maturities the interpolation never enters and the zeros are the exact bootstrap.
 *
 * A maturity that is not a whole number of coupon periods has no par yield: `#VALUE!` in its row,
 * and the curve is solved without it. A par yield that no zero reprices (the earlier coupons alone
 * are worth more than par) is `#NUM!` in its row and in every later row, which depend on it.
 */
export function parToZero(parYields: readonly number[], maturitiesYears: readonly number[], freq = 2): Table {
  checkCurve(parYields, maturitiesYears, "par_yields", "par yield");
  const solvedT: number[] = [];
  const solvedZ: number[] = [];
  let annuity = 0; // Σ d(k/f) over the coupon dates up to the last solved maturity
  let dates = 0; // how many coupon dates that is
  let broken: SheetError | undefined;
  return maturitiesYears.map((T, i): Cell[] => {
    const K = couponCount(T, freq);
    if (K === undefined) return [notOnCouponDate(T, i, freq)];
    if (broken) return [broken];
    const c = parYields[i];
    const prevT = solvedT.length ? solvedT[solvedT.length - 1] : 0;
    const prevZ = solvedZ.length ? solvedZ[solvedZ.length - 1] : 0;
    const first = solvedT.length === 0;
    // The coupon dates this maturity adds, with the weight of the unknown zero at each.
    const t: number[] = [];
    const w: number[] = [];
    for (let k = dates + 1; k <= K; k++) {
      t.push(k / freq);
      w.push(first ? 1 : (k / freq - prevT) / (T - prevT));
    }
    const segment = (z: number): { value: number; slope: number; sum: number } => {
      let sum = 0;
      let dsum = 0;
      for (let j = 0; j < t.length; j++) {
        const d = Math.exp(-(prevZ + w[j] * (z - prevZ)) * t[j]);
        sum += d;
        dsum -= w[j] * t[j] * d;
      }
      const dT = Math.exp(-z * T);
      return { value: (c / freq) * (annuity + sum) + dT - 1, slope: (c / freq) * dsum - T * dT, sum };
    };
    const z = solve(segment, freq * Math.log1p(c / freq));
    if (typeof z !== "number") {
      broken = new SheetError(
        z,
        `par_yields item ${i + 1} = ${c} at ${T} years: no zero yield reprices it (the coupons before it are already worth ${((c / freq) * annuity * 100).toFixed(3)} per 100), so this and later zeros are unknown`,
      );
      return [broken];
    }
    annuity += segment(z).sum;
    dates = K;
    solvedT.push(T);
    solvedZ.push(z);
    return [z];
  });
}

/**
 * The root of g by Newton's method from `guess`, kept inside a bracket [lo, hi] with
 * g(lo) > 0 > g(hi) (g falls as the zero yield rises: a higher yield, a cheaper bond) and
 * bisecting when a step would leave it. `"num"` when no bracket exists within ±Z_LIMIT.
 */
function solve(g: (z: number) => { value: number; slope: number }, guess: number): number | ErrorKind {
  let z = Number.isFinite(guess) && Math.abs(guess) < Z_LIMIT ? guess : 0;
  // Widen a bracket around the guess, doubling its reach, until g changes sign across it.
  let lo = z - 0.01;
  let hi = z + 0.01;
  while (!(g(lo).value > 0)) {
    lo -= 2 * (z - lo);
    if (lo < -Z_LIMIT) return "num";
  }
  while (!(g(hi).value < 0)) {
    hi += 2 * (hi - z);
    if (hi > Z_LIMIT) return "num";
  }
  for (let step = 0; step < MAX_STEPS; step++) {
    const { value, slope } = g(z);
    if (value === 0) return z;
    if (value > 0) lo = z;
    else hi = z;
    let next = z - value / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - z) <= 1e-15 * Math.max(1, Math.abs(z))) return next;
    z = next;
  }
  return z;
}
