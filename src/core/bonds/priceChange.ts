/** Duration–convexity approximation of a bond's fractional price change: `−D·Δy + ½·C·Δy²`. */
export function priceChange(yieldChange: number, modDuration: number, convexity = 0): number {
  return -modDuration * yieldChange + 0.5 * convexity * yieldChange * yieldChange;
}
