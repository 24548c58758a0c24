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
  // Each value's own rules (freq 1, 2 or 4; maturities above 0 and up to MAX_YEARS) are the table's;
  // what joins the two lists is checked here.
  if (zeroYields.length === 0) invalid("zero_yields is empty: give the zero curve");
  if (zeroYields.length !== maturitiesYears.length) {
    invalid(`zero_yields has ${zeroYields.length} values but maturities_years has ${maturitiesYears.length}: give one maturity per zero yield`);
  }
  for (let i = 0; i < maturitiesYears.length; i++) {
    const t = maturitiesYears[i];
    if (i > 0 && !(t > maturitiesYears[i - 1])) {
      invalid(`maturities_years must increase: item ${i + 1} (${t}) does not come after item ${i} (${maturitiesYears[i - 1]})`);
    }
  }
  // Discount factors at every coupon date up to the longest maturity, computed once.
  const last = maturitiesYears[maturitiesYears.length - 1];
  const dates = Math.round(last * freq + 1e-9);
  const annuity = new Float64Array(dates + 1); // annuity[k] = Σ_{j≤k} d(j/f)
  for (let k = 1; k <= dates; k++) {
    const t = k / freq;
    annuity[k] = annuity[k - 1] + Math.exp(-zeroAt(t, zeroYields, maturitiesYears) * t);
  }
  return maturitiesYears.map((t, i) => {
    const k = Math.round(t * freq);
    if (k < 1 || Math.abs(t * freq - k) > 1e-9) {
      return [new SheetError("value", `maturities_years item ${i + 1} = ${t} with freq = ${freq} is not a whole number of coupon periods`)];
    }
    const dT = Math.exp(-zeroYields[i] * t);
    return [(freq * (1 - dT)) / annuity[k]];
  });
}
