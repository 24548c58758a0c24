import { priceChange } from "../bonds/priceChange";

/** Mark-to-market change (USD bn) of a bond holding when yields move (§2.4: Japan holds ≈ 1,130). */
export function holdingsLoss(holdingsBn: number, yieldChange: number, modDuration: number, convexity = 0): number {
  return holdingsBn * priceChange(yieldChange, modDuration, convexity);
}
