/**
 * The Sheets menu: "marginal-bid → Insert model sheet" writes THE model sheet
 * (src/model/modelSheet.ts, the one the Excel task pane also inserts) with the Sheets
 * spelling of our functions, "Insert model sheet with live data" the same with its live input
 * block, "Set FRED API key" stores the key (./fredKey.ts), and "Function reference" opens the sidebar.
 *
 * Scopes: writing the open spreadsheet needs spreadsheets.currentonly, the menu and the
 * sidebar script.container.ui; onOpen itself runs as a simple trigger without authorization.
 */
import { type CellStyle, type ModelSheet, NUMBER_FORMATS, type NumberFormatName, modelSheet, renderFormula } from "../../model/modelSheet";
import { type GasRange, type GasServices, type GasSheet, type GasSpreadsheet, apps } from "./gas";
import { referenceHtml } from "./sidebar";
import { MENU_ITEMS, MENU_TITLE } from "./menuItems";

/** Sheets has no `{{NAME}}` namespace: `=CHAIN(A5:B23)`, never `=JPUST.CHAIN(...)`. */
export const SHEETS_PREFIX = "";

/** Column width in pixels for a width in characters (Arial 10 in Sheets: about 7 px a character plus padding). */
export const columnPixels = (chars: number) => Math.round(chars * 7 + 5);

/** How each model style looks in Sheets. */
export const STYLE_CALLS: Record<CellStyle, (r: GasRange) => void> = {
  title: (r) => r.setFontWeight("bold").setFontSize(14),
  note: (r) => r.setFontStyle("italic").setFontColor("#5f6368"),
  header: (r) => r.setFontWeight("bold").setBackground("#d9e2f3"),
  label: () => undefined,
  input: (r) => r.setBackground("#fff2cc").setFontColor("#1a56db"),
  output: (r) => r.setFontWeight("bold"),
  reference: (r) => r.setFontFamily("Roboto Mono"),
};

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
    if (cell.style) STYLE_CALLS[cell.style](range);
    const format = cell.format && sheetsFormat(cell.format);
    if (format) range.setNumberFormat(format);
  }
  for (const { range, format } of model.rangeFormats) {
    const f = sheetsFormat(format);
    if (f) sheet.getRange(range).setNumberFormat(f);
  }
  for (const [col, chars] of Object.entries(model.columnWidths)) {
    sheet.setColumnWidth(col.charCodeAt(0) - 64, columnPixels(chars));
  }
  // Formulas last, so that their spilled results land in cells that are already formatted.
  for (const [ref, formula] of formulas) sheet.getRange(ref).setFormula(formula);
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
