import { invalid } from "../errors";

/**
 * Number of whole coupon periods, or a `#VALUE!` when `years·freq` is not whole. The table
 * declares each argument's own rules (freq 1, 2 or 4; years up to MAX_YEARS, which keeps the
 * loops below short); a rule joining two arguments is checked here, where both are known.
 */
export function periods(years: number, freq: number): number {
  const n = Math.round(years * freq);
  if (n < 1 || Math.abs(years * freq - n) > 1e-9) {
    invalid(`years = ${years} with freq = ${freq} is not a whole number of coupon periods (years·freq = ${+(years * freq).toPrecision(10)})`);
  }
  return n;
}

function discountBase(yld: number, freq: number): number {
  const v = 1 + yld / freq;
  if (v <= 0) invalid(`yield = ${yld} is at or below −freq (${-freq}): the discount factor is undefined`);
  return v;
}

/**
 * Price per 100 of a bullet bond on a coupon date, redemption 100. Same result as
 * Excel's PRICE(settlement, maturity, coupon, yield, 100, freq, 0) on a coupon date,
 * and unlike PRICE it accepts negative yields (JGBs had them 2016–2022).
 */
export function bondPrice(yld: number, coupon: number, years: number, freq = 2): number {
  const n = periods(years, freq);
  const v = 1 / discountBase(yld, freq);
  const c = (100 * coupon) / freq;
  // Closed-form annuity (n where y = 0 makes it 0/0). 1 − vⁿ through expm1/log1p:
  // written as 1 − Math.pow(v, n) it cancels to a few digits when the yield is within bp of 0.
  const vn = Math.pow(v, n);
  const i = yld / freq;
  const annuity = i === 0 ? n : -Math.expm1(-n * Math.log1p(i)) / i;
  return c * annuity + 100 * vn;
}

/** Macaulay duration (years) over modified; returns both from one pass over the cash flows. */
function durations(yld: number, coupon: number, years: number, freq: number): { price: number; macaulay: number; convexity: number } {
  const n = periods(years, freq);
  const base = discountBase(yld, freq);
  const c = (100 * coupon) / freq;
  let price = 0;
  let timeWeighted = 0;
  let convexSum = 0;
  let df = 1;
  for (let k = 1; k <= n; k++) {
    df /= base;
    const cf = k === n ? c + 100 : c;
    price += cf * df;
    timeWeighted += k * cf * df;
    convexSum += k * (k + 1) * cf * df;
  }
  return {
    price,
    macaulay: timeWeighted / price / freq,
    convexity: convexSum / (price * freq * freq * base * base),
  };
}

/** Modified duration, the same as Excel's MDURATION(..., basis 0) on a coupon date. */
export function bondDuration(yld: number, coupon: number, years: number, freq = 2): number {
  return durations(yld, coupon, years, freq).macaulay / discountBase(yld, freq);
}

/** Convexity in years²: `(1/P)·Σ CF_k·k(k+1) / (f²·(1+y/f)^(k+2))`. */
export function bondConvexity(yld: number, coupon: number, years: number, freq = 2): number {
  return durations(yld, coupon, years, freq).convexity;
}
