/**
 * THE model sheet: the live scenario model that the Excel task pane inserts, the Sheets
 * menu inserts and the demo loads into HyperFormula. One definition, rendered per host:
 * formulas name our functions as `{{CHAIN}}` and each host supplies its prefix
 * (`JPUST.` in Excel, nothing in Sheets and HyperFormula).
 */
import { CHAIN_DEFAULTS, CHAIN_STEPS, type ChainInput, type ChainStep } from "../core/scenarios/chain";
import { SENSITIVITY_STEPS } from "../core/scenarios/sensitivity";
import { SCENARIO_THRESHOLDS } from "../core/scenarios/scenario";
import { TP_PRESETS } from "../core/demand/tpImpact";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { CATALOG } from "../catalog";
import { signature } from "../catalog/describe";
import type { ParamKind, ParamSpec } from "../args/kinds";
import { WATCH } from "../live/checkpoints";
import { HEDGE_HISTORY_HEADER } from "../live/hedgeHistory";
import { flowsHeader } from "../live/japanFlows";
import { columnLetters } from "./a1";
import { INPUT_BLOCK, inputBlockRange } from "./inputBlock";
import type { CellStyle } from "./styles";

export type { CellStyle } from "./styles";
export type NumberFormatName = "percent" | "bp" | "usd_bn" | "jpy_bn" | "fraction" | "factor" | "date" | "month" | "datetime" | "general";

/** Number formats in the syntax Excel, Sheets and exceljs all accept. */
export const NUMBER_FORMATS: Record<NumberFormatName, string> = {
  percent: "0.00%",
  bp: "0",
  usd_bn: "#,##0.0",
  jpy_bn: "#,##0.0",
  fraction: "0%",
  factor: "0.00",
  date: "yyyy-mm-dd",
  month: "yyyy-mm",
  datetime: "yyyy-mm-dd hh:mm",
  general: "General",
};

export interface ModelCell {
  /** A1 address. */
  ref: string;
  value?: number | string;
  /** A formula with our functions written `{{NAME}}`; render with `renderFormula`. */
  formula?: string;
  style?: CellStyle;
  format?: NumberFormatName;
}

/** A block that a formula spills, with the formats of its parts. */
export interface Spill {
  anchor: string;
  rows: number;
  cols: number;
  fn: string;
}

/** One series of a chart: the cells it reads (no header) and its name in the legend. */
export interface ChartSeries {
  name: string;
  values: string;
  /** A reference line (a scenario threshold) rather than a result. */
  dashed: boolean;
  /** Drawn as columns (a weekly flow) rather than a line; only on a `categories` x axis. */
  columns?: boolean;
}

/**
 * A native chart over cells of the sheet, drawn by each host's own chart API (Excel: Office.js,
 * Sheets: the embedded-chart builder). It reads the cells, so it moves when they recalculate.
 */
export interface ModelChart {
  name: string;
  title: string;
  /** The x values (no header) and the axis titles. */
  x: string;
  /**
   * `values`: x is a number or a date on a value axis (Excel: an XY chart), and rows left empty
   * below a table are not drawn, so the x cells may reach past a table that grows;
   * `categories`: one slot per row (needed for columns), over a table of fixed size.
   */
  xAxis: "values" | "categories";
  xTitle: string;
  /** The x labels' format (dates) in Excel; Sheets labels a date axis its own way (its chart patterns are not cell formats). */
  xFormat?: NumberFormatName;
  yTitle: string;
  yFormat: NumberFormatName;
  series: ChartSeries[];
  /** The cells the chart covers: top-left and bottom-right. */
  from: string;
  to: string;
}

export interface ModelSheet {
  name: string;
  cells: ModelCell[];
  /** Formats of ranges that spilled results land in. */
  rangeFormats: { range: string; format: NumberFormatName }[];
  spills: Spill[];
  charts: ModelChart[];
  /** Column widths in characters. */
  columnWidths: Record<string, number>;
  /** Named places other code and tests rely on. */
  refs: {
    inputs: string;
    chain: string;
    bojHike: string;
    tpTable: string;
    scenarioTable: string;
    /** The CHAIN_COMPARE block: its inputs (names, then one column per scenario) and what it spills. */
    scenarioInputs: string;
    compare: string;
    /** What CHAIN_SENSITIVITY spills. */
    sensitivity: string;
    headlines: Record<string, string>;
    /** Only in the model with live data (`modelSheet({ live: true })`). */
    live?: LiveRefs;
  };
}

/** Where the live block sits. */
export interface LiveRefs {
  /** The second CHAIN input block (names and values). */
  inputs: string;
  /** The CHAIN that reads it. */
  chain: string;
  /** The CHECKPOINTS panel. */
  checkpoints: string;
  /** The value cell of each input fed by a live function. */
  fed: Record<string, string>;
  /** The cell every live formula of the block passes as its `refresh` argument (beside REFRESH_LABEL). */
  refresh: string;
  /** HEDGE_HISTORY: its first month's input cell, and the block its spill may fill (header and HISTORY_ROWS months). */
  historyFrom: string;
  history: string;
  /** JAPAN_FLOWS over FLOW_WEEKS weeks. */
  flows: string;
}

export const MODEL_SHEET_NAME = "marginal-bid model";
export const LIVE_MODEL_SHEET_NAME = "marginal-bid live model";

/**
 * The label of a refresh cell: "marginal-bid → Refresh live data" in Sheets writes the time into
 * the cell to the right of every cell holding this text (src/hosts/sheets/refresh.ts). A live
 * formula that passes that cell as its `refresh` argument is computed again: Sheets keeps a
 * custom function's result while its arguments stay the same.
 */
export const REFRESH_LABEL = "live data refreshed at";

/** The live block's refresh cell (beside REFRESH_LABEL in K3), as its formulas pass it. */
const REFRESH_REF = "$L$3";

/**
 * The inputs of the live block that come from the live functions (docs/functions.md, "Live checkpoints"):
 * the USD 3-month T-bill (FRED DGS3MO) as the hedge's USD leg, the Treasury 10y (FRED DGS10),
 * the JGB 10y of the MoF curve and Japan's holdings in the TIC table, each passing the refresh
 * cell as its last argument. Every other input of the live block follows the main block in column B.
 */
export const LIVE_INPUT_FORMULAS: Readonly<Record<string, string>> = {
  us_short: `={{FRED}}("DGS3MO",,,${REFRESH_REF})`,
  ust_10y: `={{FRED}}("DGS10",,,${REFRESH_REF})`,
  jgb_10y: `={{JGB_YIELD}}(10,,${REFRESH_REF})`,
  japan_holdings_bn: `={{TIC_HOLDINGS}}("Japan",,${REFRESH_REF})`,
};

/** Number formats of the CHECKPOINTS rows (latest and change_1m), in the panel's row order. */
const CHECKPOINT_FORMATS: Record<keyof typeof WATCH, NumberFormatName> = {
  us_10y: "percent",
  term_premium_10y: "percent",
  usd_jpy: "factor",
  jgb_10y: "percent",
  hedged_ust_10y: "percent",
  japan_holdings_bn: "usd_bn",
  japan_holdings_change_12m_bn: "usd_bn",
  scenario: "general",
};

const FORMAT_OF_KIND: Record<ParamKind, NumberFormatName> = {
  rate: "percent",
  bp: "bp",
  usd_bn: "usd_bn",
  fraction: "fraction",
  days: "general",
  count: "general",
  years: "factor",
  tenor: "factor",
  fx: "factor",
  factor: "factor",
  date: "general",
  month: "general",
  text: "general",
  boolean: "general",
  any: "general",
};

/** How a CHAIN step reads: money in USD bn, the scenario as text, everything else (bid cut included) as %. */
const STEP_FORMAT: Partial<Record<ChainStep, NumberFormatName>> = { japan_buying_bn: "usd_bn", holdings_mtm_bn: "usd_bn", scenario: "general" };
const stepFormat = (s: ChainStep): NumberFormatName => STEP_FORMAT[s] ?? "percent";

const col = columnLetters;
const INPUT_ROW = INPUT_BLOCK.firstRow;
const CHAIN_ROW = 5;
const CHAIN_COL = 5; // E

/** Row (1-based, within the CHAIN table with its header) of a step. */
export const chainRow = (step: ChainStep) => CHAIN_STEPS.indexOf(step) + 2;

/** `{{CHAIN}}` → `JPUST.CHAIN` (Excel) or `CHAIN` (Sheets, HyperFormula). */
export function renderFormula(formula: string, prefix: string): string {
  return formula.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name) => prefix + name);
}

/**
 * The scenarios side by side (CHAIN_COMPARE). Each names its inputs that differ from the
 * note's; every other input follows the column given in `follows`, so an edit in column B
 * reaches every scenario. The lifer column comes first, beside the names, because the
 * sensitivity block reads those two columns as its CHAIN input pairs.
 */
export const SCENARIO_COLUMNS: readonly { name: string; follows: "main" | "lifer"; inputs: Partial<Record<ChainInput, number | "">> }[] = [
  // A life insurer that hedges 60% (note §2.4: 50–70%), expects 4% of yen strength per 100bp of hike
  // on its unhedged part, and cuts 50bn a year of buying per 100bp the JGB gains on its hedged UST.
  { name: "lifer hedges 60%", follows: "main", inputs: { hedge_ratio: 0.6, fx_response: -0.04, bid_elasticity_bn: 50, bid_cut: "" } },
  // The note's scenario B, "BOJ accelerates": the same lifer facing a 100bp path instead of 50bp.
  { name: "faster BOJ, 100bp", follows: "lifer", inputs: { hike_bp: 100 } },
  { name: "note", follows: "main", inputs: {} },
];

/** The sweep of the sensitivity block: hike_bp 0 to 200bp in 25bp steps, on the lifer's inputs. */
export const SENSITIVITY_SWEEP = { input: "hike_bp", from: 0, to: 200, points: 9 } as const;

export interface ModelOptions {
  /**
   * Add the live block to the right of the model (columns K–R): a second CHAIN input block whose
   * us_short, ust_10y, jgb_10y and japan_holdings_bn come from FRED, the MoF curve and TIC
   * (LIVE_INPUT_FORMULAS), the rest following column B; its own CHAIN; and the CHECKPOINTS panel.
   * Off by default: the default model works offline with the note's numbers.
   */
  live?: boolean;
}

/** Writes cells into a list: `put("B5", { value: 50, style: "input" })`. */
const putter = (cells: ModelCell[]) => (ref: string, cell: Omit<ModelCell, "ref">) => void cells.push({ ref, ...cell });
type Put = ReturnType<typeof putter>;

/**
 * A block of the CHAIN inputs, one a row from INPUT_ROW under a header row: each input's name in
 * column `first`, then the cells `row` gives for it in the columns after (the value first).
 * Returns each input's value cell.
 */
function putInputBlock(put: Put, first: number, headers: readonly string[], row: (p: ParamSpec) => Omit<ModelCell, "ref">[]): Record<string, string> {
  headers.forEach((h, k) => put(`${col(first + k)}${INPUT_ROW - 1}`, { value: h, style: "header" }));
  const valueRef: Record<string, string> = {};
  CHAIN_INPUT_PARAMS.forEach((p, i) => {
    const r = INPUT_ROW + i;
    valueRef[p.name] = `${col(first + 1)}${r}`;
    put(`${col(first)}${r}`, { value: p.name, style: "label" });
    row(p).forEach((cell, k) => put(`${col(first + 1 + k)}${r}`, cell));
  });
  return valueRef;
}

/** The model, laid out once. */
export function modelSheet(options: ModelOptions = {}): ModelSheet {
  const cells: ModelCell[] = [];
  const rangeFormats: ModelSheet["rangeFormats"] = [];
  const put = putter(cells);
  /** Formats of a spilled block's rows, one per CHAIN step, in the given columns. */
  const stepFormats = (firstRow: number, columns: string, steps: readonly ChainStep[]) =>
    steps.forEach((s, k) => rangeFormats.push({ range: columns.replace(/#/g, String(firstRow + k)), format: stepFormat(s) }));

  put("A1", { value: "marginal-bid: Japan's marginal bid for US Treasuries", style: "title" });
  put("A2", { value: "Edit the input cells in column B; every table on this sheet recalculates. Rates are decimals shown as %.", style: "note" });

  // Inputs: the CHAIN_INPUTS block as editable cells, with units beside them.
  const inputRef = putInputBlock(put, 1, ["input", "value", "meaning (note's value)"], (p) => {
    const value = CHAIN_DEFAULTS[p.name as ChainInput];
    return [
      { ...(value === "" ? {} : { value }), style: "input", format: FORMAT_OF_KIND[p.kind] },
      { value: p.help, style: "note" },
    ];
  });
  const lastInput = INPUT_ROW + CHAIN_INPUT_PARAMS.length - 1;
  const inputs = inputBlockRange(CHAIN_INPUT_PARAMS.length);

  // The transmission table.
  const chainEnd = CHAIN_ROW + CHAIN_STEPS.length;
  const chain = `${col(CHAIN_COL)}${CHAIN_ROW}:${col(CHAIN_COL + 3)}${chainEnd}`;
  put(`${col(CHAIN_COL)}${CHAIN_ROW - 1}`, { value: "Transmission: BOJ hike → Japan's bid → US 10y → equities", style: "header" });
  put(`${col(CHAIN_COL)}${CHAIN_ROW}`, { formula: `={{CHAIN}}(${inputs})`, style: "output" });
  stepFormats(CHAIN_ROW + 1, "F#:H#", CHAIN_STEPS);

  // BOJ hike table, fed by the same inputs: the hike that happens is hike_bp · hike_prob.
  const bojRow = chainEnd + 3;
  put(`E${bojRow - 1}`, { value: "BOJ hike: the hedged UST against the JGB (fully hedged)", style: "header" });
  const i = inputRef;
  put(`E${bojRow}`, {
    formula: `={{BOJ_HIKE}}(${i.hike_bp}*${i.hike_prob}, ${i.ust_10y}, ${i.us_short}, ${i.jp_short}, ${i.jgb_10y}, ${i.short_passthrough}, ${i.jgb_passthrough}, ${i.basis})`,
    style: "output",
  });
  rangeFormats.push({ range: `F${bojRow + 1}:H${bojRow + 5}`, format: "percent" });
  const bojHike = `E${bojRow}:H${bojRow + 5}`;

  // Term-premium sensitivity to the shortfall CHAIN finds (before − after of Japan's buying).
  const tpRow = bojRow + 9;
  put(`E${tpRow - 1}`, { value: "Term premium: every estimate for the lost bid", style: "header" });
  put(`E${tpRow}`, { formula: `={{TP_IMPACT_TABLE}}(-INDEX(${chain}, ${chainRow("japan_buying_bn")}, 4))`, style: "output" });
  rangeFormats.push({ range: `G${tpRow + 1}:G${tpRow + TP_PRESETS.length}`, format: "percent" });
  const tpTable = `E${tpRow}:G${tpRow + TP_PRESETS.length}`;

  // The note's scenarios.
  const scRow = tpRow + TP_PRESETS.length + 3;
  put(`E${scRow - 1}`, { value: "Scenarios (note §6.3)", style: "header" });
  put(`E${scRow}`, { formula: "={{SCENARIO_TABLE}}()", style: "output" });
  rangeFormats.push({ range: `G${scRow + 1}:H${scRow + 3}`, format: "percent" });
  const scenarioTable = `E${scRow}:I${scRow + 3}`;

  // Named scenarios side by side: an input block (names, then one column per scenario) and CHAIN_COMPARE.
  const cmpRow = scRow + 7;
  const cmpCols = SCENARIO_COLUMNS.length;
  const cmpLast = col(CHAIN_COL + cmpCols);
  put(`E${cmpRow - 2}`, { value: "Scenarios side by side: edit a scenario's cells; the others follow column B", style: "header" });
  put(`E${cmpRow - 1}`, { value: "The lifer's inputs also drive the sensitivity below. An empty cell takes the note's value.", style: "note" });
  put(`E${cmpRow}`, { value: "input", style: "header" });
  SCENARIO_COLUMNS.forEach((s, k) => put(`${col(CHAIN_COL + 1 + k)}${cmpRow}`, { value: s.name, style: "header" }));
  const liferCol = col(CHAIN_COL + 1);
  CHAIN_INPUT_PARAMS.forEach((p, n) => {
    const r = cmpRow + 1 + n;
    const format = FORMAT_OF_KIND[p.kind];
    put(`E${r}`, { value: p.name, style: "label" });
    SCENARIO_COLUMNS.forEach((s, k) => {
      const ref = `${col(CHAIN_COL + 1 + k)}${r}`;
      const own = s.inputs[p.name as ChainInput];
      if (own === undefined) put(ref, { formula: `=${s.follows === "main" ? inputRef[p.name] : `${liferCol}${r}`}`, format });
      else put(ref, { ...(own === "" ? {} : { value: own }), style: "input", format });
    });
  });
  const cmpEnd = cmpRow + CHAIN_INPUT_PARAMS.length;
  const scenarioInputs = `E${cmpRow}:${cmpLast}${cmpEnd}`;
  const cmpOut = cmpEnd + 2;
  put(`E${cmpOut}`, { formula: `={{CHAIN_COMPARE}}(${scenarioInputs})`, style: "output" });
  stepFormats(cmpOut + 1, `F#:${cmpLast}#`, CHAIN_STEPS);
  const compare = `E${cmpOut}:${cmpLast}${cmpOut + CHAIN_STEPS.length}`;

  // The sensitivity of the lifer's chain to the hike, with the scenario thresholds for the chart.
  const sw = SENSITIVITY_SWEEP;
  const sRow = cmpOut + CHAIN_STEPS.length + 4;
  const sEnd = sRow + sw.points;
  const sCols = SENSITIVITY_STEPS.length + 1;
  put(`A${sRow - 2}`, { value: `Sensitivity of the lifer's chain to the BOJ hike: ${sw.input} ${sw.from} to ${sw.to}`, style: "header" });
  put(`A${sRow - 1}`, {
    value: "CHAIN_SENSITIVITY on the lifer's inputs (names and the lifer column above). With the note's full hedge the curve would be flat.",
    style: "note",
  });
  put(`A${sRow}`, { formula: `={{CHAIN_SENSITIVITY}}(E${cmpRow + 1}:${liferCol}${cmpEnd}, "${sw.input}", ${sw.from}, ${sw.to}, ${sw.points})`, style: "output" });
  rangeFormats.push({ range: `A${sRow + 1}:A${sEnd}`, format: "bp" });
  SENSITIVITY_STEPS.forEach((s, k) => rangeFormats.push({ range: `${col(2 + k)}${sRow + 1}:${col(2 + k)}${sEnd}`, format: stepFormat(s) }));
  const sensitivity = `A${sRow}:${col(sCols)}${sEnd}`;
  // Reference lines for the chart: where scenarios B and C start (note §6.3), one value per point.
  const thresholdCols = ["K", "L"];
  const thresholdNames = SCENARIO_THRESHOLDS.map((t, k) => `scenario ${k === 0 ? "B" : "C"} from ${+(t * 100).toFixed(2)}%`);
  thresholdCols.forEach((c, k) => {
    put(`${c}${sRow}`, { value: thresholdNames[k], style: "header" });
    for (let r = sRow + 1; r <= sEnd; r++) put(`${c}${r}`, { value: SCENARIO_THRESHOLDS[k], format: "percent" });
  });
  const us10yCol = col(2 + SENSITIVITY_STEPS.indexOf("us_10y"));
  const chartTop = sEnd + 2;
  const charts: ModelChart[] = [
    {
      name: "lifer-hike-sensitivity",
      title: `US 10y after the BOJ hike, a lifer that hedges 60% (${sw.input} ${sw.from}–${sw.to})`,
      x: `A${sRow + 1}:A${sEnd}`,
      xTitle: `${sw.input} (BOJ hike, bp)`,
      yTitle: "US 10y after",
      yFormat: "percent",
      series: [
        { name: "US 10y after", values: `${us10yCol}${sRow + 1}:${us10yCol}${sEnd}`, dashed: false },
        ...thresholdCols.map((c, k) => ({ name: thresholdNames[k], values: `${c}${sRow + 1}:${c}${sEnd}`, dashed: true })),
      ],
      xAxis: "values",
      from: `A${chartTop}`,
      to: `F${chartTop + 20}`,
    },
  ];

  // Headlines: ordinary formulas reading the spilled tables.
  const hRow = lastInput + 3;
  put(`A${hRow - 1}`, { value: "headline", style: "header" });
  put(`B${hRow - 1}`, { value: "value", style: "header" });
  const headlines: Record<string, string> = {};
  const headline = (k: number, label: string, formula: string, format: NumberFormatName) => {
    const r = hRow + k;
    headlines[label] = `B${r}`;
    put(`A${r}`, { value: label, style: "label" });
    put(`B${r}`, { formula, style: "output", format });
  };
  headline(0, "hedged UST after the hike", `=INDEX(${chain}, ${chainRow("hedged_ust")}, 3)`, "percent");
  headline(1, "US 10y after", `=INDEX(${chain}, ${chainRow("us_10y")}, 3)`, "percent");
  headline(2, "scenario after", `=INDEX(${chain}, ${chainRow("scenario")}, 3)`, "general");
  headline(3, "average term-premium estimate", `=AVERAGE(G${tpRow + 1}:G${tpRow + TP_PRESETS.length})`, "percent");
  headline(4, "P/E hit, growth + value", `=SUM(H${CHAIN_ROW + chainRow("pe_change_growth") - 1}:H${CHAIN_ROW + chainRow("pe_change_value") - 1})`, "percent");

  // A short reference of every function, from the catalog.
  const refRow = chartTop + 23;
  put(`A${refRow}`, { value: "Function reference", style: "header" });
  CATALOG.forEach((f, k) => {
    put(`A${refRow + 1 + k}`, { value: signature(f), style: "reference" });
    put(`C${refRow + 1 + k}`, { value: f.description, style: "note" });
  });

  const model: ModelSheet = {
    name: MODEL_SHEET_NAME,
    cells,
    rangeFormats,
    spills: [
      { anchor: `E${CHAIN_ROW}`, rows: CHAIN_STEPS.length + 1, cols: 4, fn: "CHAIN" },
      { anchor: `E${bojRow}`, rows: 6, cols: 4, fn: "BOJ_HIKE" },
      { anchor: `E${tpRow}`, rows: TP_PRESETS.length + 1, cols: 3, fn: "TP_IMPACT_TABLE" },
      { anchor: `E${scRow}`, rows: 4, cols: 5, fn: "SCENARIO_TABLE" },
      { anchor: `E${cmpOut}`, rows: CHAIN_STEPS.length + 1, cols: cmpCols + 1, fn: "CHAIN_COMPARE" },
      { anchor: `A${sRow}`, rows: sw.points + 1, cols: sCols, fn: "CHAIN_SENSITIVITY" },
    ],
    charts,
    columnWidths: { A: 30, B: 12, C: 48, D: 12, E: 22, F: 18, G: 18, H: 18, I: 28, K: 22, L: 22 },
    refs: { inputs, chain, bojHike, tpTable, scenarioTable, scenarioInputs, compare, sensitivity, headlines },
  };
  if (options.live) addLiveBlock(model, inputRef, STEP_FORMAT as Record<string, NumberFormatName>);
  return model;
}

/** The live block, columns K–R, beside the main model (which it leaves as it is). */
function addLiveBlock(model: ModelSheet, mainInput: Record<string, string>, chainFormat: Record<string, NumberFormatName>): void {
  const put = putter(model.cells);
  model.name = LIVE_MODEL_SHEET_NAME;

  put("K2", {
    value:
      "Live block: us_short, ust_10y, jgb_10y and japan_holdings_bn from FRED, the MoF JGB curve and TIC; the other inputs follow column B. Offline these cells show #N/A. Refresh live data (Sheets menu, Excel task pane) asks the sources again.",
    style: "note",
  });
  put("K3", { value: REFRESH_LABEL, style: "label" });
  put("L3", { style: "input", format: "datetime" });
  const liveRef = putInputBlock(put, 11, ["live input", "value"], (p) => {
    const live = LIVE_INPUT_FORMULAS[p.name];
    return [live ? { formula: live, style: "output", format: FORMAT_OF_KIND[p.kind] } : { formula: `=${mainInput[p.name]}`, format: FORMAT_OF_KIND[p.kind] }];
  });
  const fed = Object.fromEntries(CHAIN_INPUT_PARAMS.filter((p) => LIVE_INPUT_FORMULAS[p.name]).map((p) => [p.name, liveRef[p.name]]));
  const liveInputs = `K${INPUT_ROW}:L${INPUT_ROW + CHAIN_INPUT_PARAMS.length - 1}`;

  // The same chain on the live inputs: N..Q.
  const chainEnd = CHAIN_ROW + CHAIN_STEPS.length;
  put(`N${CHAIN_ROW - 1}`, { value: "Live transmission: the same chain on live data", style: "header" });
  put(`N${CHAIN_ROW}`, { formula: `={{CHAIN}}(${liveInputs})`, style: "output" });
  CHAIN_STEPS.forEach((step, i) => {
    const r = CHAIN_ROW + 1 + i;
    model.rangeFormats.push({ range: `O${r}:Q${r}`, format: chainFormat[step] ?? "percent" });
  });

  // The note's §6 panel: N..R below the live chain.
  const cpRow = chainEnd + 4;
  const rows = Object.keys(WATCH) as (keyof typeof WATCH)[];
  put(`N${cpRow - 1}`, { value: "Checkpoints (note §6): what to watch, live", style: "header" });
  put(`N${cpRow}`, { formula: `={{CHECKPOINTS}}(,${REFRESH_REF})`, style: "output" });
  rows.forEach((row, i) => {
    const r = cpRow + 1 + i;
    const format = CHECKPOINT_FORMATS[row];
    if (format === "general") return;
    model.rangeFormats.push({ range: `O${r}`, format }, { range: `Q${r}`, format });
  });

  model.spills.push(
    { anchor: `N${CHAIN_ROW}`, rows: CHAIN_STEPS.length + 1, cols: 4, fn: "CHAIN" },
    { anchor: `N${cpRow}`, rows: rows.length + 1, cols: 5, fn: "CHECKPOINTS" },
  );
  Object.assign(model.columnWidths, { J: 3, K: 30, L: 12, M: 3, N: 28, O: 12, P: 12, Q: 12, R: 60 });
  const basis = `L${INPUT_ROW + CHAIN_INPUT_PARAMS.findIndex((p) => p.name === "basis")}`;
  model.refs.live = {
    inputs: liveInputs,
    chain: `N${CHAIN_ROW}:Q${chainEnd}`,
    checkpoints: `N${cpRow}:R${cpRow + rows.length}`,
    fed,
    refresh: REFRESH_REF.replace(/\$/g, ""),
    ...addHistoryBlock(model, basis),
    flows: addFlowsBlock(model),
  };
}

/**
 * The default first month of HEDGE_HISTORY on the live model: early enough to show the hedged UST
 * falling below the JGB 10y (2022-07 on the published data) and Japan's holdings a year before.
 */
export const HISTORY_FROM = "2022-01";

/**
 * Months the history block and its chart make room for below the header: the table runs from its
 * first month to the last complete one, so it grows a row a month; 600 months (50 years) hold a
 * start as early as 2000 (TIC's history) until 2049. Nothing else is placed in those rows.
 */
export const HISTORY_ROWS = 600;

/** Weeks of JAPAN_FLOWS on the live model: a year, so that the 13-week sum shows its trend, not one quarter. */
export const FLOW_WEEKS = 52;

/** Where the two history blocks sit: right of the live block (K–R), charts on top, tables below them. */
const HISTORY_COL = 20; // T
const FLOWS_COL = 31; // AE
const BLOCK_HEADER_ROW = 4;
const BLOCK_CHART_ROWS = [5, 24] as const;
const BLOCK_TABLE_ROW = 27;

/** HEDGE_HISTORY from a month typed in its input cell, with the chart of the hedged UST against the JGB 10y. */
function addHistoryBlock(model: ModelSheet, basis: string): { historyFrom: string; history: string } {
  const put = putter(model.cells);
  const c = (k: number) => col(HISTORY_COL + k);
  const cols = HEDGE_HISTORY_HEADER.length;
  const at = (name: (typeof HEDGE_HISTORY_HEADER)[number]) => c(HEDGE_HISTORY_HEADER.indexOf(name));
  const first = BLOCK_TABLE_ROW + 1;
  const last = BLOCK_TABLE_ROW + HISTORY_ROWS;
  const rows = (name: (typeof HEDGE_HISTORY_HEADER)[number]) => `${at(name)}${first}:${at(name)}${last}`;
  const from = `${c(1)}${BLOCK_TABLE_ROW - 1}`;

  put(`${c(0)}${BLOCK_HEADER_ROW}`, { value: "The thesis month by month: the hedged UST against the JGB 10y, and Japan's holdings (HEDGE_HISTORY)", style: "header" });
  put(`${c(0)}${BLOCK_TABLE_ROW - 1}`, { value: "history from", style: "label" });
  put(from, { value: HISTORY_FROM, style: "input", format: "month" });
  put(`${c(2)}${BLOCK_TABLE_ROW - 1}`, {
    value: "a month (text like 2022-01 or a date); the table runs to the last complete month, the chart follows it. Basis: the live block's.",
    style: "note",
  });
  put(`${c(0)}${BLOCK_TABLE_ROW}`, { formula: `={{HEDGE_HISTORY}}(${from},,${basis},,${REFRESH_REF})`, style: "output" });
  model.rangeFormats.push({ range: rows("month"), format: "date" });
  for (const name of ["us_10y", "us_3m", "jp_short", "hedge_cost", "hedged_ust", "jgb_10y", "jgb_advantage"] as const) model.rangeFormats.push({ range: rows(name), format: "percent" });
  for (const name of ["japan_holdings_bn", "japan_change_12m_bn"] as const) model.rangeFormats.push({ range: rows(name), format: "usd_bn" });
  model.spills.push({ anchor: `${c(0)}${BLOCK_TABLE_ROW}`, rows: HISTORY_ROWS + 1, cols, fn: "HEDGE_HISTORY" });
  model.charts.push({
    name: "hedged-ust-vs-jgb",
    title: "A Japanese investor's 10y: the fully hedged UST against the JGB (note §3.1), month-end",
    x: rows("month"),
    xAxis: "values",
    xTitle: "month",
    xFormat: "month",
    yTitle: "yield",
    yFormat: "percent",
    series: [
      { name: "hedged UST 10y", values: rows("hedged_ust"), dashed: false },
      { name: "JGB 10y", values: rows("jgb_10y"), dashed: false },
    ],
    from: `${c(0)}${BLOCK_CHART_ROWS[0]}`,
    to: `${c(cols - 1)}${BLOCK_CHART_ROWS[1]}`,
  });
  Object.assign(model.columnWidths, { S: 3, [c(0)]: 14, [at("japan_holdings_bn")]: 18, [at("japan_change_12m_bn")]: 20 });
  return { historyFrom: from, history: `${c(0)}${BLOCK_TABLE_ROW}:${c(cols - 1)}${last}` };
}

/** JAPAN_FLOWS over FLOW_WEEKS weeks, with the chart of the weekly purchases and their 13-week sum. */
function addFlowsBlock(model: ModelSheet): string {
  const put = putter(model.cells);
  const c = (k: number) => col(FLOWS_COL + k);
  const header = flowsHeader("foreign_bonds");
  const first = BLOCK_TABLE_ROW + 1;
  const last = BLOCK_TABLE_ROW + FLOW_WEEKS;
  const rows = (name: string) => `${c(header.indexOf(name))}${first}:${c(header.indexOf(name))}${last}`;

  put(`${c(0)}${BLOCK_HEADER_ROW}`, { value: "Japan's weekly bid: residents' net purchases of foreign bonds, JPY bn (JAPAN_FLOWS, MoF weekly)", style: "header" });
  put(`${c(0)}${BLOCK_TABLE_ROW - 1}`, { value: `the last ${FLOW_WEEKS} weeks; plus = net purchases; the sums cover the weeks ending at each row`, style: "note" });
  put(`${c(0)}${BLOCK_TABLE_ROW}`, { formula: `={{JAPAN_FLOWS}}(${FLOW_WEEKS},,"${header[2]}",${REFRESH_REF})`, style: "output" });
  model.rangeFormats.push({ range: `${c(0)}${first}:${c(1)}${last}`, format: "date" }, { range: `${c(2)}${first}:${c(4)}${last}`, format: "jpy_bn" });
  model.spills.push({ anchor: `${c(0)}${BLOCK_TABLE_ROW}`, rows: FLOW_WEEKS + 1, cols: header.length, fn: "JAPAN_FLOWS" });
  model.charts.push({
    name: "japan-weekly-bid",
    title: "Japan's net purchases of foreign bonds: each week and the 13 weeks to it (JPY bn)",
    x: rows("week_end"),
    xAxis: "categories",
    xTitle: "week ending",
    xFormat: "date",
    yTitle: "JPY bn",
    yFormat: "jpy_bn",
    series: [
      { name: "net purchases in the week", values: rows("foreign_bonds"), dashed: false, columns: true },
      { name: "13-week sum", values: rows("sum_13w"), dashed: false },
    ],
    from: `${c(0)}${BLOCK_CHART_ROWS[0]}`,
    to: `${col(FLOWS_COL + 7)}${BLOCK_CHART_ROWS[1]}`,
  });
  Object.assign(model.columnWidths, { AD: 3, [c(0)]: 12, [c(1)]: 12, [c(2)]: 14 });
  return `${c(0)}${BLOCK_TABLE_ROW}:${c(header.length - 1)}${last}`;
}
