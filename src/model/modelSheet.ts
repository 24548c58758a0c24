/**
 * THE model sheet: the live scenario model that the Excel task pane inserts, the Sheets
 * menu inserts and the demo loads into HyperFormula. One definition, rendered per host:
 * formulas name our functions as `{{CHAIN}}` and each host supplies its prefix
 * (`JPUST.` in Excel, nothing in Sheets and HyperFormula).
 */
import { CHAIN_DEFAULTS, CHAIN_STEPS, type ChainInputs } from "../core/scenarios/chain";
import { TP_PRESETS } from "../core/demand/tpImpact";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { CATALOG } from "../catalog";
import { signature } from "../catalog/describe";
import type { ParamKind } from "../args/kinds";
import { WATCH } from "../core/data/checkpoints";

export type CellStyle = "title" | "note" | "header" | "label" | "input" | "output" | "reference";
export type NumberFormatName = "percent" | "bp" | "usd_bn" | "fraction" | "factor" | "datetime" | "general";

/** Number formats in the syntax Excel, Sheets and exceljs all accept. */
export const NUMBER_FORMATS: Record<NumberFormatName, string> = {
  percent: "0.00%",
  bp: "0",
  usd_bn: "#,##0.0",
  fraction: "0%",
  factor: "0.00",
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

export interface ModelSheet {
  name: string;
  cells: ModelCell[];
  /** Formats of ranges that spilled results land in. */
  rangeFormats: { range: string; format: NumberFormatName }[];
  spills: Spill[];
  /** Column widths in characters. */
  columnWidths: Record<string, number>;
  /** Named places other code and tests rely on. */
  refs: {
    inputs: string;
    chain: string;
    bojHike: string;
    tpTable: string;
    scenarioTable: string;
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
 * The inputs of the live block that come from the live functions (SPEC "Live checkpoints"):
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
  any: "general",
};

const col = (n: number) => String.fromCharCode(64 + n);
const INPUT_ROW = 5;
const CHAIN_ROW = 5;
const CHAIN_COL = 5; // E

/** Row (1-based, within the CHAIN table with its header) of a step. */
export const chainRow = (step: (typeof CHAIN_STEPS)[number]) => CHAIN_STEPS.indexOf(step) + 2;

/** `{{CHAIN}}` → `JPUST.CHAIN` (Excel) or `CHAIN` (Sheets, HyperFormula). */
export function renderFormula(formula: string, prefix: string): string {
  return formula.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name) => prefix + name);
}

export interface ModelOptions {
  /**
   * Add the live block to the right of the model (columns K–R): a second CHAIN input block whose
   * us_short, ust_10y, jgb_10y and japan_holdings_bn come from FRED, the MoF curve and TIC
   * (LIVE_INPUT_FORMULAS), the rest following column B; its own CHAIN; and the CHECKPOINTS panel.
   * Off by default: the default model works offline with the note's numbers.
   */
  live?: boolean;
}

/** The model, laid out once. */
export function modelSheet(options: ModelOptions = {}): ModelSheet {
  const cells: ModelCell[] = [];
  const rangeFormats: ModelSheet["rangeFormats"] = [];
  const put = (ref: string, cell: Omit<ModelCell, "ref">) => cells.push({ ref, ...cell });

  put("A1", { value: "marginal-bid: Japan's marginal bid for US Treasuries", style: "title" });
  put("A2", { value: "Edit the input cells in column B; every table on this sheet recalculates. Rates are decimals shown as %.", style: "note" });

  // Inputs: the CHAIN_INPUTS block as editable cells, with units beside them.
  put("A4", { value: "input", style: "header" });
  put("B4", { value: "value", style: "header" });
  put("C4", { value: "meaning (note's value)", style: "header" });
  const inputRef: Record<string, string> = {};
  CHAIN_INPUT_PARAMS.forEach((p, i) => {
    const r = INPUT_ROW + i;
    inputRef[p.name] = `B${r}`;
    put(`A${r}`, { value: p.name, style: "label" });
    put(`B${r}`, { value: CHAIN_DEFAULTS[p.name as keyof ChainInputs], style: "input", format: FORMAT_OF_KIND[p.kind] });
    put(`C${r}`, { value: p.help, style: "note" });
  });
  const lastInput = INPUT_ROW + CHAIN_INPUT_PARAMS.length - 1;
  const inputs = `A${INPUT_ROW}:B${lastInput}`;

  // The transmission table.
  const chainEnd = CHAIN_ROW + CHAIN_STEPS.length;
  const chain = `${col(CHAIN_COL)}${CHAIN_ROW}:${col(CHAIN_COL + 3)}${chainEnd}`;
  put(`${col(CHAIN_COL)}${CHAIN_ROW - 1}`, { value: "Transmission: BOJ hike → Japan's bid → US 10y → equities", style: "header" });
  put(`${col(CHAIN_COL)}${CHAIN_ROW}`, { formula: `={{CHAIN}}(${inputs})`, style: "output" });
  const chainFormat: Record<string, NumberFormatName> = { japan_buying_bn: "usd_bn", holdings_mtm_bn: "usd_bn", scenario: "general" };
  CHAIN_STEPS.forEach((step, i) => {
    const r = CHAIN_ROW + 1 + i;
    rangeFormats.push({ range: `F${r}:H${r}`, format: chainFormat[step] ?? "percent" });
  });

  // BOJ hike table, fed by the same inputs.
  const bojRow = chainEnd + 3;
  put(`E${bojRow - 1}`, { value: "BOJ hike: the hedged UST against the JGB", style: "header" });
  const i = inputRef;
  put(`E${bojRow}`, {
    formula: `={{BOJ_HIKE}}(${i.hike_bp}, ${i.ust_10y}, ${i.us_short}, ${i.jp_short}, ${i.jgb_10y}, ${i.short_passthrough}, ${i.jgb_passthrough}, ${i.basis})`,
    style: "output",
  });
  rangeFormats.push({ range: `F${bojRow + 1}:H${bojRow + 5}`, format: "percent" });
  const bojHike = `E${bojRow}:H${bojRow + 5}`;

  // Term-premium sensitivity to the shortfall the inputs imply.
  const tpRow = bojRow + 9;
  put(`E${tpRow - 1}`, { value: "Term premium: every estimate for the lost bid", style: "header" });
  put(`E${tpRow}`, { formula: `={{TP_IMPACT_TABLE}}(${i.japan_buying_bn}*${i.bid_cut})`, style: "output" });
  rangeFormats.push({ range: `G${tpRow + 1}:G${tpRow + TP_PRESETS.length}`, format: "percent" });
  const tpTable = `E${tpRow}:G${tpRow + TP_PRESETS.length}`;

  // The note's scenarios.
  const scRow = tpRow + TP_PRESETS.length + 3;
  put(`E${scRow - 1}`, { value: "Scenarios (note §6.3)", style: "header" });
  put(`E${scRow}`, { formula: "={{SCENARIO_TABLE}}()", style: "output" });
  rangeFormats.push({ range: `G${scRow + 1}:H${scRow + 3}`, format: "percent" });
  const scenarioTable = `E${scRow}:I${scRow + 3}`;

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
  const refRow = Math.max(scRow + 6, hRow + 8);
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
    ],
    columnWidths: { A: 30, B: 12, C: 48, D: 3, E: 22, F: 12, G: 12, H: 12, I: 28 },
    refs: { inputs, chain, bojHike, tpTable, scenarioTable, headlines },
  };
  if (options.live) addLiveBlock(model, inputRef, chainFormat);
  return model;
}

/** The live block, columns K–R, beside the main model (which it leaves as it is). */
function addLiveBlock(model: ModelSheet, mainInput: Record<string, string>, chainFormat: Record<string, NumberFormatName>): void {
  const put = (ref: string, cell: Omit<ModelCell, "ref">) => model.cells.push({ ref, ...cell });
  model.name = LIVE_MODEL_SHEET_NAME;

  put("K2", {
    value:
      "Live block: us_short, ust_10y, jgb_10y and japan_holdings_bn from FRED, the MoF JGB curve and TIC; the other inputs follow column B. Offline these cells show #N/A. Refresh live data (Sheets menu, Excel task pane) asks the sources again.",
    style: "note",
  });
  put("K3", { value: REFRESH_LABEL, style: "label" });
  put("L3", { style: "input", format: "datetime" });
  put("K4", { value: "live input", style: "header" });
  put("L4", { value: "value", style: "header" });
  const fed: Record<string, string> = {};
  CHAIN_INPUT_PARAMS.forEach((p, i) => {
    const r = INPUT_ROW + i;
    put(`K${r}`, { value: p.name, style: "label" });
    const live = LIVE_INPUT_FORMULAS[p.name];
    if (live) fed[p.name] = `L${r}`;
    put(`L${r}`, live ? { formula: live, style: "output", format: FORMAT_OF_KIND[p.kind] } : { formula: `=${mainInput[p.name]}`, format: FORMAT_OF_KIND[p.kind] });
  });
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
  model.refs.live = {
    inputs: liveInputs,
    chain: `N${CHAIN_ROW}:Q${chainEnd}`,
    checkpoints: `N${cpRow}:R${cpRow + rows.length}`,
    fed,
    refresh: REFRESH_REF.replace(/\$/g, ""),
  };
}
