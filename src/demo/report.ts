/** The transmission table as a person reads it, from the cells CHAIN spilled on the model sheet. */
import { DetailedCellError } from "hyperformula";
import type { CellValue, ModelWorkbook } from "../hosts/hyperformula/workbook";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import { CHAIN_DEFAULTS, CHANGE_ONLY_STEPS, type ChainInputs, type ChainStep } from "../core/scenarios/chain";
import { cellText, columns, inputText, percent, usdBn, wrapWords } from "./format";

/** Steps whose values are USD bn; the bid cut is a fraction of Japan's buying; the others are rates, or the scenario labels. */
const BN_STEPS = new Set(["japan_buying_bn", "holdings_mtm_bn"]);

/** A fraction with four decimals: 0.6667, −0.6667. */
const fraction = (x: number) => x.toFixed(4).replace(/^-(0\.0000)$/, "$1");

/** One cell of a step as a person reads it; `signed` for a change (+0.30%). */
export function stepText(step: string, v: CellValue, signed = CHANGE_ONLY_STEPS.has(step as ChainStep)): string {
  if (step === "bid_cut") return cellText(v, fraction);
  if (BN_STEPS.has(step)) return cellText(v, (x) => usdBn(x, signed));
  return cellText(v, (x) => percent(x, signed));
}

/** The first error in a block of cells, as "#VALUE! message". */
export function firstError(rows: CellValue[][]): string | undefined {
  for (const row of rows) {
    for (const v of row) if (v instanceof DetailedCellError) return `${v.value}${v.message ? ` ${v.message}` : ""}`;
  }
  return undefined;
}

/** The values of the inputs, as the model sheet holds them. */
export function currentInputs(wb: ModelWorkbook): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const p of CHAIN_INPUT_PARAMS) {
    const v = wb.value(wb.inputRef(p.name));
    out[p.name] = typeof v === "number" || typeof v === "string" ? v : v === null ? "" : String(v);
  }
  return out;
}

/**
 * "hike_bp 100bp* · us_short 4.50% · …", wrapped; `*` marks a value changed from the note's,
 * and the input a sensitivity sweeps reads "swept".
 */
export function inputsLines(values: Record<string, number | string>, swept?: string, width = 96): string[] {
  const parts = CHAIN_INPUT_PARAMS.map((p) => {
    if (p.name === swept) return `${p.name} swept`;
    const v = values[p.name];
    const changed = v !== CHAIN_DEFAULTS[p.name as keyof ChainInputs];
    return `${p.name} ${v === "" ? "blank" : inputText(p, v)}${changed ? "*" : ""}`;
  });
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    const next = line ? `${line} · ${part}` : part;
    if ([...next].length > width && line) {
      lines.push(line);
      line = part;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.map((l) => `  ${l}`);
}

/** The CHAIN block (header row included) as aligned text lines. */
export function chainLines(table: CellValue[][]): string[] {
  const rows: string[][] = [["step", "before", "after", "change", ""]];
  for (const [label, before, after, change] of table.slice(1)) {
    const step = String(label);
    if (step === "scenario") {
      const b = cellText(before, String);
      const a = cellText(after, String);
      rows.push([step, b, a, b === a ? "unchanged" : `${b} → ${a}`, ""]);
      continue;
    }
    const unit = BN_STEPS.has(step) ? "USD bn" : step === "bid_cut" ? "fraction" : "";
    rows.push([step, stepText(step, before, false), stepText(step, after, false), stepText(step, change, true), unit]);
  }
  return columns(rows);
}

/** The CHAIN_COMPARE block (header row included) as aligned text lines: where each step ends, per scenario. */
export function compareLines(table: CellValue[][]): string[] {
  const [header, ...rows] = table;
  return columns([header.map((h) => cellText(h, String)), ...rows.map(([step, ...cells]) => [String(step), ...cells.map((c) => stepText(String(step), c))])]);
}

/** Each scenario of a CHAIN_COMPARE block whose derived bid cut leaves 0–1, in words (buying before from its inputs). */
export function compareReadingLines(table: CellValue[][], buyingBefore: (column: number) => number | undefined): string[] {
  const [header, ...rows] = table;
  const cuts = rows.find((r) => r[0] === "bid_cut");
  const after = rows.find((r) => r[0] === "japan_buying_bn");
  const tp = rows.find((r) => r[0] === "term_premium_change");
  const out: string[] = [];
  header.slice(1).forEach((name, k) => {
    const cut = cuts?.[k + 1];
    const left = after?.[k + 1];
    const before = buyingBefore(k);
    if (typeof cut !== "number" || typeof left !== "number" || before === undefined) return;
    const change = tp?.[k + 1];
    const text = bidCutOutsideText(cut, before, left, typeof change === "number" ? change : undefined);
    if (text) out.push(...wrapWords(`${String(name)}: ${text[0].toLowerCase()}${text.slice(1)}`));
  });
  return out;
}

/** The cells of a block that hold an error, as "step: #VALUE! message", each message once. */
export function cellErrorLines(table: CellValue[][]): string[] {
  const out = new Set<string>();
  for (const row of table.slice(1)) {
    for (const v of row.slice(1)) if (v instanceof DetailedCellError) out.add(`${String(row[0])}: ${v.value} ${v.message}`.trim());
  }
  return [...out];
}

/** Why a cut outside 0–1 is read with care: the chain's bid is linear in the JGB advantage. */
export const OUTSIDE_MODEL =
  "The linear model is outside the range it was built for (a cut between 0 and 1: less buying, down to none), so read this as the model's arithmetic, not a forecast.";

/**
 * A derived bid cut outside 0–1 in words, from Japan's buying before and after (USD bn a year).
 * Above 1 the shortfall exceeds the buying: after = before·(1 − cut) < 0, Japan sells on net;
 * below 0 the shortfall is negative: Japan buys more than before.
 */
export function bidCutOutsideText(cut: number, buyingBefore: number, buyingAfter: number, termPremiumChange?: number): string | undefined {
  const flow = `buying ${usdBn(buyingBefore)} → ${usdBn(buyingAfter)}bn`;
  if (cut > 1) {
    return `The derived bid cut is ${fraction(cut)}, above 1: Japan does not just stop buying USTs, it turns net seller of ${usdBn(-buyingAfter)}bn a year (${flow}). ${OUTSIDE_MODEL}`;
  }
  if (cut < 0) {
    return `The derived bid cut is ${fraction(cut)}, below 0: Japan buys more USTs, ${usdBn(buyingAfter - buyingBefore)}bn a year more than before (${flow})${termPremiumChange !== undefined && termPremiumChange < 0 ? ", and the term premium falls" : ""}.`;
  }
  return undefined;
}

/** A sentence or two on what the table says, read off the same cells. */
export function readingLines(table: CellValue[][]): string[] {
  const row = (step: string) => table.find((r) => r[0] === step);
  const out: string[] = [];
  const cut = row("bid_cut")?.[3];
  const buying = row("japan_buying_bn");
  if (typeof cut === "number" && buying && typeof buying[1] === "number" && typeof buying[2] === "number") {
    const tp = row("term_premium_change")?.[3];
    const text = bidCutOutsideText(cut, buying[1], buying[2], typeof tp === "number" ? tp : undefined);
    if (text) out.push(...wrapWords(text));
  }
  const adv = row("jgb_advantage");
  const jgb = row("jgb_10y");
  const jp = row("jp_short");
  if (adv && typeof adv[3] === "number" && Math.abs(adv[3]) < 1e-12 && jgb && jp && typeof jgb[3] === "number" && jgb[3] === jp[3]) {
    if (out.length) out.push("");
    out.push(
      "The JGB advantage does not move: the hike lifts the JPY short rate and the JGB 10y alike, so the",
      "hedged UST gains exactly what the JGB gains (note §3.2), and the bid cut is the note's input, not",
      "the hike's doing. With a partial hedge (--hedge-ratio), yen strength per hike (--fx-response) and a",
      "bid elasticity (--bid-elasticity-bn) the hike moves the gap, the bid and the US 10y:",
      "  npm run demo -- --hedge-ratio 0.6 --fx-response -0.04 --bid-elasticity-bn 50",
    );
  }
  return out;
}
