import { SheetError } from "../errors";
import type { Cell, Table } from "../table";
import { CHAIN_STEPS, type ChainInputs, chainOrError, outcome } from "./chain";

/** One column of CHAIN_COMPARE: its name as shown, and its inputs (or the error reading them caused). */
export interface NamedScenario {
  name: Cell;
  inputs: Partial<ChainInputs> | SheetError;
}

/**
 * Named scenarios side by side: for each, where every CHAIN step ends (its after value, or its
 * change for a change-only step). A scenario whose inputs fail has that error in each of its
 * cells; a step that fails in one scenario spoils only that cell.
 */
export function chainCompare(scenarios: readonly NamedScenario[]): Table {
  const tables = scenarios.map((s) => (s.inputs instanceof SheetError ? s.inputs : chainOrError(s.inputs)));
  const out: Table = [["step", ...scenarios.map((s) => s.name)]];
  for (const s of CHAIN_STEPS) {
    const row: Cell[] = [s];
    for (const t of tables) row.push(t instanceof SheetError ? t : outcome(t, s));
    out.push(row);
  }
  return out;
}
