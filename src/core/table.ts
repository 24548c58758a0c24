import { SheetError } from "./errors";

/** One cell of a result: a number, a label (`""` is a blank cell) or a cell error. */
export type Cell = number | string | SheetError;

/** A spilled result, rows of cells. */
export type Table = Cell[][];

/**
 * Round to the 15 significant digits a spreadsheet shows, so that a table built from
 * the note's round numbers reads 0.003, not 0.0029999999999999957.
 */
export function round15(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(15));
}

/** `after − before` with cancellation noise snapped to 0 (as Excel does for a difference of near-equal values). */
export function change(after: number, before: number): number {
  const d = after - before;
  if (!Number.isFinite(d)) return d; // an overflowed leg must not read as "no change"
  return Math.abs(d) <= 1e-13 * Math.max(Math.abs(after), Math.abs(before)) ? 0 : round15(d);
}

/** One row of a before/after table. */
export function movedRow(label: string, before: number, after: number): [string, number, number, number] {
  return [label, round15(before), round15(after), change(after, before)];
}

/**
 * The widest row of a table. A loop on purpose: `Math.max(...rows)` passes one argument per
 * row and overflows the call stack on a whole column (1,048,576 rows in Excel).
 */
export function tableWidth(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (let r = 0; r < rows.length; r++) if (rows[r].length > width) width = rows[r].length;
  return width;
}

/**
 * A table as the rectangle a host spills: every SheetError cell through the host's `error`,
 * short rows padded with blanks. A row that needs neither is passed on as it is; one that does
 * is copied, never edited (a live result may be shared with a cache).
 */
export function hostRectangle<E>(rows: readonly (readonly Cell[])[], error: (e: SheetError) => E): (number | string | E)[][] {
  const width = tableWidth(rows);
  const out: (number | string | E)[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let copy: (Cell | E)[] | null = row.length < width ? row.slice() : null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof SheetError) (copy ??= row.slice())[c] = error(v);
    }
    if (copy !== null) for (let c = row.length; c < width; c++) copy[c] = "";
    // Every SheetError is replaced above: what is left is numbers, labels and the host's errors.
    out[r] = (copy ?? row) as (number | string | E)[];
  }
  return out;
}
