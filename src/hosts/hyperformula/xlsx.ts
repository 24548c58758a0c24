/**
 * The model sheet as .xlsx files to share, written with exceljs: the same cells, formulas and
 * formats as the sheet the task pane and the Sheets menu insert, and, in every formula cell
 * and every cell a table spills into, the value HyperFormula computed, so the numbers show
 * before the add-in (or the Apps Script code) is there to recalculate them. And the snapshot
 * workbook: the same sheet as values only, with its as-of stamp (src/model/snapshot.ts).
 *
 * How Excel stores these formulas (see docs/demo.md, "How the workbooks are stored"):
 * - A JavaScript custom function is saved by Excel as `_xldudf_<NAMESPACE>_<NAME>(…)`:
 *   `=JPUST.CHAIN(A5:B26)` is `_xldudf_JPUST_CHAIN(A5:B26)` in the sheet XML. We write that
 *   form, so Excel binds the cells to the add-in's functions when it loads. Built-in functions
 *   newer than Excel 2007 get the `_xlfn.` prefixes Excel writes (FUTURE_FUNCTIONS).
 * - A spilled table is a dynamic array (./dynamicArrays.ts): an array formula over exactly
 *   the block it fills (`<f t="array" ref="E5:H20">`) whose anchor carries the dynamic-array
 *   cell metadata (`cm="1"`, xl/metadata.xml), every cell of the block with its cached value.
 * - The Sheets workbook uses the plain names (`CHAIN(A5:B26)`), as Apps Script registers them.
 * - exceljs cannot write charts: the model's chart is drawn only when the sheet is inserted from
 *   the task pane or the Sheets menu (docs/demo.md says so).
 */
import ExcelJS from "exceljs";
import { DetailedCellError } from "hyperformula";
import { type ModelSheet, NUMBER_FORMATS, type NumberFormatName, renderFormula } from "../../model/modelSheet";
import { CELL_LOOKS, type CellLook } from "../../model/styles";
import { CATALOG } from "../../catalog";
import { EXCEL_NAMESPACE, EXCEL_PREFIX } from "../excel/namespace";
import { SNAPSHOT_ROWS_ABOVE, snapshotSheetName, snapshotStamp } from "../../model/snapshot";
import { loadModelWorkbook, parseA1, parseRange, toA1, type CellValue, type ModelWorkbook } from "./workbook";
import { withDynamicArrays } from "./dynamicArrays";

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

/** The values-only copy of the model, for anyone without the add-in or the script. */
export const SNAPSHOT_FILE = "marginal-bid-snapshot.xlsx";

/** Built-in functions the model sheet may use that Excel 2007 already had: stored as they are. */
const CLASSIC_FUNCTIONS = new Set(["INDEX", "SUM", "AVERAGE", "MIN", "MAX", "IF", "IFERROR", "ROUND", "ABS", "MATCH", "COUNT", "ROWS", "COLUMNS"]);

/**
 * Built-in functions added after Excel 2007, with the prefix Excel writes before them in the
 * file (the formula bar shows them without). Older readers see the prefix and keep the cached value.
 */
export const FUTURE_FUNCTIONS: Readonly<Record<string, string>> = {
  IFNA: "_xlfn.",
  IFS: "_xlfn.",
  SWITCH: "_xlfn.",
  MAXIFS: "_xlfn.",
  MINIFS: "_xlfn.",
  CONCAT: "_xlfn.",
  TEXTJOIN: "_xlfn.",
  XLOOKUP: "_xlfn.",
  XMATCH: "_xlfn.",
  SEQUENCE: "_xlfn.",
  UNIQUE: "_xlfn.",
  SORTBY: "_xlfn.",
  FILTER: "_xlfn._xlws.",
  SORT: "_xlfn._xlws.",
};

/** Apply `f` to the parts of a formula outside its string literals. */
const outsideStrings = (formula: string, f: (code: string) => string) =>
  formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : f(part)))
    .join("");

/** A formula of the model sheet as stored in the file (no leading `=`). */
export function storedFormula(formula: string, host: WorkbookHost): string {
  const ours = new Set(CATALOG.map((f) => f.name));
  return outsideStrings(renderFormula(formula, "").replace(/^=/, ""), (code) =>
    code
      // A spill reference `E5#` is stored as `_xlfn.ANCHORARRAY(E5)`.
      .replace(/(\$?[A-Z]{1,3}\$?\d+)#/g, "_xlfn.ANCHORARRAY($1)")
      .replace(/([A-Za-z_][A-Za-z0-9_.]*)\(/g, (m, name: string) => {
        if (ours.has(name)) return `${STORED_PREFIX[host]}${name}(`;
        const upper = name.toUpperCase();
        if (FUTURE_FUNCTIONS[upper] !== undefined) return `${FUTURE_FUNCTIONS[upper]}${upper}(`;
        if (CLASSIC_FUNCTIONS.has(upper) || name.startsWith("_xlfn.")) return m;
        throw new Error(`model sheet formula uses ${name}: check how Excel stores it (an _xlfn. prefix?) and add it to CLASSIC_FUNCTIONS or FUTURE_FUNCTIONS`);
      }),
  );
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

/** The model sheet with its formulas and cached values, in a new exceljs workbook. */
function modelWorkbook(live: ModelWorkbook, host: WorkbookHost): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
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
  return { wb, ws };
}

/** The part exceljs writes a worksheet to. */
const worksheetPart = (ws: ExcelJS.Worksheet) => `xl/worksheets/sheet${ws.id}.xml`;

/** Build one shareable workbook. */
export async function buildModelXlsx(host: WorkbookHost): Promise<BuiltWorkbook> {
  const live = loadModelWorkbook();
  try {
    const { wb, ws } = modelWorkbook(live, host);
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    const buffer = await withDynamicArrays(written, { [worksheetPart(ws)]: live.model.spills.map((s) => s.anchor) });
    return { host, file: WORKBOOK_FILES[host], buffer };
  } finally {
    live.destroy();
  }
}

/** The look of the as-of stamp: it must not pass for part of the model. */
const STAMP_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, color: { argb: "FF9C0006" } } };

/**
 * "Copy model as values" on an exceljs worksheet: every cell of `source` with its value (the
 * cached result where it holds a formula) and its style, SNAPSHOT_ROWS_ABOVE rows lower, the
 * column widths and the frozen rows, under the stamp. Knows nothing of the model's layout.
 */
export function copyAsValues(source: ExcelJS.Worksheet, target: ExcelJS.Worksheet, stamp: string): void {
  source.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const to = target.getCell(r + SNAPSHOT_ROWS_ABOVE, c);
      const v = cell.value;
      to.value = v !== null && typeof v === "object" && "formula" in v ? ((v.result ?? null) as ExcelJS.CellValue) : v;
      to.style = structuredClone(cell.style);
    });
  });
  source.columns.forEach((column, i) => {
    if (column.width !== undefined) target.getColumn(i + 1).width = column.width;
  });
  const frozen = source.views.find((v) => v.state === "frozen") as ExcelJS.WorksheetViewFrozen | undefined;
  target.views = [{ state: "frozen", ySplit: (frozen?.ySplit ?? 0) + SNAPSHOT_ROWS_ABOVE }];
  const cell = target.getCell(1, 1);
  cell.value = stamp;
  cell.style = structuredClone(STAMP_STYLE);
}

/** The snapshot workbook: the model sheet as values, with the stamp, and no formula anywhere. */
export async function buildSnapshotXlsx(version: string, at: Date): Promise<{ file: string; buffer: Buffer }> {
  const live = loadModelWorkbook();
  try {
    const { ws: source } = modelWorkbook(live, "excel");
    const wb = new ExcelJS.Workbook();
    wb.creator = "marginal-bid (npm run build:workbooks)";
    wb.title = "marginal-bid model, values";
    wb.subject = "A frozen copy of the marginal-bid model: values only, opens anywhere";
    wb.created = at;
    wb.modified = at;
    copyAsValues(source, wb.addWorksheet(snapshotSheetName(source.name)), snapshotStamp(source.name, version, at));
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    return { file: SNAPSHOT_FILE, buffer: await withDynamicArrays(written, {}) };
  } finally {
    live.destroy();
  }
}
