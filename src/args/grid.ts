import { invalid } from "../core/errors";

/** A host argument seen as a rows×cols block; a single value is 1×1. */
export interface Grid {
  rows: number;
  cols: number;
  /** The cells, row-major: `cells[r][c]` (a bare value or a 1-D row is wrapped once). */
  cells: readonly (readonly unknown[])[];
  /** True for a single value, whether passed bare or as a 1×1 range. */
  single: boolean;
}

/** Accept a scalar, a 1-D array (one row) or a 2-D array; refuse ragged blocks. */
export function toGrid(raw: unknown, name: string): Grid {
  if (!Array.isArray(raw)) return { rows: 1, cols: 1, cells: [[raw]], single: true };
  if (raw.length === 0) invalid(`${name} is an empty range`);
  if (!Array.isArray(raw[0])) return { rows: 1, cols: raw.length, cells: [raw], single: raw.length === 1 };
  const block = raw as unknown[][];
  const cols = block[0].length;
  for (let r = 0; r < block.length; r++) {
    if (!Array.isArray(block[r]) || block[r].length !== cols) invalid(`${name} is a ragged range: row ${r + 1} has a different number of cells`);
  }
  if (cols === 0) invalid(`${name} is an empty range`);
  // Excel passes every single value as [[x]]: a 1×1 block reads (and is named in messages) as a value.
  return { rows: block.length, cols, cells: block, single: block.length === 1 && cols === 1 };
}

export const shapeText = (g: { rows: number; cols: number }) => `${g.rows}×${g.cols}`;

/** NumPy broadcasting of 2-D shapes: each dimension equal, or 1. */
export function broadcastShape(grids: readonly Grid[], names: readonly string[]): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  let rowsFrom = -1;
  let colsFrom = -1;
  grids.forEach((g, i) => {
    if (g.rows !== 1) {
      if (rows !== 1 && g.rows !== rows) invalid(`cannot broadcast ${names[rowsFrom]} (${shapeText(grids[rowsFrom])}) with ${names[i]} (${shapeText(g)})`);
      rows = g.rows;
      rowsFrom = i;
    }
    if (g.cols !== 1) {
      if (cols !== 1 && g.cols !== cols) invalid(`cannot broadcast ${names[colsFrom]} (${shapeText(grids[colsFrom])}) with ${names[i]} (${shapeText(g)})`);
      cols = g.cols;
      colsFrom = i;
    }
  });
  return { rows, cols };
}
