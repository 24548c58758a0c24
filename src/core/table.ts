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
