import { SheetError } from "../errors";
import type { Cell, Table } from "../table";
import { type ChainInput, type ChainInputs, type ChainStep, chainOrError, outcome } from "./chain";

/** The steps CHAIN_SENSITIVITY shows for each point, in its column order. */
export const SENSITIVITY_STEPS: readonly ChainStep[] = [
  "hedged_ust",
  "jgb_advantage",
  "bid_cut",
  "term_premium_change",
  "us_10y",
  "scenario",
  "pe_change_growth",
  "pe_change_value",
];

/** `points` values from `from` to `to`, evenly spaced and not rounded: `from + (to − from)·k/(points − 1)`. */
export function sweep(from: number, to: number, points: number): number[] {
  const out: number[] = new Array(points);
  for (let k = 0; k < points; k++) out[k] = from + ((to - from) * k) / (points - 1);
  return out;
}

/**
 * CHAIN on `base` with `input` set to each value: one row per point, the swept value first, then
 * where each step of SENSITIVITY_STEPS ends. `check` reads a swept value with the input's unit;
 * a value it refuses, or inputs that fail as a whole, spoil that point's row; a step that fails
 * spoils only its cell. Sweeping one way of setting the bid cut drops the other from `base`.
 */
export function chainSensitivity(
  base: Partial<ChainInputs>,
  input: ChainInput,
  values: readonly number[],
  check: (x: number) => number | SheetError = (x) => x,
): Table {
  const fixed: Partial<ChainInputs> = { ...base };
  if (input === "bid_elasticity_bn") delete fixed.bid_cut;
  if (input === "bid_cut") delete fixed.bid_elasticity_bn;
  const out: Table = [[input, ...SENSITIVITY_STEPS]];
  for (const value of values) {
    const checked = check(value);
    const t = checked instanceof SheetError ? checked : chainOrError({ ...fixed, [input]: checked });
    const row: Cell[] = [value];
    for (const s of SENSITIVITY_STEPS) row.push(t instanceof SheetError ? t : outcome(t, s));
    out.push(row);
  }
  return out;
}
