/**
 * An implementation of POLICY_PATH's pricing written apart from src/core/policy, for round trips:
 * days counted with Date arithmetic on UTC midnights, and the growth of a quote as the exact
 * product Πₖ (1 + rₖ/yd)^dₖ in BigInt rationals (rates on a grid of 1e-8, i.e. 0.0001bp), so the
 * only rounding is the final quote rate's, to the nearest double. A double product would round
 * 1 + r/yd to ~11 significant digits of r/yd, which is all the precision a 1e-12 round trip has.
 */

const DAY_MS = 86_400_000;

/** The ISO day `days` calendar days after `iso` (UTC midnights: no time zone can move it). */
export function isoPlus(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A piecewise-constant path: r₀ before the first decision, then one rate per meeting. */
export interface PathCase {
  valuation: string;
  yearDays: 360 | 365;
  lag: number;
  /** Meeting days after the valuation date, strictly increasing, each ≥ 1. */
  meetingOffsets: number[];
  /** r₀, r₁ … r_K in units of 1e-8 (100_000_000 = 100%): integers, so the product is exact. */
  rateUnits: number[];
}

export const RATE_UNIT = 1e-8;
const UNITS_PER_ONE = 100_000_000n;

/** The rates as decimals, r₀ first. */
export const ratesOf = (c: PathCase): number[] => c.rateUnits.map((n) => n / 1e8); // n/1e8: the double nearest the decimal

/** Days from the valuation date to each decision's effective day eₖ = meeting + lag. */
export const effectiveOffsets = (c: PathCase): number[] => c.meetingOffsets.map((m) => m + c.lag);

/** n/d → the nearest double (correct to within one unit in the last place). */
function ratioToNumber(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const shift = b.toString(2).length - a.toString(2).length + 70; // a 70-bit quotient
  const q = shift >= 0 ? (a << BigInt(shift)) / b : a / (b << BigInt(-shift));
  const x = Number(q) * Math.pow(2, -shift);
  return negative ? -x : x;
}

/**
 * The simple rate R of a quote from the valuation date to `endOffset` days later that the path
 * prices: 1 + R·t/yd = Πₖ (1 + rₖ/yd)^dₖ, dₖ the days of segment k inside [v, v + t).
 */
export function quoteRate(c: PathCase, endOffset: number): number {
  const starts = [0, ...effectiveOffsets(c)];
  const yd = BigInt(c.yearDays);
  const base = UNITS_PER_ONE * yd; // 1 + r/yd = (base + n)/base with r = n·1e-8
  let growth = 1n;
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k];
    const to = Math.min(endOffset, k + 1 < starts.length ? starts[k + 1] : Infinity);
    if (to > from) growth *= (base + BigInt(c.rateUnits[k])) ** BigInt(to - from);
  }
  const scale = base ** BigInt(endOffset);
  // R = (G − 1)·yd/t with G = growth/scale.
  return ratioToNumber((growth - scale) * yd, scale * BigInt(endOffset));
}

/** A strip of quotes from day offsets: end dates as ISO text with their rates. */
export function quotesFor(c: PathCase, endOffsets: number[]): { ends: string[]; rates: number[] } {
  return { ends: endOffsets.map((t) => isoPlus(c.valuation, t)), rates: endOffsets.map((t) => quoteRate(c, t)) };
}

/** The meeting dates as ISO text. */
export const meetingDates = (c: PathCase): string[] => c.meetingOffsets.map((m) => isoPlus(c.valuation, m));
