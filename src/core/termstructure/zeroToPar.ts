import { SheetError, invalid } from "../errors";
import type { Table } from "../table";

/**
 * Zero yield at `t` years read off the curve (maturities increasing): linear in maturity between
 * the given points, flat before the first one. `t` never exceeds the last maturity here.
 */
export function zeroAt(t: number, zeros: readonly number[], maturities: readonly number[]): number {
  if (t <= maturities[0]) return zeros[0];
  let hi = 1;
  while (hi < maturities.length - 1 && maturities[hi] < t) hi++;
  if (maturities[hi] === t) return zeros[hi];
  const lo = hi - 1;
  const w = (t - maturities[lo]) / (maturities[hi] - maturities[lo]);
  return zeros[lo] + w * (zeros[hi] - zeros[lo]);
}

/**
 * Check what joins the two lists of a curve (ZERO_TO_PAR's zeros, PAR_TO_ZERO's par yields): one
 * value per maturity, maturities increasing. Each value's own rules (freq 1, 2 or 4; maturities
 * above 0 and up to MAX_YEARS) are the function table's, checked before the core is called.
 */
export function checkCurve(values: readonly number[], maturitiesYears: readonly number[], valuesName: string, itemName: string): void {
  if (values.length === 0) invalid(`${valuesName} is empty: give the curve, one ${itemName} per maturity`);
  if (values.length !== maturitiesYears.length) {
    invalid(`${valuesName} has ${values.length} values but maturities_years has ${maturitiesYears.length}: give one maturity per ${itemName}`);
  }
  for (let i = 0; i < maturitiesYears.length; i++) {
    const t = maturitiesYears[i];
    if (i > 0 && !(t > maturitiesYears[i - 1])) {
      invalid(`maturities_years must increase: item ${i + 1} (${t}) does not come after item ${i} (${maturitiesYears[i - 1]})`);
    }
  }
}

/** Coupon dates up to `t` years (t·freq of them), or undefined when t is not a whole number of coupon periods. */
export function couponCount(t: number, freq: number): number | undefined {
  const k = Math.round(t * freq);
  return k < 1 || Math.abs(t * freq - k) > 1e-9 ? undefined : k;
}

/** The `#VALUE!` of a maturity that is not a whole number of coupon periods (its own row only). */
export const notOnCouponDate = (t: number, i: number, freq: number): SheetError =>
  new SheetError("value", `maturities_years item ${i + 1} = ${t} with freq = ${freq} is not a whole number of coupon periods`);

/**
 * Par yields implied by a zero curve: for each maturity T (a whole number of coupon periods),
 * the coupon rate c at which a bullet bond on a coupon date prices at par,
 *
 *     c = f·(1 − d(T)) / Σ_{k=1..T·f} d(k/f),     d(t) = e^(−z(t)·t)
 *
 * (closed form of Σ (c/f)·d(k/f) + d(T) = 1). Zero yields are continuously compounded, as
 * SVENSSON_YIELD returns them and as the Fed publishes SVENYnn; the par yields are compounded
 * at the coupon frequency (f = 2: the Fed's "coupon-equivalent" SVENPYnn). Zero yields at coupon
 * dates between the given maturities are interpolated linearly in maturity, and held flat before
 * the first one. Returns one row per maturity; a maturity that is not a whole number of coupon
 * periods gives a `#VALUE!` in its own row only.
 */
export function zeroToPar(zeroYields: readonly number[], maturitiesYears: readonly number[], freq = 2): Table {
  checkCurve(zeroYields, maturitiesYears, "zero_yields", "zero yield");
  // Discount factors at every coupon date up to the longest maturity, computed once.
  const last = maturitiesYears[maturitiesYears.length - 1];
  const dates = Math.round(last * freq + 1e-9);
  const annuity = new Float64Array(dates + 1); // annuity[k] = Σ_{j≤k} d(j/f)
  for (let k = 1; k <= dates; k++) {
    const t = k / freq;
    annuity[k] = annuity[k - 1] + Math.exp(-zeroAt(t, zeroYields, maturitiesYears) * t);
  }
  return maturitiesYears.map((t, i) => {
    const k = couponCount(t, freq);
    if (k === undefined) return [notOnCouponDate(t, i, freq)];
    const dT = Math.exp(-zeroYields[i] * t);
    return [(freq * (1 - dT)) / annuity[k]];
  });
}
