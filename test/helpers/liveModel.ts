/**
 * The model sheet as a host holds it once calculated, for the "Copy model as values" tests of
 * both hosts: HyperFormula's value of every cell, the formulas (with the host's prefix) and the
 * number formats, as a grid keyed by zero-based row and column.
 */
import { loadModelWorkbook, parseA1 } from "../../src/hosts/hyperformula/workbook";
import { NUMBER_FORMATS, renderFormula } from "../../src/model/modelSheet";

export interface GridCell {
  value: unknown;
  formula?: string;
  format: string;
}

/** Cells by `"row,col"` (zero-based). */
export type Grid = Map<string, GridCell>;

export const key = (row: number, col: number) => `${row},${col}`;
export const unkey = (k: string) => k.split(",").map(Number) as [number, number];

export function liveModelGrid(prefix: string): { name: string; grid: Grid } {
  const live = loadModelWorkbook();
  try {
    const grid: Grid = new Map();
    live.allValues().forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) grid.set(key(r, c), { value: typeof v === "object" ? v.value : v, format: "General" });
      }),
    );
    for (const cell of live.model.cells) {
      const { row, col } = parseA1(cell.ref);
      const target = grid.get(key(row, col)) ?? { value: "", format: "General" };
      if (cell.formula !== undefined) target.formula = renderFormula(cell.formula, prefix);
      if (cell.format) target.format = NUMBER_FORMATS[cell.format];
      grid.set(key(row, col), target);
    }
    return { name: live.model.name, grid };
  } finally {
    live.destroy();
  }
}
