/**
 * The Sheets menu, run from apps-script/build/Code.js against recording fakes of
 * SpreadsheetApp, Ui and HtmlService (the Apps Script globals the menu uses).
 */
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../../src/catalog";
import { signature } from "../../../src/catalog/describe";
import { CHAIN_INPUT_PARAMS } from "../../../src/catalog/scenarios";
import { MODEL_SHEET_NAME, NUMBER_FORMATS, modelSheet, renderFormula } from "../../../src/model/modelSheet";
import { CELL_LOOKS } from "../../../src/model/styles";
import { loadCode } from "./helpers";

interface CellRecord {
  value?: unknown;
  formula?: string;
  numberFormat?: string;
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontColor?: string;
  fontFamily?: string;
  background?: string;
}

/** What the fake chart builder records: the chart type, the ranges by A1, options and position. */
interface ChartRecord {
  type?: string;
  ranges: string[];
  numHeaders?: number;
  options: Record<string, unknown>;
  position?: [number, number, number, number];
}

/** A fake Sheet that records what is written to each A1 range, and the charts inserted. */
class FakeSheet {
  readonly cells = new Map<string, CellRecord>();
  readonly widths = new Map<number, number>();
  readonly calls: string[] = [];
  readonly charts: ChartRecord[] = [];
  active = false;
  constructor(readonly name: string) {}
  /** Apps Script's EmbeddedChartBuilder, recording each call; build() returns the record, insertChart keeps it. */
  newChart() {
    const rec: ChartRecord = { ranges: [], options: {} };
    const builder = {
      asLineChart() {
        rec.type = "LINE";
        return builder;
      },
      asComboChart() {
        rec.type = "COMBO";
        return builder;
      },
      addRange(r: { a1: string }) {
        rec.ranges.push(r.a1);
        return builder;
      },
      setNumHeaders(n: number) {
        rec.numHeaders = n;
        return builder;
      },
      setOption(k: string, v: unknown) {
        rec.options[k] = v;
        return builder;
      },
      setPosition(row: number, col: number, x: number, y: number) {
        rec.position = [row, col, x, y];
        return builder;
      },
      build: () => ({ built: rec }),
    };
    return builder;
  }
  insertChart(chart: { built: ChartRecord }) {
    this.charts.push(chart.built);
  }
  getName() {
    return this.name;
  }
  activate() {
    this.active = true;
    return this;
  }
  setColumnWidth(col: number, px: number) {
    this.widths.set(col, px);
    return this;
  }
  getRange(a1: string) {
    const rec = this.cells.get(a1) ?? {};
    this.cells.set(a1, rec);
    const calls = this.calls;
    /** A format setter: it records its value and returns the range, as Apps Script's do. */
    const record =
      <K extends keyof CellRecord>(key: K) =>
      (v: CellRecord[K]) => {
        rec[key] = v;
        return range;
      };
    const range = {
      a1,
      setValue(v: unknown) {
        calls.push(`setValue ${a1}`);
        rec.value = v;
        return range;
      },
      setFormula(f: string) {
        calls.push(`setFormula ${a1}`);
        rec.formula = f;
        return range;
      },
      setNumberFormat: record("numberFormat"),
      setFontWeight: record("fontWeight"),
      setFontStyle: record("fontStyle"),
      setFontSize: record("fontSize"),
      setFontColor: record("fontColor"),
      setFontFamily: record("fontFamily"),
      setBackground: record("background"),
    };
    return range;
  }
}

function fakeApps(existing: string[] = []) {
  const sheets: FakeSheet[] = existing.map((n) => new FakeSheet(n));
  const menus: { caption: string; items: [string, string][]; added: boolean }[] = [];
  const sidebars: { html: string; title?: string }[] = [];
  const ui = {
    createMenu(caption: string) {
      const m = { caption, items: [] as [string, string][], added: false };
      menus.push(m);
      const menu = {
        addItem(c: string, fn: string) {
          m.items.push([c, fn]);
          return menu;
        },
        addSeparator() {
          return menu;
        },
        addToUi() {
          m.added = true;
        },
      };
      return menu;
    },
    showSidebar(out: { html: string; title?: string }) {
      sidebars.push(out);
    },
  };
  const spreadsheet = {
    getSheetByName: (n: string) => sheets.find((s) => s.name === n) ?? null,
    insertSheet(n: string) {
      if (sheets.some((s) => s.name === n)) throw new Error(`A sheet with the name "${n}" already exists.`); // as Sheets does
      const s = new FakeSheet(n);
      sheets.push(s);
      return s;
    },
  };
  const globals = {
    SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet, getUi: () => ui },
    HtmlService: {
      createHtmlOutput(html: string) {
        const out = {
          html,
          title: undefined as string | undefined,
          setTitle(t: string) {
            out.title = t;
            return out;
          },
        };
        return out;
      },
    },
  };
  return { globals, sheets, menus, sidebars };
}

/** Insert the model with the built Code.js; return the new sheet. */
function insertModel(existing: string[] = []) {
  const apps = fakeApps(existing);
  const code = loadCode(apps.globals);
  code.fn("insertModelSheet")();
  return { sheet: apps.sheets[apps.sheets.length - 1], code, apps };
}

/** The 2-D array Sheets would pass for a rectangular range of the recorded sheet ("" for empty cells). */
function rangeValues(sheet: FakeSheet, range: string): unknown[][] {
  const m = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(range)!;
  const out: unknown[][] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) {
    const row: unknown[] = [];
    for (let c = m[1].charCodeAt(0); c <= m[3].charCodeAt(0); c++) row.push(sheet.cells.get(`${String.fromCharCode(c)}${r}`)?.value ?? "");
    out.push(row);
  }
  return out;
}

describe("onOpen adds the marginal-bid menu", () => {
  it("with its five items, each calling a top-level function of Code.js", () => {
    const apps = fakeApps();
    const code = loadCode(apps.globals);
    code.fn("onOpen")({ authMode: "LIMITED" });
    expect(apps.menus).toEqual([
      {
        caption: "marginal-bid",
        items: [
          ["Insert model sheet", "insertModelSheet"],
          ["Insert model sheet with live data", "insertLiveModelSheet"],
          ["Refresh live data", "refreshLiveData"],
          ["Copy model as values", "copyModelAsValues"],
          ["Set FRED API key", "setFredApiKey"],
          ["Function reference", "showFunctionReference"],
        ],
        added: true,
      },
    ]);
    for (const [, fn] of apps.menus[0].items) expect(typeof code.fn(fn)).toBe("function");
  });
});

describe("Insert model sheet", () => {
  const { sheet } = insertModel();
  const model = modelSheet();

  it("inserts a new sheet with the model's name and activates it", () => {
    expect(sheet.name).toBe(MODEL_SHEET_NAME);
    expect(sheet.active).toBe(true);
  });

  it("writes every value and formula of the shared model sheet, formulas in the Sheets spelling", () => {
    for (const c of model.cells) {
      const rec = sheet.cells.get(c.ref);
      expect(rec, c.ref).toBeDefined();
      if (c.value !== undefined) expect(rec!.value, c.ref).toEqual(c.value);
      if (c.formula !== undefined) expect(rec!.formula, c.ref).toBe(renderFormula(c.formula, ""));
      if (c.format && c.format !== "general") expect(rec!.numberFormat, c.ref).toBe(NUMBER_FORMATS[c.format]);
    }
    const formulas = [...sheet.cells.values()].flatMap((r) => (r.formula ? [r.formula] : []));
    expect(formulas.length).toBe(model.cells.filter((c) => c.formula).length);
    for (const f of formulas) {
      expect(f).not.toContain("JPUST.");
      expect(f).not.toContain("{{");
    }
  });

  it("formulas go through setFormula, values through setValue (never a formula as a value)", () => {
    for (const [ref, rec] of sheet.cells) {
      if (typeof rec.value === "string") expect(rec.value.startsWith("="), ref).toBe(false);
    }
    expect(sheet.calls.filter((c) => c.startsWith("setFormula")).length).toBe(model.cells.filter((c) => c.formula).length);
  });

  it("checked by hand: the input block in A5:B26, CHAIN reading it from E5", () => {
    // 22 CHAIN inputs (CHAIN_INPUTS: the note's 19, then hike_prob, fx_response, bid_elasticity_bn) from row 5: A5:B26.
    expect(CHAIN_INPUT_PARAMS.length).toBe(22);
    expect(sheet.cells.get("E5")!.formula).toBe("=CHAIN(A5:B26)");
    expect(sheet.cells.get("A5")!.value).toBe("hike_bp");
    expect(sheet.cells.get("B5")!.value).toBe(50); // note §3.2: +50bp
    expect(sheet.cells.get("A6")!.value).toBe("us_short");
    expect(sheet.cells.get("B6")!.value).toBe(0.045); // note §3.1: 4.50%
    expect(sheet.cells.get("B6")!.numberFormat).toBe("0.00%");
    expect(sheet.cells.get("B5")!.background).toBe(CELL_LOOKS.input.fill); // input cells stand out, the one look of src/model/styles.ts
    expect(sheet.cells.get("B5")!.fontColor).toBe(CELL_LOOKS.input.fontColor);
    expect(sheet.cells.get("A26")!.value).toBe("bid_elasticity_bn");
    expect(sheet.cells.get("B26")!.value).toBeUndefined(); // blank: off (CHAIN_INPUTS)
    expect(sheet.cells.get("A4")!.fontWeight).toBe("bold"); // header
    expect(sheet.cells.get("A1")!.fontWeight).toBe("bold"); // title
  });

  it("formats the spilled CHAIN rows: rates as %, money as USD bn, the scenario untouched", () => {
    expect(sheet.cells.get("F10:H10")!.numberFormat).toBe("0.00%"); // hedged_ust row (step 5 → row 5 + 5)
    expect(sheet.cells.get("F13:H13")!.numberFormat).toBe("#,##0.0"); // japan_buying_bn (step 8)
    expect(sheet.cells.get("F16:H16")?.numberFormat).toBeUndefined(); // scenario (step 11): General
    for (const { range, format } of model.rangeFormats) {
      expect(sheet.cells.get(range)?.numberFormat, range).toBe(format === "general" ? undefined : NUMBER_FORMATS[format]);
    }
  });

  it("sets the column widths from characters to pixels", () => {
    expect(sheet.widths.get(1)).toBe(30 * 7 + 5); // column A, 30 characters
    expect(sheet.widths.size).toBe(Object.keys(model.columnWidths).length);
  });

  it("the written sheet computes the note's chain: CHAIN over the inputs as Sheets passes them", () => {
    const { code } = insertModel();
    const t = code.fn("CHAIN")(rangeValues(sheet, "A5:B26")) as unknown[][];
    const row = (s: string) => t.find((r) => r[0] === s)!;
    expect(row("hedged_ust").slice(1, 3)).toEqual([0.003, 0.008]); // note §3.1, §3.2
    expect(row("us_10y").slice(1, 3)).toEqual([0.043, 0.046]); // CHAIN's example (docs/functions.md): 4.30% → 4.60%
    expect(row("scenario").slice(1, 3)).toEqual(["A", "B"]); // CHAIN's example: A → B
  });

  it("inserts the native chart of the lifer's sensitivity over the spilled cells, the thresholds as dashed lines", () => {
    expect(sheet.charts.length).toBe(1);
    const [c] = sheet.charts;
    expect(c.options.series).toEqual({
      0: { labelInLegend: "US 10y after" },
      1: { labelInLegend: "scenario B from 4.5%", lineDashStyle: [6, 4], lineWidth: 1 },
      2: { labelInLegend: "scenario C from 5%", lineDashStyle: [6, 4], lineWidth: 1 },
    });
    const spec = model.charts[0];
    // Each range starts at the header row (setNumHeaders(1) names the series): the spilled hike_bp and
    // us_10y columns of CHAIN_SENSITIVITY at A90 (header) … row 99, then the two threshold columns.
    expect(sheet.cells.get("A90")!.formula).toBe('=CHAIN_SENSITIVITY(E48:F69, "hike_bp", 0, 200, 9)');
    expect(c.type).toBe("LINE");
    expect(c.ranges).toEqual(["A90:A99", "F90:F99", "K90:K99", "L90:L99"]);
    expect(c.numHeaders).toBe(1);
    expect(sheet.cells.get("K90")!.value).toBe("scenario B from 4.5%");
    expect(sheet.cells.get("K91")!.value).toBe(0.045); // note §6.3: B from 4.5%
    expect(sheet.cells.get("L99")!.value).toBe(0.05); // note §6.3: C from 5.0%
    expect(c.options).toMatchObject({
      title: spec.title,
      "hAxis.title": "hike_bp (BOJ hike, bp)",
      "vAxis.title": "US 10y after",
      "vAxis.format": "0.00%",
      "legend.position": "bottom",
      series: { 1: { lineDashStyle: [6, 4], lineWidth: 1 }, 2: { lineDashStyle: [6, 4], lineWidth: 1 } },
    });
    // Anchored at the model's cell A101 (row 101, column 1), over A101:F121: 21 rows of 21 px, columns A–F as the model sets them.
    expect(c.position).toEqual([101, 1, 0, 0]);
    expect(c.options.height).toBe(21 * 21);
    expect(c.options.width).toBe([30, 12, 48, 12, 22, 18].reduce((w, chars) => w + chars * 7 + 5, 0));
  });

  it("a second insert gets a free name instead of failing", () => {
    const { sheet: second } = insertModel([MODEL_SHEET_NAME]);
    expect(second.name).toBe(`${MODEL_SHEET_NAME} (2)`);
    expect(second.cells.get("E5")!.formula).toBe("=CHAIN(A5:B26)");
    const { sheet: third } = insertModel([MODEL_SHEET_NAME, `${MODEL_SHEET_NAME} (2)`]);
    expect(third.name).toBe(`${MODEL_SHEET_NAME} (3)`);
  });
});

describe("Insert model sheet with live data", () => {
  const apps = fakeApps();
  const code = loadCode(apps.globals);
  code.fn("insertLiveModelSheet")();
  const sheet = apps.sheets[apps.sheets.length - 1];
  const model = modelSheet({ live: true });

  it("inserts the live model: every cell of it, formulas in the Sheets spelling", () => {
    expect(sheet.name).toBe(model.name);
    for (const c of model.cells) {
      const rec = sheet.cells.get(c.ref);
      expect(rec, c.ref).toBeDefined();
      if (c.formula !== undefined) expect(rec!.formula, c.ref).toBe(renderFormula(c.formula, ""));
      if (c.value !== undefined) expect(rec!.value, c.ref).toEqual(c.value);
    }
  });

  it("the live inputs call the live functions (docs/live.md), the rest follow column B, with their own CHAIN and CHECKPOINTS", () => {
    // Each passes the refresh cell L3 last, which "Refresh live data" sets (docs/live.md).
    expect(sheet.cells.get("L6")!.formula).toBe('=FRED("DGS3MO",,,$L$3)'); // us_short
    expect(sheet.cells.get("L8")!.formula).toBe('=FRED("DGS10",,,$L$3)'); // ust_10y
    expect(sheet.cells.get("L9")!.formula).toBe("=JGB_YIELD(10,,$L$3)"); // jgb_10y
    expect(sheet.cells.get("L18")!.formula).toBe('=TIC_HOLDINGS("Japan",,$L$3)'); // japan_holdings_bn
    expect(sheet.cells.get("K3")!.value).toBe("live data refreshed at");
    expect(sheet.cells.get("L5")!.formula).toBe("=B5"); // hike_bp follows the main block
    expect(sheet.cells.get("L6")!.numberFormat).toBe("0.00%");
    expect(sheet.cells.get("N5")!.formula).toBe("=CHAIN(K5:L26)");
    expect(sheet.cells.get("E5")!.formula).toBe("=CHAIN(A5:B26)"); // the main model is still there
    expect([...sheet.cells.values()].some((r) => r.formula === "=CHECKPOINTS(,$L$3)")).toBe(true);
  });

  it("HEDGE_HISTORY and JAPAN_FLOWS beside it, each passing the refresh cell, their spilled columns formatted", () => {
    // The live block's basis (L10, following B10) goes to HEDGE_HISTORY; the first month is the input cell U26.
    expect(sheet.cells.get("T27")!.formula).toBe("=HEDGE_HISTORY(U26,,L10,,$L$3)");
    expect(sheet.cells.get("K10")!.value).toBe("basis");
    expect(sheet.cells.get("U26")).toMatchObject({ value: "2022-01", numberFormat: "yyyy-mm", background: CELL_LOOKS.input.fill });
    expect(sheet.cells.get("AE27")!.formula).toBe('=JAPAN_FLOWS(52,,"foreign_bonds",$L$3)');
    // Formats of the spilled columns (docs/functions.md, HEDGE_HISTORY and JAPAN_FLOWS: month a date, rates decimals, holdings USD bn; flows JPY bn).
    expect(sheet.cells.get("T28:T627")!.numberFormat).toBe("yyyy-mm-dd");
    expect(sheet.cells.get("Y28:Y627")!.numberFormat).toBe("0.00%");
    expect(sheet.cells.get("AB28:AB627")!.numberFormat).toBe("#,##0.0");
    expect(sheet.cells.get("AE28:AF79")!.numberFormat).toBe("yyyy-mm-dd");
    expect(sheet.cells.get("AG28:AI79")!.numberFormat).toBe("#,##0.0");
  });

  it("inserts the two history charts: the hedged UST and the JGB 10y as lines; weekly purchases as columns with the 13-week sum as a line", () => {
    expect(sheet.charts.map((c) => c.type)).toEqual(["LINE", "LINE", "COMBO"]);
    const [, history, flows] = sheet.charts;
    // Each range from the spill's header row: month (T27), hedged_ust (Y27), jgb_10y (Z27), to the 600 reserved months.
    expect(history.ranges).toEqual(["T27:T627", "Y27:Y627", "Z27:Z627"]);
    expect(history.numHeaders).toBe(1);
    expect(history.options).toMatchObject({
      "hAxis.title": "month",
      "vAxis.format": "0.00%",
      series: { 0: { labelInLegend: "hedged UST 10y" }, 1: { labelInLegend: "JGB 10y" } },
    });
    expect(history.position).toEqual([5, 20, 0, 0]); // T5
    // JAPAN_FLOWS' week_end (AF27), foreign_bonds (AG27) and sum_13w (AI27), 52 weeks.
    expect(flows.ranges).toEqual(["AF27:AF79", "AG27:AG79", "AI27:AI79"]);
    expect(flows.options).toMatchObject({
      seriesType: "line",
      "vAxis.format": "#,##0.0",
      series: { 0: { type: "bars", labelInLegend: "net purchases in the week" }, 1: { labelInLegend: "13-week sum" } },
    });
    expect((flows.options.series as Record<number, object>)[1]).not.toHaveProperty("type");
    expect(flows.position).toEqual([5, 31, 0, 0]); // AE5
    // 20 rows of 21 px; AE–AL: AE, AF 12 characters, AG 14, AH–AL at Sheets' default 100 px.
    expect(flows.options.height).toBe(20 * 21);
    expect(flows.options.width).toBe([12, 12, 14].reduce((w, chars) => w + chars * 7 + 5, 0) + 5 * 100);
  });
});

describe("Function reference", () => {
  it("opens a sidebar listing every catalog function with its signature and description", () => {
    const apps = fakeApps();
    loadCode(apps.globals).fn("showFunctionReference")();
    expect(apps.sidebars.length).toBe(1);
    const { html, title } = apps.sidebars[0];
    expect(title).toBe("marginal-bid functions");
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    for (const f of CATALOG) {
      expect(html, f.name).toContain(esc(signature(f)));
      expect(html, f.name).toContain(esc(f.description));
    }
    expect(html).toContain("=HEDGED_UST(B2:B500, C2:C500, D2:D500)");
  });
});
