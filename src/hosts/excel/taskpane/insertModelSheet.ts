/// <reference types="office-js" />
/**
 * "Insert model sheet": writes THE model sheet (src/model/modelSheet.ts, shared with the
 * Sheets menu and the demo) into a new worksheet through the Excel JavaScript API, with our
 * functions spelled `JPUST.NAME`. Only the anchors of spilled tables get formulas; Excel
 * spills the rest. Kept apart from the pane's UI so that it can be tested with
 * office-addin-mock.
 */
import { type CellStyle, type ModelSheet, NUMBER_FORMATS, modelSheet, renderFormula } from "../../../model/modelSheet";

import { EXCEL_PREFIX } from "../../../catalog/namespace";

/** Excel limits sheet names to 31 characters. */
const MAX_SHEET_NAME = 31;

/** `name`, or `name (2)`, `name (3)`, … : the first that is not taken (case-insensitive, as Excel compares). */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const base = name.slice(0, MAX_SHEET_NAME);
  if (!used.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Excel column width in points for a width in characters of the default font (Calibri 11:
 * a 7-pixel digit plus 5 pixels of padding, 96 dpi, 0.75 pt per pixel). 8.43 characters → 48 pt,
 * Excel's default column.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 0.75) * 100) / 100;
}

/** How each cell style of the model looks in Excel. */
export interface ExcelLook {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
}

export const STYLE_LOOK: Record<CellStyle, ExcelLook> = {
  title: { bold: true, size: 14 },
  note: { italic: true, fontColor: "#595959" },
  header: { bold: true, fill: "#D9E1F2" },
  label: {},
  input: { fontColor: "#0000FF", fill: "#FFF2CC" }, // the modelling convention: blue inputs on light yellow
  output: { bold: true },
  reference: { fontColor: "#1F3864" },
};

/** "E5:H18" → rows and columns of the block. */
export function rangeSize(address: string): { rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!m) throw new Error(`not an A1 range: ${address}`);
  const colNum = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c1 = colNum(m[1]);
  const c2 = m[3] ? colNum(m[3]) : c1;
  return { rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

const fill2d = <T>(rows: number, cols: number, v: T): T[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));

function applyLook(range: Excel.Range, look: ExcelLook): void {
  if (look.bold !== undefined) range.format.font.bold = look.bold;
  if (look.italic !== undefined) range.format.font.italic = look.italic;
  if (look.size !== undefined) range.format.font.size = look.size;
  if (look.fontColor !== undefined) range.format.font.color = look.fontColor;
  if (look.fill !== undefined) range.format.fill.color = look.fill;
}

/** Write the model into a new, activated worksheet; returns its name. */
export async function insertModelSheet(context: Excel.RequestContext, model: ModelSheet = modelSheet()): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(model.name, sheets.items.map((s) => s.name));
  const sheet = sheets.add(name);

  for (const cell of model.cells) {
    const range = sheet.getRange(cell.ref);
    if (cell.format) range.numberFormat = [[NUMBER_FORMATS[cell.format]]];
    if (cell.formula !== undefined) range.formulas = [[renderFormula(cell.formula, EXCEL_PREFIX)]];
    else if (cell.value !== undefined) range.values = [[cell.value]];
    if (cell.style) applyLook(range, STYLE_LOOK[cell.style]);
  }
  for (const { range, format } of model.rangeFormats) {
    const { rows, cols } = rangeSize(range);
    sheet.getRange(range).numberFormat = fill2d(rows, cols, NUMBER_FORMATS[format]);
  }
  for (const [col, chars] of Object.entries(model.columnWidths)) {
    sheet.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(chars);
  }
  sheet.activate();
  await context.sync();
  return name;
}
