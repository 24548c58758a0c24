import { invalid } from "../errors";

/** The note's decomposition (§2.3): long yield = average expected short rate + term premium. */
export function termPremium(longYield: number, expectedShortRates: readonly number[]): number {
  if (expectedShortRates.length === 0) invalid("expected_short_rates is empty: give the expected short-rate path");
  let sum = 0;
  for (const r of expectedShortRates) sum += r;
  return longYield - sum / expectedShortRates.length;
}
