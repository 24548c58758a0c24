/**
 * A block of data columns as an argument shape (`data`): REGRESS's y and x, the history table
 * that CALIBRATE_CHAIN reads, the calibration table of CHAIN_FAN. Every cell is read once, here:
 * a number (text that reads as one, as everywhere; a date as its spreadsheet serial, as Excel
 * stores it), `""` for a blank, or the `#VALUE!` that names its row and column in the range (from
 * 1, a header row included). The first row's text is kept too, so that the function can take it
 * as a header of names.
 */
import type { SheetError } from "../core/errors";
import { isoToSerial, isDateValue, readDay } from "./dates";
import { BLANK, coerceCell, isBlank, parseNumberText } from "./coerce";
import { toGrid } from "./grid";
import type { ParamSpec } from "./kinds";

export interface DataBlock {
  rows: number;
  cols: number;
  /** Row by row: a number, `""` for a blank cell, or the located error of a cell that is neither. */
  cells: (number | "" | SheetError)[][];
  /** The first row's cells that are non-empty text not reading as a number (a header's names), else null. */
  header: (string | null)[];
  /** A cell's text, trimmed, when it holds text (a name column, such as a calibration's parameters). */
  text(r: number, c: number): string | undefined;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Read a block of data columns. */
export function readDataBlock(raw: unknown, p: ParamSpec): DataBlock {
  const g = toGrid(raw, p.name);
  const asNumber: ParamSpec = { name: p.name, kind: "factor", help: "" };
  const cells: (number | "" | SheetError)[][] = new Array(g.rows);
  for (let r = 0; r < g.rows; r++) {
    const row: (number | "" | SheetError)[] = new Array(g.cols);
    for (let c = 0; c < g.cols; c++) {
      let v = g.cells[r][c];
      if (typeof v === "number" && Number.isFinite(v)) {
        row[c] = v;
        continue;
      }
      if (isBlank(v)) {
        row[c] = "";
        continue;
      }
      // A date (a Sheets date cell, or ISO text from a spilled history) is its serial, as Excel holds it.
      if (isDateValue(v) || (typeof v === "string" && ISO_DAY.test(v.trim()))) {
        const day = readDay(v, p.name);
        if (typeof day === "string") v = isoToSerial(day);
      }
      const x = coerceCell(v, asNumber, ` (row ${r + 1}, column ${c + 1})`);
      row[c] = x === BLANK ? "" : (x as number | SheetError);
    }
    cells[r] = row;
  }
  const header = (g.cells[0] ?? []).map((v) => (typeof v === "string" && v.trim() !== "" && parseNumberText(v) === undefined && !ISO_DAY.test(v.trim()) ? v.trim() : null));
  const text = (r: number, c: number) => {
    const v = g.cells[r]?.[c];
    return typeof v === "string" ? v.trim() : undefined;
  };
  return { rows: g.rows, cols: g.cols, cells, header, text };
}
