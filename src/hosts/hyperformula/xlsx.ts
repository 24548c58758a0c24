/**
 * The model sheet as .xlsx files to share, written with exceljs: the same cells, formulas and
 * formats as the sheet the task pane and the Sheets menu insert, and, in every formula cell
 * and every cell a table spills into, the value HyperFormula computed, so the numbers show
 * before the add-in (or the Apps Script code) is there to recalculate them.
 *
 * How Excel stores these formulas (see docs/demo.md, "How the workbooks are stored"):
 * - A JavaScript custom function is saved by Excel as `_xldudf_<NAMESPACE>_<NAME>(…)`:
 *   `=JPUST.CHAIN(A5:B26)` is `_xldudf_JPUST_CHAIN(A5:B26)` in the sheet XML. We write that
 *   form, so Excel binds the cells to the add-in's functions when it loads. Built-in functions
 *   we use (INDEX, SUM, AVERAGE) predate Excel 2010 and need no `_xlfn.` prefix.
 * - A spilled table is stored as an array formula over exactly the block it fills
 *   (`<f t="array" ref="E5:H18">`), every cell of the block with its cached value: the form
 *   every Excel version reads. exceljs cannot write the dynamic-array metadata (`cm="1"` and
 *   xl/metadata.xml), so Excel 365 shows these as fixed-size array formulas ({=…}).
 * - The Sheets workbook uses the plain names (`CHAIN(A5:B26)`), as Apps Script registers them.
 * - exceljs cannot write charts: the model's chart is drawn only when the sheet is inserted from
 *   the task pane or the Sheets menu (docs/demo.md says so).
 */
import ExcelJS from "exceljs";
import { DetailedCellError } from "hyperformula";
import { type ModelSheet, NUMBER_FORMATS, type NumberFormatName, renderFormula } from "../../model/modelSheet";
import { CELL_LOOKS, type CellLook } from "../../model/styles";
import { CATALOG } from "../../catalog";
import { EXCEL_NAMESPACE, EXCEL_PREFIX } from "../../catalog/namespace";
import { loadModelWorkbook, parseA1, parseRange, toA1, type CellValue } from "./workbook";

export type WorkbookHost = "excel" | "sheets";


/** How a custom function's name is written inside the file, per host. */
export const STORED_PREFIX: Record<WorkbookHost, string> = {
  excel: `_xldudf_${EXCEL_NAMESPACE}_`,
  sheets: "",
};

export const WORKBOOK_FILES: Record<WorkbookHost, string> = {
  excel: "marginal-bid-model.xlsx",
  sheets: "marginal-bid-model-sheets.xlsx",
};

/** Built-in functions the model sheet may use in a file without an `_xlfn.` prefix (Excel 2007 and earlier). */
const CLASSIC_FUNCTIONS = new Set(["INDEX", "SUM", "AVERAGE", "MIN", "MAX", "IF", "ROUND", "ABS", "MATCH", "COUNT"]);

/** A formula of the model sheet as stored in the file (no leading `=`). */
export function storedFormula(formula: string, host: WorkbookHost): string {
  const text = renderFormula(formula, STORED_PREFIX[host]).replace(/^=/, "");
  const ours = new Set(CATALOG.map((f) => STORED_PREFIX[host] + f.name));
  for (const [, name] of text.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)) {
    if (!ours.has(name) && !CLASSIC_FUNCTIONS.has(name.toUpperCase())) {
      throw new Error(`model sheet formula uses ${name}: check how Excel stores it (an _xlfn. prefix?) before adding it to CLASSIC_FUNCTIONS`);
    }
  }
  return text;
}

/** A model cell style as exceljs writes it: the same look the task pane and the Sheets menu paint. */
function xlsxStyle(look: CellLook): Partial<ExcelJS.Style> {
  const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
  const font: Partial<ExcelJS.Font> = {};
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.size !== undefined) font.size = look.size;
  if (look.fontColor !== undefined) font.color = { argb: argb(look.fontColor) };
  return {
    ...(Object.keys(font).length ? { font } : {}),
    ...(look.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } } } : {}),
  };
}

type CachedValue = number | string | boolean | ExcelJS.CellErrorValue;

/** HyperFormula's value → what exceljs stores as a cached result. */
function cached(v: CellValue): CachedValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof DetailedCellError) return { error: v.value as ExcelJS.CellErrorValue["error"] };
  return v;
}

function eachCell(range: string, f: (ref: string, row: number, col: number) => void): void {
  const { start, end } = parseRange(range);
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) f(toA1(r, c), r, c);
}

export interface BuiltWorkbook {
  host: WorkbookHost;
  file: string;
  buffer: Buffer;
}

/** Build one shareable workbook. */
export async function buildModelXlsx(host: WorkbookHost): Promise<BuiltWorkbook> {
  const live = loadModelWorkbook();
  try {
    const model: ModelSheet = live.model;
    const values = live.allValues();
    const valueAt = (ref: string): CellValue => {
      const { row, col } = parseA1(ref);
      return values[row]?.[col] ?? null;
    };

    const wb = new ExcelJS.Workbook();
    wb.creator = "marginal-bid (npm run build:workbooks)";
    wb.title = "marginal-bid model";
    wb.subject = host === "excel" ? `Needs the marginal-bid Excel add-in (${EXCEL_PREFIX}* functions)` : "Needs the marginal-bid Apps Script code in the spreadsheet";
    // Fixed dates keep the build reproducible.
    wb.created = new Date(Date.UTC(2026, 4, 15));
    wb.modified = wb.created;
    const ws = wb.addWorksheet(model.name, { views: [{ state: "frozen", ySplit: 3 }] });
    for (const [letter, width] of Object.entries(model.columnWidths)) ws.getColumn(letter).width = width;

    const formatOf = (name: NumberFormatName | undefined) => (name && name !== "general" ? NUMBER_FORMATS[name] : undefined);

    // Spilled blocks: their formats first, then the cached values of every covered cell.
    const spillAt = new Map(model.spills.map((s) => [s.anchor, s]));
    for (const rf of model.rangeFormats) eachCell(rf.range, (ref) => (ws.getCell(ref).numFmt = NUMBER_FORMATS[rf.format]));
    for (const s of model.spills) {
      const { row, col } = parseA1(s.anchor);
      for (let r = 0; r < s.rows; r++) {
        for (let c = 0; c < s.cols; c++) {
          if (r === 0 && c === 0) continue;
          const cell = ws.getCell(toA1(row + r, col + c));
          const v = cached(valueAt(cell.address));
          cell.value = v === undefined ? "" : (v as ExcelJS.CellValue);
        }
      }
    }

    for (const c of model.cells) {
      const cell = ws.getCell(c.ref);
      if (c.style) cell.style = { ...cell.style, ...xlsxStyle(CELL_LOOKS[c.style]), numFmt: cell.numFmt };
      const fmt = formatOf(c.format);
      if (fmt) cell.numFmt = fmt;
      if (c.formula !== undefined) {
        const formula = storedFormula(c.formula, host);
        const result = cached(valueAt(c.ref));
        const spill = spillAt.get(c.ref);
        if (spill) {
          const ref = `${c.ref}:${toA1(parseA1(c.ref).row + spill.rows - 1, parseA1(c.ref).col + spill.cols - 1)}`;
          cell.value = { formula, result, shareType: "array", ref } as ExcelJS.CellFormulaValue;
        } else cell.value = { formula, result } as ExcelJS.CellFormulaValue;
      } else if (c.value !== undefined) cell.value = c.value;
    }

    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return { host, file: WORKBOOK_FILES[host], buffer };
  } finally {
    live.destroy();
  }
}
