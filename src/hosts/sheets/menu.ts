/**
 * The Sheets menu: "marginal-bid → Insert model sheet" writes THE model sheet
 * (src/model/modelSheet.ts, the one the Excel task pane also inserts) with the Sheets
 * spelling of our functions, "Insert model sheet with live data" the same with its live input
 * block, "Set FRED API key" stores the key (./fredKey.ts), and "Function reference" opens the sidebar.
 *
 * Scopes: writing the open spreadsheet needs spreadsheets.currentonly, the menu and the
 * sidebar script.container.ui; onOpen itself runs as a simple trigger without authorization.
 */
import { type ModelChart, type ModelSheet, NUMBER_FORMATS, type NumberFormatName, modelSheet, renderFormula } from "../../model/modelSheet";
import { CELL_LOOKS, type CellLook } from "../../model/styles";
import { columnNumber, parseA1, withRowsAbove } from "../../model/a1";
import { type GasRange, type GasServices, type GasSheet, type GasSpreadsheet, apps } from "./gas";
import { referenceHtml } from "./sidebar";
import { MENU_ITEMS, MENU_TITLE } from "./menuItems";

/** Sheets has no `{{NAME}}` namespace: `=CHAIN(A5:B26)`, never `=JPUST.CHAIN(...)`. */
export const SHEETS_PREFIX = "";

/** Column width in pixels for a width in characters (Arial 10 in Sheets: about 7 px a character plus padding). */
export const columnPixels = (chars: number) => Math.round(chars * 7 + 5);

/** Sheets' default column width and row height, in pixels. */
const SHEETS_COLUMN_PX = 100;
const SHEETS_ROW_PX = 21;

/** Paint a model cell style with the Sheets range setters. */
export function applyLook(r: GasRange, look: CellLook): void {
  if (look.bold !== undefined) r.setFontWeight(look.bold ? "bold" : "normal");
  if (look.italic !== undefined) r.setFontStyle(look.italic ? "italic" : "normal");
  if (look.size !== undefined) r.setFontSize(look.size);
  if (look.fontColor !== undefined) r.setFontColor(look.fontColor);
  if (look.fill !== undefined) r.setBackground(look.fill);
}

/**
 * A model chart as a Sheets embedded chart: a line chart whose domain is the x cells and whose
 * series are the others (a combo chart when a series is drawn as columns), each range taken with
 * the header cell above it, each series named in the legend as the model names it. Rows left
 * empty below a table are not drawn. The ranges are cells of the sheet (a spilled range among
 * them), so the chart moves with them. `columnPx` gives each column's width, to size the chart
 * over the cells the model gives it.
 */
export function insertChart(sheet: GasSheet, spec: ModelChart, columnPx: (col: number) => number): void {
  const combo = spec.series.some((s) => s.columns);
  let builder = (combo ? sheet.newChart().asComboChart().setOption("seriesType", "line") : sheet.newChart().asLineChart()).addRange(
    sheet.getRange(withRowsAbove(spec.x, 1)),
  );
  for (const s of spec.series) builder = builder.addRange(sheet.getRange(withRowsAbove(s.values, 1)));
  const from = parseA1(spec.from);
  const to = parseA1(spec.to);
  let width = 0;
  for (let c = from.col; c <= to.col; c++) width += columnPx(c + 1);
  const series: Record<number, unknown> = {};
  spec.series.forEach((s, k) => {
    series[k] = { labelInLegend: s.name, ...(s.dashed ? { lineDashStyle: [6, 4], lineWidth: 1 } : {}), ...(s.columns ? { type: "bars" } : {}) };
  });
  const chart = builder
    .setNumHeaders(1)
    .setOption("title", spec.title)
    .setOption("hAxis.title", spec.xTitle)
    .setOption("vAxis.title", spec.yTitle)
    .setOption("vAxis.format", NUMBER_FORMATS[spec.yFormat])
    .setOption("legend.position", "bottom")
    .setOption("series", series)
    .setOption("width", width)
    .setOption("height", (to.row - from.row + 1) * SHEETS_ROW_PX)
    .setPosition(from.row + 1, from.col + 1, 0, 0)
    .build();
  sheet.insertChart(chart);
}

/** A Sheets number format, or null for General (a new sheet's cells already are). */
export function sheetsFormat(name: NumberFormatName): string | null {
  return name === "general" ? null : NUMBER_FORMATS[name];
}

/** `marginal-bid model`, or `marginal-bid model (2)`, … when that name is taken. */
export function freeSheetName(ss: GasSpreadsheet, base: string): string {
  if (!ss.getSheetByName(base)) return base;
  for (let k = 2; ; k++) {
    const name = `${base} (${k})`;
    if (!ss.getSheetByName(name)) return name;
  }
}

/** Write a model sheet into an (empty) sheet. */
export function writeModel(sheet: GasSheet, model: ModelSheet): void {
  const formulas: [string, string][] = [];
  for (const cell of model.cells) {
    const range = sheet.getRange(cell.ref);
    if (cell.value !== undefined) range.setValue(cell.value);
    if (cell.formula !== undefined) formulas.push([cell.ref, renderFormula(cell.formula, SHEETS_PREFIX)]);
    if (cell.style) applyLook(range, CELL_LOOKS[cell.style]);
    const format = cell.format && sheetsFormat(cell.format);
    if (format) range.setNumberFormat(format);
  }
  for (const { range, format } of model.rangeFormats) {
    const f = sheetsFormat(format);
    if (f) sheet.getRange(range).setNumberFormat(f);
  }
  const widths = new Map<number, number>();
  for (const [col, chars] of Object.entries(model.columnWidths)) widths.set(columnNumber(col), columnPixels(chars));
  for (const [col, px] of widths) sheet.setColumnWidth(col, px);
  // Formulas last, so that their spilled results land in cells that are already formatted.
  for (const [ref, formula] of formulas) sheet.getRange(ref).setFormula(formula);
  for (const chart of model.charts) insertChart(sheet, chart, (col) => widths.get(col) ?? SHEETS_COLUMN_PX);
}

/** Menu item: the model as a new, active sheet. */
export function insertModelSheet(services: GasServices = apps()): string {
  return insertModel(services, modelSheet());
}

/** Menu item: the model with its live input block (FRED, MoF, TIC) and the CHECKPOINTS panel. */
export function insertLiveModelSheet(services: GasServices = apps()): string {
  return insertModel(services, modelSheet({ live: true }));
}

function insertModel(services: GasServices, model: ModelSheet): string {
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet(freeSheetName(ss, model.name));
  writeModel(sheet, model);
  sheet.activate();
  return sheet.getName();
}

/** Menu item: the function reference in a sidebar. */
export function showFunctionReference(services: GasServices = apps()): void {
  const html = services.HtmlService.createHtmlOutput(referenceHtml()).setTitle(`${MENU_TITLE} functions`);
  services.SpreadsheetApp.getUi().showSidebar(html);
}

/** Simple trigger: add the menu. */
export function onOpen(_e?: unknown, services: GasServices = apps()): void {
  const menu = services.SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const [fn, caption] of MENU_ITEMS) menu.addItem(caption, fn);
  menu.addToUi();
}
