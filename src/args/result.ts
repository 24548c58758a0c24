/**
 * What a function gives a host, and the two translations every host makes of a spilled table:
 * its ISO day cells into the host's dates, and its cells into a rectangle with the host's errors.
 */
import { SheetError } from "../core/errors";
import type { Cell, Table } from "../core/table";
import type { Signature } from "./kinds";

/** What a function gives a host: one cell, or a block to spill. */
export type Result = Cell | Table;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A spilled result with the ISO days of the function's `dateColumns` (below the header row) as
 * the host's dates: serial numbers in Excel and HyperFormula, `Date`s in Sheets. In place: a table
 * comes new from every call.
 */
export function withHostDates<D>(spec: Pick<Signature, "dateColumns">, r: Result, toDate: (iso: string) => D): Result | (Cell | D)[][] {
  const cols = spec.dateColumns;
  if (!cols || cols.length === 0 || !Array.isArray(r)) return r;
  const out = r as (Cell | D)[][];
  for (let i = 1; i < out.length; i++) {
    const row = out[i];
    for (const j of cols) {
      const c = row[j];
      if (typeof c === "string" && ISO_DAY.test(c)) row[j] = toDate(c);
    }
  }
  return out;
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
export function hostRectangle<E, D = never>(rows: readonly (readonly (Cell | NoInfer<D>)[])[], error: (e: SheetError) => E): (number | string | D | E)[][] {
  const width = tableWidth(rows);
  const out: (number | string | D | E)[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let copy: (Cell | D | E)[] | null = row.length < width ? row.slice() : null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof SheetError) (copy ??= row.slice())[c] = error(v);
    }
    if (copy !== null) for (let c = row.length; c < width; c++) copy[c] = "";
    // Every SheetError is replaced above: what is left is numbers, labels and the host's errors.
    out[r] = (copy ?? row) as (number | string | D | E)[];
  }
  return out;
}
