import { hedgeCost } from "./hedgeCost";

/**
 * Expected JPY-based return of a UST for a Japanese investor (§3.1, §3.2):
 * the hedged part earns the yield less the hedge cost, the unhedged part earns the
 * yield plus the expected change of USD/JPY (negative when the yen strengthens).
 */
export function hedgedUst(ustYield: number, usShort: number, jpShort: number, basis = 0, hedgeRatio = 1, fxChange = 0): number {
  return ustYield - hedgeRatio * hedgeCost(usShort, jpShort, basis) + (1 - hedgeRatio) * fxChange;
}

/** `jgb_yield − HEDGED_UST(...)`: positive means the JGB wins (§3.1). */
export function jgbAdvantage(
  jgbYield: number,
  ustYield: number,
  usShort: number,
  jpShort: number,
  basis = 0,
  hedgeRatio = 1,
  fxChange = 0,
): number {
  return jgbYield - hedgedUst(ustYield, usShort, jpShort, basis, hedgeRatio, fxChange);
}

/** The `fx_change` at which the partly hedged UST earns exactly the JGB yield (the table keeps hedge_ratio below 1). */
export function fxBreakeven(ustYield: number, jgbYield: number, hedgeRatio = 0, hedgeCostRate = 0): number {
  return (jgbYield - ustYield + hedgeRatio * hedgeCostRate) / (1 - hedgeRatio);
}
