/**
 * The few Apps Script services the Sheets menu uses, typed by hand (only the methods we
 * call, so the test fakes implement exactly this). At run time they are Apps Script's
 * globals; `apps()` reads them lazily so that the bundle does nothing when it loads.
 */
export interface GasRange {
  setValue(value: number | string): GasRange;
  setFormula(formula: string): GasRange;
  setNumberFormat(format: string): GasRange;
  setFontWeight(weight: "bold" | "normal"): GasRange;
  setFontStyle(style: "italic" | "normal"): GasRange;
  setFontSize(size: number): GasRange;
  setFontColor(color: string): GasRange;
  setFontFamily(family: string): GasRange;
  setBackground(color: string): GasRange;
}

/** Apps Script's EmbeddedChartBuilder: the calls the menu makes (each returns the builder). */
export interface GasChartBuilder {
  asLineChart(): GasChartBuilder;
  asComboChart(): GasChartBuilder;
  addRange(range: GasRange): GasChartBuilder;
  setNumHeaders(headers: number): GasChartBuilder;
  setOption(option: string, value: unknown): GasChartBuilder;
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): GasChartBuilder;
  build(): unknown;
}

export interface GasSheet {
  getRange(a1Notation: string): GasRange;
  setColumnWidth(column: number, width: number): GasSheet;
  activate(): GasSheet;
  getName(): string;
  newChart(): GasChartBuilder;
  insertChart(chart: unknown): void;
}

export interface GasSpreadsheet {
  getSheetByName(name: string): GasSheet | null;
  insertSheet(name: string): GasSheet;
}

export interface GasMenu {
  addItem(caption: string, functionName: string): GasMenu;
  addSeparator(): GasMenu;
  addToUi(): void;
}

export interface GasHtmlOutput {
  setTitle(title: string): GasHtmlOutput;
}

export interface GasUi {
  createMenu(caption: string): GasMenu;
  showSidebar(userInterface: GasHtmlOutput): void;
}

export interface GasServices {
  SpreadsheetApp: { getActiveSpreadsheet(): GasSpreadsheet; getUi(): GasUi };
  HtmlService: { createHtmlOutput(html: string): GasHtmlOutput };
}

declare const SpreadsheetApp: GasServices["SpreadsheetApp"];
declare const HtmlService: GasServices["HtmlService"];

/** Apps Script's globals, read when a menu item runs (never at load time). */
export function apps(): GasServices {
  return { SpreadsheetApp, HtmlService };
}
