/**
 * The task pane's "Insert model sheet" against office-addin-mock: a mock workbook records every
 * value, formula, number format, style and column width that insertModelSheet writes through
 * the Excel JavaScript API. The expected content is THE model sheet (src/model/modelSheet.ts,
 * shared with the Sheets menu and the demo) rendered with the Excel namespace.
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../../src/catalog";
import { CHAIN_INPUT_PARAMS } from "../../../src/catalog/scenarios";
import { MODEL_SHEET_NAME, NUMBER_FORMATS, modelSheet } from "../../../src/model/modelSheet";
import { columnWidthPoints, insertModelSheet, rangeSize, uniqueSheetName } from "../../../src/hosts/excel/taskpane/insertModelSheet";
import { CELL_LOOKS } from "../../../src/model/styles";
import { parseRange, toA1 } from "../../../src/model/a1";
import { SENSITIVITY_STEPS } from "../../../src/core/scenarios/sensitivity";

/** What the mock range records: the properties insertModelSheet sets. */
interface RangeRecord {
  values?: unknown[][];
  formulas?: string[][];
  numberFormat?: string[][];
  format: { font: { bold?: boolean; italic?: boolean; color?: string; size?: number }; fill: { color?: string }; columnWidth?: number };
}

/** What a mock chart series records: its name, the addresses of its values and x values, its line. */
interface SeriesRecord {
  name?: string;
  values?: string;
  x?: string;
  format: { line: { lineStyle?: string } };
  markerStyle?: string;
  /** Set only on a series drawn otherwise than the chart (a combo). */
  chartType?: string;
}

/** The mock chart's properties that insertModelSheet sets. */
interface ChartProps {
  name?: string;
  title: { text?: string };
  legend: { position?: string };
  axes: { categoryAxis: { title: { text?: string }; numberFormat?: string }; valueAxis: { title: { text?: string }; numberFormat?: string } };
}

/** What a mock chart records: how it was created, its properties, its series and where it sits. */
interface ChartRecord {
  type: string;
  source: string;
  seriesBy: string;
  chart: ChartProps;
  series: SeriesRecord[];
  position?: [string, string];
}

/** A workbook with the given sheets; `added` collects the sheets insertModelSheet adds, with their ranges by address and their charts. */
function mockWorkbook(existing: string[]) {
  const added: { name: string; activated: boolean; ranges: Map<string, RangeRecord>; charts: ChartRecord[] }[] = [];
  let syncs = 0;
  const loads: string[] = [];
  const data = {
    context: {
      workbook: {
        worksheets: {
          // office-addin-mock cannot load a navigation path into an array ("items/name"): this
          // collection records the load and fills `items` at the next sync, as Excel does.
          load(props: string) {
            loads.push(props);
          },
          add(name: string) {
            const sheet = { name, activated: false, ranges: new Map<string, RangeRecord>(), charts: [] as ChartRecord[] };
            added.push(sheet);
            const addressOf = new Map<unknown, string>();
            /** A chart series as an office-addin-mock object that records the ranges it is given by address. */
            const mockSeries = (rec: SeriesRecord) =>
              new OfficeMockObject({
                format: { line: {} },
                setValues(range: unknown) {
                  rec.values = addressOf.get(range);
                },
                setXAxisValues(range: unknown) {
                  rec.x = addressOf.get(range);
                },
              });
            // Each sheet is an office-addin-mock object whose getRange hands out recording mock ranges,
            // and whose charts.add hands out a recording mock chart.
            const mock = new OfficeMockObject({
              name,
              getRange(address: string) {
                if (!sheet.ranges.has(address)) {
                  const range = new OfficeMockObject({ address, format: { font: {}, fill: {} } }) as unknown as RangeRecord;
                  sheet.ranges.set(address, range);
                  addressOf.set(range, address);
                }
                return sheet.ranges.get(address);
              },
              activate() {
                sheet.activated = true;
              },
              charts: {
                add(type: string, source: unknown, seriesBy: string) {
                  const series: { rec: SeriesRecord; mock: OfficeMockObject }[] = [];
                  const newSeries = (values?: string) => {
                    const rec: SeriesRecord = { values, format: { line: {} } };
                    series.push({ rec, mock: mockSeries(rec) });
                    return series[series.length - 1].mock;
                  };
                  newSeries(addressOf.get(source)); // Excel makes the first series from the source range
                  const chart = new OfficeMockObject({
                    title: {},
                    legend: {},
                    axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } },
                    series: {
                      getItemAt: (k: number) => series[k].mock,
                      add: () => newSeries(),
                    },
                    setPosition(from: string, to: string) {
                      record.position = [from, to];
                    },
                  });
                  const record = {
                    type,
                    source: addressOf.get(source)!,
                    seriesBy,
                    chart,
                    get series() {
                      // What the code set on each series mock, with the ranges recorded above.
                      return series.map(({ rec, mock: m }) => {
                        const o = m as unknown as SeriesRecord;
                        return { ...rec, name: o.name, markerStyle: o.markerStyle, chartType: o.chartType, format: { line: { lineStyle: o.format.line.lineStyle } } };
                      });
                    },
                  } as unknown as ChartRecord;
                  sheet.charts.push(record);
                  return chart;
                },
              },
            });
            return mock;
          },
        },
      },
      async sync(this: { workbook: { worksheets: { items?: { name: string }[] } } }) {
        syncs++;
        if (loads.includes("items/name")) this.workbook.worksheets.items = existing.map((name) => ({ name }));
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: Excel.RequestContext };
  return { context: mock.context, added, syncs: () => syncs, loads };
}

describe("Insert model sheet (task pane)", () => {
  const model = modelSheet();

  it("adds one worksheet named after the model, activates it and syncs", async () => {
    const wb = mockWorkbook(["Sheet1"]);
    const name = await insertModelSheet(wb.context);
    expect(name).toBe(MODEL_SHEET_NAME);
    expect(wb.added.map((s) => s.name)).toEqual([MODEL_SHEET_NAME]);
    expect(wb.added[0].activated).toBe(true);
    expect(wb.loads).toEqual(["items/name"]);
    expect(wb.syncs()).toBeGreaterThanOrEqual(2);
  });

  it("adds a suffix when the name is taken (compared case-insensitively, as Excel does)", async () => {
    const wb = mockWorkbook(["Sheet1", MODEL_SHEET_NAME.toUpperCase(), `${MODEL_SHEET_NAME} (2)`]);
    expect(await insertModelSheet(wb.context)).toBe(`${MODEL_SHEET_NAME} (3)`);
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });

  it("writes every value and formula of the shared model, formulas with the JPUST. namespace", async () => {
    const wb = mockWorkbook([]);
    await insertModelSheet(wb.context);
    const ranges = wb.added[0].ranges;
    for (const cell of model.cells) {
      const r = ranges.get(cell.ref);
      expect(r, `${cell.ref} was not written`).toBeDefined();
      if (cell.formula !== undefined) {
        expect(r!.formulas).toEqual([[cell.formula.replace(/\{\{([A-Z0-9_]+)\}\}/g, "JPUST.$1")]]);
        expect(r!.formulas![0][0]).not.toContain("{{");
      } else if (cell.value !== undefined) {
        expect(r!.values).toEqual([[cell.value]]);
      } else {
        // an input left blank (bid_elasticity_bn: off; the lifer's bid_cut): styled, no value
        expect(r!.values).toBeUndefined();
        expect(cell.style).toBe("input");
      }
    }
  });

  it("puts the live model's formulas where the model says: CHAIN on the input block, BOJ_HIKE, TP_IMPACT_TABLE, SCENARIO_TABLE", async () => {
    const wb = mockWorkbook([]);
    await insertModelSheet(wb.context);
    const ranges = wb.added[0].ranges;
    const formulaAt = (a1: string) => ranges.get(a1)?.formulas?.[0][0];
    expect(formulaAt(model.spills.find((s) => s.fn === "CHAIN")!.anchor)).toBe(`=JPUST.CHAIN(${model.refs.inputs})`);
    for (const fn of ["BOJ_HIKE", "TP_IMPACT_TABLE", "SCENARIO_TABLE"]) {
      expect(formulaAt(model.spills.find((s) => s.fn === fn)!.anchor)).toMatch(new RegExp(`^=JPUST\\.${fn}\\(`));
    }
    // The input block: every CHAIN input by name, its default as the value, styled as an input.
    const [first] = model.refs.inputs.split(":");
    const row0 = Number(first.slice(1));
    CHAIN_INPUT_PARAMS.forEach((p, i) => {
      expect(ranges.get(`A${row0 + i}`)!.values).toEqual([[p.name]]);
      const input = ranges.get(`B${row0 + i}`)!;
      // every input holds its default (a number), but bid_elasticity_bn, blank: off
      expect(input.values === undefined ? "blank" : typeof input.values[0][0], p.name).toBe(p.name === "bid_elasticity_bn" ? "blank" : "number");
      // the one look of the model's input cells (src/model/styles.ts), blue on light yellow
      expect(input.format.font.color).toBe(CELL_LOOKS.input.fontColor);
      expect(input.format.fill.color).toBe(CELL_LOOKS.input.fill);
      expect(CELL_LOOKS.input).toEqual({ fontColor: "#0000FF", fill: "#FFF2CC" });
    });
    // The function reference lists every catalog function.
    const written = [...ranges.values()].map((r) => r.values?.[0][0]).filter((v): v is string => typeof v === "string");
    for (const f of CATALOG) expect(written.some((v) => v.startsWith(`${f.name}(`)), f.name).toBe(true);
  });

  it("sets number formats: percent on rate inputs, and on the spilled blocks of the model", async () => {
    const wb = mockWorkbook([]);
    await insertModelSheet(wb.context);
    const ranges = wb.added[0].ranges;
    const usShortRow = Number(model.refs.inputs.split(":")[0].slice(1)) + CHAIN_INPUT_PARAMS.findIndex((p) => p.name === "us_short");
    expect(ranges.get(`B${usShortRow}`)!.numberFormat).toEqual([["0.00%"]]);
    for (const cell of model.cells.filter((c) => c.format)) {
      expect(ranges.get(cell.ref)!.numberFormat, cell.ref).toEqual([[NUMBER_FORMATS[cell.format!]]]);
    }
    for (const { range, format } of model.rangeFormats) {
      const { rows, cols } = rangeSize(range);
      const nf = ranges.get(range)!.numberFormat!;
      expect(nf.length, range).toBe(rows);
      expect(nf.every((row) => row.length === cols && row.every((f) => f === NUMBER_FORMATS[format]))).toBe(true);
    }
  });

  it("styles headers bold and titles large, and sets column widths converted from characters to points", async () => {
    const wb = mockWorkbook([]);
    await insertModelSheet(wb.context);
    const ranges = wb.added[0].ranges;
    for (const cell of model.cells.filter((c) => c.style === "header")) expect(ranges.get(cell.ref)!.format.font.bold, cell.ref).toBe(true);
    const title = model.cells.find((c) => c.style === "title")!;
    expect(ranges.get(title.ref)!.format.font.size).toBe(CELL_LOOKS.title.size);
    for (const [col, chars] of Object.entries(model.columnWidths)) {
      expect(ranges.get(`${col}:${col}`)!.format.columnWidth, col).toBe(columnWidthPoints(chars));
    }
  });

  it("inserts the model with live data when asked: JPUST.FRED, JPUST.JGB_YIELD, JPUST.TIC_HOLDINGS in the live block", async () => {
    const wb = mockWorkbook([]);
    const live = modelSheet({ live: true });
    expect(await insertModelSheet(wb.context, live)).toBe(live.name);
    const ranges = wb.added[0].ranges;
    const formulaAt = (a1: string) => ranges.get(a1)?.formulas?.[0][0];
    // docs/live.md (the model sheet with live data): us_short ← FRED DGS3MO, ust_10y ← FRED DGS10, jgb_10y ← JGB 10y, japan_holdings_bn ← TIC Japan
    expect(formulaAt(live.refs.live!.fed.us_short)).toBe('=JPUST.FRED("DGS3MO",,,$L$3)');
    expect(formulaAt(live.refs.live!.fed.ust_10y)).toBe('=JPUST.FRED("DGS10",,,$L$3)');
    expect(formulaAt(live.refs.live!.fed.jgb_10y)).toBe("=JPUST.JGB_YIELD(10,,$L$3)");
    expect(formulaAt(live.refs.live!.fed.japan_holdings_bn)).toBe('=JPUST.TIC_HOLDINGS("Japan",,$L$3)');
    expect(formulaAt(live.spills.find((s) => s.fn === "CHECKPOINTS")!.anchor)).toBe("=JPUST.CHECKPOINTS(,$L$3)");
    expect(formulaAt(model.spills.find((s) => s.fn === "CHAIN")!.anchor)).toBe(`=JPUST.CHAIN(${model.refs.inputs})`);
  });

  it("draws the native chart of the lifer's sensitivity: US 10y after against hike_bp, with the scenario thresholds", async () => {
    const wb = mockWorkbook([]);
    await insertModelSheet(wb.context);
    const charts = wb.added[0].charts;
    expect(charts.length).toBe(1);
    const [c] = charts;
    const spec = model.charts[0];
    // The sensitivity block CHAIN_SENSITIVITY spills: header row, then one row per point.
    const s = parseRange(model.refs.sensitivity);
    const colOf = (name: string) => toA1(0, s.start.col + ["hike_bp", ...SENSITIVITY_STEPS].indexOf(name)).replace(/\d+$/, "");
    const rows = `${s.start.row + 2}:${s.end.row + 1}`.split(":");
    expect(c.type).toBe("XYScatterLines");
    expect(c.seriesBy).toBe("Columns");
    // The first series is made from the spilled us_10y column, x from the spilled hike_bp column.
    expect(c.source).toBe(`${colOf("us_10y")}${rows[0]}:${colOf("us_10y")}${rows[1]}`);
    expect(c.series.map((x) => [x.name, x.values, x.x, x.format.line.lineStyle])).toEqual([
      ["US 10y after", c.source, `${colOf("hike_bp")}${rows[0]}:${colOf("hike_bp")}${rows[1]}`, undefined],
      ["scenario B from 4.5%", spec.series[1].values, spec.x, "Dash"],
      ["scenario C from 5%", spec.series[2].values, spec.x, "Dash"],
    ]);
    expect(c.series[1].markerStyle).toBe("None");
    expect(c.chart.name).toBe("lifer-hike-sensitivity");
    expect(c.chart.title.text).toBe(spec.title);
    expect(c.chart.axes.categoryAxis.title.text).toBe("hike_bp (BOJ hike, bp)");
    expect(c.chart.axes.valueAxis.title.text).toBe("US 10y after");
    expect(c.chart.axes.valueAxis.numberFormat).toBe("0.00%");
    expect(c.chart.legend.position).toBe("Bottom");
    expect(c.position).toEqual([spec.from, spec.to]);
    // The threshold series read cells that hold the note's scenario boundaries (§6.3: B from 4.5%, C from 5.0%).
    const thresholds = wb.added[0].ranges;
    const firstThreshold = spec.series[1].values.split(":")[0];
    expect(thresholds.get(firstThreshold)!.values).toEqual([[0.045]]);
    expect(thresholds.get(spec.series[2].values.split(":")[0])!.values).toEqual([[0.05]]);
  });

  it("draws the live model's history charts: the hedged UST and the JGB 10y over the months; weekly purchases as columns, the 13-week sum as a line", async () => {
    const wb = mockWorkbook([]);
    const live = modelSheet({ live: true });
    await insertModelSheet(wb.context, live);
    const charts = wb.added[0].charts;
    expect(charts.map((c) => c.chart.name)).toEqual(["lifer-hike-sensitivity", "hedged-ust-vs-jgb", "japan-weekly-bid"]);
    const [, history, flows] = charts;
    // HEDGE_HISTORY spills at T27 (HEDGE_HISTORY's columns, docs/functions.md: month T, hedged_ust Y, jgb_10y Z); 600 months reserved below its header.
    expect(wb.added[0].ranges.get("T27")!.formulas).toEqual([["=JPUST.HEDGE_HISTORY(U26,,L10,,$L$3)"]]);
    expect([history.type, history.source]).toEqual(["XYScatterLines", "Y28:Y627"]);
    expect(history.series.map((x) => [x.name, x.values, x.x, x.chartType])).toEqual([
      ["hedged UST 10y", "Y28:Y627", "T28:T627", undefined],
      ["JGB 10y", "Z28:Z627", "T28:T627", undefined],
    ]);
    expect([history.chart.axes.categoryAxis.numberFormat, history.chart.axes.valueAxis.numberFormat]).toEqual(["yyyy-mm", "0.00%"]);
    expect(history.position).toEqual(["T5", "AC24"]);
    // JAPAN_FLOWS spills at AE27 (JAPAN_FLOWS' columns, docs/functions.md: week_end AF, foreign_bonds AG, sum_13w AI), 52 weeks.
    expect(wb.added[0].ranges.get("AE27")!.formulas).toEqual([['=JPUST.JAPAN_FLOWS(52,,"foreign_bonds",$L$3)']]);
    expect([flows.type, flows.source, flows.seriesBy]).toEqual(["ColumnClustered", "AG28:AG79", "Columns"]);
    expect(flows.series.map((x) => [x.name, x.values, x.x, x.chartType])).toEqual([
      ["net purchases in the week", "AG28:AG79", "AF28:AF79", undefined],
      ["13-week sum", "AI28:AI79", "AF28:AF79", "Line"],
    ]);
    expect([flows.chart.axes.categoryAxis.title.text, flows.chart.axes.categoryAxis.numberFormat, flows.chart.axes.valueAxis.numberFormat]).toEqual([
      "week ending",
      "yyyy-mm-dd",
      "#,##0.0",
    ]);
    expect(flows.position).toEqual(["AE5", "AL24"]);
    // The sensitivity chart keeps its numeric x axis, without a date format.
    expect(charts[0].chart.axes.categoryAxis.numberFormat).toBeUndefined();
  });

  it("leaves the chart out, and writes the cells all the same, when Excel lacks the chart API", async () => {
    const wb = mockWorkbook([]);
    await insertModelSheet(wb.context, model, false);
    expect(wb.added[0].charts).toEqual([]);
    expect(wb.added[0].ranges.get(model.spills.find((x) => x.fn === "CHAIN_SENSITIVITY")!.anchor)!.formulas![0][0]).toMatch(/^=JPUST\.CHAIN_SENSITIVITY\(/);
  });

  it("converts widths as Excel does: 8.43 characters of Calibri 11 are 64 px = 48 pt (Excel's default column)", () => {
    expect(columnWidthPoints(8.43)).toBe(48);
    // 10 characters: 7·10 + 5 = 75 px = 56.25 pt.
    expect(columnWidthPoints(10)).toBe(56.25);
  });

  it("rangeSize reads A1 blocks", () => {
    expect(rangeSize("E5:H18")).toEqual({ rows: 14, cols: 4 });
    expect(rangeSize("B7")).toEqual({ rows: 1, cols: 1 });
    expect(rangeSize("AA1:AB3")).toEqual({ rows: 3, cols: 2 });
  });
});
