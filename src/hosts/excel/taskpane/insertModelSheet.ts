/// <reference types="office-js" />
/**
 * "Insert model sheet": writes THE model sheet (src/model/modelSheet.ts, shared with the
 * Sheets menu and the demo) into a new worksheet through the Excel JavaScript API, with our
 * functions spelled `JPUST.NAME`. Only the anchors of spilled tables get formulas; Excel
 * spills the rest. Kept apart from the pane's UI so that it can be tested with
 * office-addin-mock.
 */
import { type ModelChart, type ModelSheet, NUMBER_FORMATS, modelSheet, renderFormula } from "../../../model/modelSheet";
import { CELL_LOOKS, type CellLook } from "../../../model/styles";
import { EXCEL_PREFIX } from "../namespace";
import { rangeSize } from "../../../model/a1";

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

export { rangeSize } from "../../../model/a1";

const fill2d = <T>(rows: number, cols: number, v: T): T[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));

function applyLook(range: Excel.Range, look: CellLook): void {
  if (look.bold !== undefined) range.format.font.bold = look.bold;
  if (look.italic !== undefined) range.format.font.italic = look.italic;
  if (look.size !== undefined) range.format.font.size = look.size;
  if (look.fontColor !== undefined) range.format.font.color = look.fontColor;
  if (look.fill !== undefined) range.format.fill.color = look.fill;
}

/** The Excel chart type of a series: on a value x axis every series is an XY line; on categories, columns or a line. */
function seriesType(spec: ModelChart, s: ModelChart["series"][number]): "XYScatterLines" | "ColumnClustered" | "Line" {
  if (spec.xAxis === "values") return "XYScatterLines";
  return s.columns ? "ColumnClustered" : "Line";
}

/**
 * A model chart as a native Excel chart: an XY scatter with lines on a value x axis (Excel leaves
 * out the empty rows below a table), a column or line chart on categories (a series of the other
 * kind set to its own type: a combo); the first series created with the chart from its cells, the
 * others added; every series takes the chart's x cells. The series read the cells of the sheet
 * (a spilled range among them), so the chart moves when the inputs change. Enum values are
 * written as their strings: the Excel global that holds the enums is not needed to build the chart.
 */
export function addChart(sheet: Excel.Worksheet, spec: ModelChart): Excel.Chart {
  const [first, ...others] = spec.series;
  const type = seriesType(spec, first);
  const chart = sheet.charts.add(type, sheet.getRange(first.values), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.axes.categoryAxis.title.text = spec.xTitle;
  if (spec.xFormat) chart.axes.categoryAxis.numberFormat = NUMBER_FORMATS[spec.xFormat];
  chart.axes.valueAxis.title.text = spec.yTitle;
  chart.axes.valueAxis.numberFormat = NUMBER_FORMATS[spec.yFormat];
  chart.legend.position = "Bottom";
  const styleSeries = (series: Excel.ChartSeries, s: ModelChart["series"][number]) => {
    series.name = s.name;
    series.setXAxisValues(sheet.getRange(spec.x));
    if (seriesType(spec, s) !== type) series.chartType = seriesType(spec, s);
    if (s.dashed) {
      series.format.line.lineStyle = "Dash";
      series.markerStyle = "None";
    }
  };
  styleSeries(chart.series.getItemAt(0), first);
  for (const s of others) {
    const series = chart.series.add(s.name);
    series.setValues(sheet.getRange(s.values));
    styleSeries(series, s);
  }
  chart.setPosition(spec.from, spec.to);
  return chart;
}

/** The Excel API set the model's charts need (series from ranges and a series' own type: 1.7, the axis number format: 1.8). */
export const CHART_API = { set: "ExcelApi", version: "1.8" } as const;

/**
 * Write the model into a new, activated worksheet; returns its name. `charts`: draw the model's
 * charts (the task pane passes whether this Excel supports CHART_API; without it the cells
 * are written all the same).
 */
export async function insertModelSheet(context: Excel.RequestContext, model: ModelSheet = modelSheet(), charts = true): Promise<string> {
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
    if (cell.style) applyLook(range, CELL_LOOKS[cell.style]);
  }
  for (const { range, format } of model.rangeFormats) {
    const { rows, cols } = rangeSize(range);
    sheet.getRange(range).numberFormat = fill2d(rows, cols, NUMBER_FORMATS[format]);
  }
  for (const [col, chars] of Object.entries(model.columnWidths)) {
    sheet.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(chars);
  }
  if (charts) for (const chart of model.charts) addChart(sheet, chart);
  sheet.activate();
  await context.sync();
  return name;
}
