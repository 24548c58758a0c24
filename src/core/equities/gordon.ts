import { invalid } from "../errors";

function spread(discountRate: number, growth: number): number {
  const s = discountRate - growth;
  if (s <= 0) invalid(`discount rate must exceed growth (discount_rate = ${discountRate}, growth = ${growth})`);
  return s;
}

/** Gordon forward P/E: `payout/(r − g)`. */
export function peRatio(payout: number, discountRate: number, growth: number): number {
  return payout / spread(discountRate, growth);
}

/** Equity duration of a Gordon perpetuity, `1/(r − g)` years: why high-growth names are long-duration (§4.1). */
export function equityDuration(discountRate: number, growth: number): number {
  return 1 / spread(discountRate, growth);
}

/** Fractional P/E change when the discount rate moves by `passthrough·rate_change` (§4.1). */
export function peChange(rateChange: number, discountRate: number, growth: number, passthrough = 1): number {
  const before = spread(discountRate, growth);
  const after = discountRate + passthrough * rateChange - growth;
  if (after <= 0) invalid(`after the move the discount rate (${+(discountRate + passthrough * rateChange).toPrecision(10)}) no longer exceeds growth (${growth})`);
  return before / after - 1;
}
